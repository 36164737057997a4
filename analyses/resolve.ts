import type { GraphReader } from '../cypher/run.ts';
import { isValidUscc } from '../model/identifiers/uscc.ts';
import { normalizeName } from '../model/names.ts';
import { AnalysisError, type Candidate } from './envelope.ts';

/**
 * The entity an analysis starts from, named by key (or USCC / registration number) or by exact
 * name. A name several entities bear is an error that lists them: guessing would attribute one
 * firm's or person's owners to another.
 */

interface Row {
  rank: number;
  entity: Candidate;
}

function pick(rows: Row[], text: string, what: { zh: string; en: string }): Candidate {
  const exact = rows.filter((r) => r.rank === 0);
  if (exact.length === 1) return exact[0]!.entity;
  const candidates = (exact.length > 1 ? exact : rows).map((r) => r.entity);
  if (candidates.length === 0) {
    throw new AnalysisError('NOT_FOUND', `未找到${what.zh}“${text}”，请检查代码或名称 / no ${what.en} with key or exact name "${text}"`);
  }
  if (candidates.length === 1) return candidates[0]!;
  const list = candidates.map((c) => `${c.key}  ${c.name}${c.identifier ? `  ${c.identifier}` : ''}${c.note ? `  (${c.note})` : ''}`).join('\n  ');
  throw new AnalysisError(
    'AMBIGUOUS',
    `名称“${text}”对应多个${what.zh}，请改用代码 / several ${what.en}s bear the name "${text}"; give the key instead:\n  ${list}`,
    candidates,
  );
}

/**
 * The kind of entity a text names by the shape of a key — a firm's USCC, 15-digit registration
 * number or `U-…`, a person's `P-…` — or null for a name. A key so shaped may still name nothing.
 */
export function keyKind(text: string): 'COMPANY' | 'PERSON' | null {
  const code = text.trim().toUpperCase();
  if (isValidUscc(code) || /^\d{15}$/.test(code) || code.startsWith('U-')) return 'COMPANY';
  return code.startsWith('P-') ? 'PERSON' : null;
}

/**
 * The key each stored key answers to now: a person key merged into another person (one person named
 * twice in one firm, kept as an alias) answers with the survivor's key, any other key with itself.
 * The one resolver for keys kept across imports — exported tables, saved queries, saved canvases,
 * report diffs — before they are looked up; `resolvePerson` and the key look-ups of the API
 * (`analyses/entityByKey`, `entities/search`) follow aliases the same way.
 */
export async function currentKeys(graph: GraphReader, keys: readonly string[]): Promise<Map<string, string>> {
  const distinct = [...new Set(keys)];
  if (distinct.length === 0) return new Map();
  const rows = await graph.read<{ key: string; current: string }>('analyses/currentKeys', { keys: distinct });
  return new Map(rows.map((r) => [r.key, r.current]));
}

/** One key's current key (see currentKeys). */
export async function currentKey(graph: GraphReader, key: string): Promise<string> {
  return (await currentKeys(graph, [key])).get(key) ?? key;
}

export async function resolveFirm(graph: GraphReader, text: string): Promise<Candidate> {
  const rows = await graph.read<Row>('analyses/resolveFirm', { code: text.trim().toUpperCase(), normalized: normalizeName(text) });
  return pick(rows, text, { zh: '企业', en: 'firm' });
}

export async function resolvePerson(graph: GraphReader, text: string): Promise<Candidate> {
  const rows = await graph.read<Row>('analyses/resolvePerson', { code: text.trim(), normalized: normalizeName(text) });
  return pick(rows, text, { zh: '人员', en: 'person' });
}
