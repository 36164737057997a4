// A report run's document (format chuantou.report/1, written by the server's exporters/document.ts)
// as this screen reads it. The API types it as JSON; web/ imports nothing from the server, so the
// parts shown are declared here, and read defensively: a field missing from an older document is
// shown as absent, never as a crash.

import type { Chain, EntityRef } from '../../api/evidence.ts';

export type FactValue = string | number | boolean | null | string[];

export interface Finding {
  subject: EntityRef;
  score: number | null;
  facts: Record<string, FactValue>;
  evidence: { chains: Chain[]; chainsComplete: boolean };
  exhaustive: boolean;
  limitsHit: string[];
}

export interface ImportRunSource {
  id: string;
  kind: string;
  file: string;
  sha256: string | null;
  finishedAt: string | null;
  counts: Record<string, number>;
}

export interface RunDocument {
  query: { id: string | null; title: string; description: string | null; analysis: string; analysisTitle: { zh: string; en: string } };
  run: { id: string; number: number; ranAt: string; ranBy: string; trigger: string; office: string | null };
  params: Record<string, unknown>;
  data: { importRuns: ImportRunSource[]; counts: Record<string, number> };
  envelope: { analysis: string; exhaustive: boolean; limitsHit: string[]; findings: Finding[] };
  network: { nodes: EntityRef[] };
}

const isObject = (value: unknown): value is Record<string, unknown> => value != null && typeof value === 'object' && !Array.isArray(value);
const array = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);

/** The document as this screen reads it; the parts it lacks come back empty. */
export function readRunDocument(value: unknown): RunDocument {
  const doc = isObject(value) ? value : {};
  const query = isObject(doc.query) ? doc.query : {};
  const run = isObject(doc.run) ? doc.run : {};
  const data = isObject(doc.data) ? doc.data : {};
  const envelope = isObject(doc.envelope) ? doc.envelope : {};
  const network = isObject(doc.network) ? doc.network : {};
  const title = isObject(query.analysisTitle) ? query.analysisTitle : {};
  return {
    query: {
      id: typeof query.id === 'string' ? query.id : null,
      title: String(query.title ?? ''),
      description: typeof query.description === 'string' ? query.description : null,
      analysis: String(query.analysis ?? ''),
      analysisTitle: { zh: String(title.zh ?? query.analysis ?? ''), en: String(title.en ?? query.analysis ?? '') },
    },
    run: {
      id: String(run.id ?? ''),
      number: Number(run.number ?? 0),
      ranAt: String(run.ranAt ?? ''),
      ranBy: String(run.ranBy ?? ''),
      trigger: String(run.trigger ?? ''),
      office: typeof run.office === 'string' ? run.office : null,
    },
    params: isObject(doc.params) ? doc.params : {},
    data: { importRuns: array<ImportRunSource>(data.importRuns), counts: isObject(data.counts) ? (data.counts as Record<string, number>) : {} },
    envelope: {
      analysis: String(envelope.analysis ?? ''),
      exhaustive: envelope.exhaustive !== false,
      limitsHit: array<string>(envelope.limitsHit),
      findings: array<Finding>(envelope.findings).map((f) => ({
        ...f,
        facts: isObject(f.facts) ? f.facts : {},
        evidence: { chains: array<Chain>(f.evidence?.chains), chainsComplete: f.evidence?.chainsComplete !== false },
        limitsHit: array<string>(f.limitsHit),
      })),
    },
    network: { nodes: array<EntityRef>(network.nodes) },
  };
}

/** Every entity the document names, by key: to name a firm a change is about. */
export function namesByKey(doc: RunDocument): Map<string, string> {
  const names = new Map<string, string>();
  for (const node of doc.network.nodes) names.set(node.key, node.name);
  for (const f of doc.envelope.findings) {
    names.set(f.subject.key, f.subject.name);
    for (const c of f.evidence.chains) for (const ref of c.path) names.set(ref.key, ref.name);
  }
  return names;
}
