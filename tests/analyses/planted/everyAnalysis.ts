import { expect, inject, it } from 'vitest';
import { analysisNames } from '../../../analyses/index.ts';
import { envelope as envelopeSchema, type Finding } from '../../../analyses/envelope.ts';
import type { Truth } from '../../../generator/index.ts';
import { createApi } from '../../../server/yoga.ts';
import { runCli } from '../../support/cli.ts';
import type { Province } from './province.ts';

/**
 * Every registered analysis, on the generated province, through both doors a user has: the
 * GraphQL API's runAnalysis and `chuantou run` in a process of its own. Each answers with a valid
 * envelope and findings, and every finding carries evidence: chains, a subgraph, highlighted hits
 * in its facts (a keyword screen's evidence is the text), or — for a hub reported unexpanded — the
 * limit that cut it, named.
 */

/** Parameters that make each analysis find something in the province; an analysis missing here fails the test. */
function paramsFor(truth: Truth): Record<string, Record<string, string>> {
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

function cli(args: string[], province: Province) {
  return runCli(args, { NEO4J_URI: inject('neo4jUri'), CHUANTOU_JURISDICTION: province.settings.jurisdiction });
}

export default function everyAnalysis(province: Province): void {
  it('every analysis answers GraphQL runAnalysis with findings, each with its evidence', async () => {
    const api = createApi(province.graph, province.settings);
    const params = paramsFor(province.truth);
    expect(Object.keys(params).sort()).toEqual([...analysisNames].sort());
    for (const name of analysisNames) {
      const response = await api.fetch('http://test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: `query($name: String!, $params: JSON) { runAnalysis(name: $name, params: $params) {
            analysis params ranAt about { kind key name } exhaustive limitsHit
            findings { subject { kind key name } score facts evidence exhaustive limitsHit } } }`,
          variables: { name, params: params[name] },
        }),
      });
      const { data, errors } = (await response.json()) as { data?: { runAnalysis: unknown }; errors?: unknown[] };
      expect(errors, name).toBeUndefined();
      const env = envelopeSchema.parse(data!.runAnalysis);
      expect(env.analysis).toBe(name);
      expect(env.findings.length, name).toBeGreaterThan(0);
      for (const f of env.findings) expect(hasEvidence(f), `${name}: ${f.subject.name}`).toBe(true);
    }
  }, 600_000);

  it('every analysis runs from the command line and writes its findings as CSV', async () => {
    const params = paramsFor(province.truth);
    for (const name of analysisNames) {
      const pairs = Object.entries(params[name]!).flatMap(([k, v]) => ['--param', `${k}=${v}`]);
      const { code, stdout, stderr } = await cli(['run', name, ...pairs, '--format', 'csv'], province);
      expect(stderr, name).toBe('');
      expect(code, name).toBe(0);
      // A byte-order mark, a header and at least one finding.
      expect(stdout.startsWith('\ufeff'), name).toBe(true);
      expect(stdout.trim().split('\n').length, name).toBeGreaterThan(1);
    }
  }, 600_000);
}
