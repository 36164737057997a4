import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateApiFiles, generatedTypesFile, persistedOperationsFile } from '../../scripts/apiCodegen.ts';

/**
 * The web app's API types and the server's persisted-operation list are generated, never edited:
 * what is committed is what `npm run codegen` makes from the schema and the web's operations now,
 * so a schema or operation change without regenerating fails here.
 */

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe('generated API files', () => {
  it('are what npm run codegen makes from the schema and web/src/api/operations now (regenerate when this fails)', async () => {
    const started = performance.now();
    const outputs = await generateApiFiles();
    // Offline and quick enough to run before every commit.
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(outputs.map((o) => o.file).sort()).toEqual([persistedOperationsFile, generatedTypesFile].sort());
    const fresh = fs.mkdtempSync(path.join(os.tmpdir(), 'chuantou-codegen-'));
    for (const { file, content } of outputs) {
      const regenerated = path.join(fresh, path.basename(file));
      fs.writeFileSync(regenerated, content);
      expect(fs.readFileSync(path.resolve(file), 'utf8'), `${file} is stale: run npm run codegen`).toBe(fs.readFileSync(regenerated, 'utf8'));
    }
    fs.rmSync(fresh, { recursive: true, force: true });
  }, 30_000);

  it('say they are generated and how', () => {
    expect(fs.readFileSync(path.resolve(generatedTypesFile), 'utf8').split('\n')[0]).toMatch(/GENERATED FILE/);
    expect(fs.readFileSync(path.resolve(generatedTypesFile), 'utf8')).toContain('npm run codegen');
  });

  it('leave no GraphQL document written by hand in the web app: every operation is in web/src/api/operations', () => {
    const handWritten = sourceFiles(path.resolve('web/src'))
      .filter((file) => !file.endsWith(path.join('api', 'generated.ts')))
      .filter((file) => /['"`]\s*(query|mutation|subscription|fragment)\b[^'"`]*[{(]/.test(fs.readFileSync(file, 'utf8')));
    expect(handWritten.map((f) => path.relative(process.cwd(), f))).toEqual([]);
  });
});
