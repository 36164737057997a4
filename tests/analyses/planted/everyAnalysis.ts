import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { analysisNames } from '../../../analyses/index.ts';
import { envelope as envelopeSchema, type Finding } from '../../../analyses/envelope.ts';
import type { Truth } from '../../../generator/index.ts';
import { createApi } from '../../../server/yoga.ts';
import { maskIdNumbersInText } from '../../../model/idMasking.ts';
import { mapAtMost, runCli } from '../../support/cli.ts';
import { testNeo4jEnv } from '../../support/graph.ts';
import { signedInClient, testServerParts } from '../../support/server.ts';
import type { Province } from './province.ts';

/**
 * Every registered analysis, on the generated province, through both doors a user has: the
 * GraphQL API's runAnalysis and `chuantou run` in a process of its own. Each answers with a valid
 * envelope and findings, and every finding carries evidence: chains, a subgraph, highlighted hits
 * in its facts (a keyword screen's evidence is the text), or — for a hub reported unexpanded — the
 * limit that cut it, named.
 */

/** Parameters that make each analysis find something in the province; an analysis missing here fails the test. */
export function paramsFor(truth: Truth): Record<string, Record<string, string>> {
  const owners = truth.planted.beneficialOwners[0]!;
  const chain = truth.planted.flaggedControllers.find((c) => c.via === 'chain')!;
  const cluster = truth.planted.shellClusters[0]!;
  const controller = truth.planted.flaggedControllers[0]!;
  return {
    'beneficial-owners': { firm: owners.firm },
    'controlled-firms': { firm: chain.chains![0]!.path[0]! },
    'flagged-controllers': {},
    'out-of-province-venues': {},
    'keyword-screen': { lists: 'venues' },
    'unapproved-changes': {},
    paths: { from: cluster.firms[0]!, to: cluster.firms[1]! },
    'shell-clusters': {},
    'self-financing': {},
    'list-xref': { entries: controller.flaggedFirmNames.join(',') },
    neighborhood: { key: owners.firm },
    'common-controllers': { firms: controller.flaggedFirms.join(',') },
    'bo-mismatch': {},
  };
}

/** Chains, a subgraph, highlighted text — or, for a hub left unexpanded, the cap that cut its evidence, named. */
function hasEvidence(finding: Finding): boolean {
  const { chains, subgraph, chainsComplete } = finding.evidence;
  return chains.length > 0 || subgraph !== undefined || Array.isArray(finding.facts.highlights) || (!chainsComplete && finding.limitsHit.length > 0);
}

/** The CLI's data directory (it records itself in the audit trail: key, checkpoints): a temporary one, never the user's .data. */
let cliDataDir: string | null = null;

function cli(args: string[], province: Province) {
  cliDataDir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'chuantou-every-analysis-'));
  return runCli(args, { ...testNeo4jEnv(), CHUANTOU_DATA_DIR: cliDataDir, CHUANTOU_JURISDICTION: province.settings.jurisdiction });
}

export default function everyAnalysis(province: Province): void {
  it('every analysis answers GraphQL runAnalysis with findings, each with its evidence', async () => {
    const parts = testServerParts(province.graph, { settings: province.settings });
    const api = createApi(parts);
    const client = await signedInClient((url, init) => api.fetch(url, init), parts.accounts, 'investigator', { jurisdiction: province.settings.jurisdiction });
    const params = paramsFor(province.truth);
    expect(Object.keys(params).sort()).toEqual([...analysisNames].sort());
    for (const name of analysisNames) {
      const { data, errors } = await client.gql(
        `query($name: String!, $params: JSON) { runAnalysis(name: $name, params: $params) {
            analysis params ranAt about { kind key name } exhaustive limitsHit
            findings { subject { kind key name } score facts evidence exhaustive limitsHit } } }`,
        { name, params: params[name] },
      );
      expect(errors, name).toBeUndefined();
      const env = envelopeSchema.parse(data!.runAnalysis);
      expect(env.analysis).toBe(name);
      expect(env.findings.length, name).toBeGreaterThan(0);
      for (const f of env.findings) expect(hasEvidence(f), `${name}: ${f.subject.name}`).toBe(true);
    }
  }, 600_000);

  it('every analysis runs from the command line and writes its findings as CSV, no full ID number in it without a reason', async () => {
    const params = paramsFor(province.truth);
    // Each its own process; two at once (their audit entries wait on the chain's lock in turn).
    const runs = await mapAtMost(analysisNames, 2, (name) => {
      const pairs = Object.entries(params[name]!).flatMap(([k, v]) => ['--param', `${k}=${v}`]);
      return cli(['run', name, ...pairs, '--format', 'csv'], province);
    });
    for (const [i, name] of analysisNames.entries()) {
      const { code, stdout, stderr } = runs[i]!;
      expect(stderr, name).toBe('');
      expect(code, name).toBe(0);
      // A byte-order mark, a header and at least one finding.
      expect(stdout.startsWith('\ufeff'), name).toBe(true);
      expect(stdout.trim().split('\n').length, name).toBeGreaterThan(1);
      expect(maskIdNumbersInText(stdout), name).toBe(stdout);
    }
  }, 600_000);
}
