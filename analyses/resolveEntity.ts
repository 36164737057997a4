import type { GraphReader } from '../cypher/run.ts';
import { AnalysisError, type Candidate } from './envelope.ts';
import { keyKind, resolveFirm, resolvePerson } from './resolve.ts';

/**
 * A firm or a person, named by key (USCC, registration number, `U-…`, `P-…`) or exact name, for
 * the analyses that start from either (paths, the neighbourhood). Both are looked up; a text that
 * names one firm and one person is refused with both, like any ambiguous name.
 */
export async function resolveEntity(graph: GraphReader, text: string): Promise<Candidate> {
  const attempt = (find: Promise<Candidate>) =>
    find.then(
      (c): Candidate[] => [c],
      (e: unknown): Candidate[] => {
        if (e instanceof AnalysisError && e.code === 'NOT_FOUND') return [];
        throw e;
      },
    );
  // A key says which it is; only a name needs both looked up.
  const kind = keyKind(text);
  const firmKey = kind === 'COMPANY';
  const personKey = kind === 'PERSON';
  const [firms, persons] = await Promise.all([
    personKey ? [] : attempt(resolveFirm(graph, text)),
    firmKey ? [] : attempt(resolvePerson(graph, text)),
  ]);
  const found = [...firms, ...persons];
  if (found.length === 1) return found[0]!;
  if (found.length === 0) {
    throw new AnalysisError('NOT_FOUND', `未找到企业或人员“${text}”，请检查代码或名称 / no firm or person with key or exact name "${text}"`);
  }
  const list = found.map((c) => `${c.key}  ${c.name}${c.note ? `  (${c.note})` : ''}`).join('\n  ');
  throw new AnalysisError(
    'AMBIGUOUS',
    `“${text}”既是企业名称也是人员姓名，请改用代码 / "${text}" names both a firm and a person; give the key instead:\n  ${list}`,
    found,
  );
}
