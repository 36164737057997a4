import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { cruise, type ICruiseResult } from 'dependency-cruiser';

const require = createRequire(import.meta.url);
const config = require('../../.dependency-cruiser.cjs');

describe('architecture', () => {
  it('every import points down the layers and the web app imports nothing from the server side', async () => {
    const result = await cruise(['model', 'cypher', 'importers', 'analyses', 'exporters', 'reports', 'accounts', 'audit', 'cases', 'migrations', 'server', 'cli', 'neo4j', 'generator', 'web/src'], {
      validate: true,
      ruleSet: { forbidden: config.forbidden },
      ...config.options,
      exclude: { path: 'neo4j/target|web/dist' },
    });
    const output = result.output as ICruiseResult;
    const violations = output.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
    expect(violations).toEqual([]);
    // The rules must have something to judge: a cruise that found no modules would pass vacuously.
    expect(output.modules.length).toBeGreaterThan(40);
  });
});
