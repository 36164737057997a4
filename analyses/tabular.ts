import { percentText } from '../model/values.ts';
import { unmatchedEntries, type Chain, type Envelope, type FactValue } from './envelope.ts';
import { csvCell } from '../model/csv.ts';

/**
 * An envelope as table rows — one per finding, facts flattened into columns, the evidence as
 * readable chains — for the CLI's csv and table formats and for spreadsheet exports.
 */

export type Cell = string | number | boolean | null;

/** 王建国 —80%→ 汇金 —60%→ 鑫融投资 (=48%); non-equity steps show their basis, offices their role. */
export function chainText(c: Chain): string {
  let text = c.path[0]!.name;
  c.edges.forEach((e, i) => {
    const label =
      e.type === 'HOLDS_SHARES'
        ? e.ratio === null || e.ratio === undefined
          ? '?%'
          : percentText(e.adjustedRatio ?? e.ratio)
        : (e.role ?? e.basisText ?? e.basis ?? e.type);
    // A route walked against a relationship's direction keeps the relationship's own direction in view.
    text += e.details?.reversed === true ? ` ←${label}— ${c.path[i + 1]!.name}` : ` —${label}→ ${c.path[i + 1]!.name}`;
  });
  if (c.kind === 'ownership') text += c.product === null ? ' (=?)' : ` (=${percentText(c.product)})`;
  return text;
}

function cell(v: FactValue | undefined): Cell {
  if (v === undefined) return null;
  return Array.isArray(v) ? v.join('; ') : v;
}

/**
 * One row per finding; for a list cross-reference also one row per entry that matched nothing
 * (未找到 / not found), since a list comes back whole or the reader cannot tell "no match" from
 * "not checked".
 */
export function findingRows(envelope: Envelope): Record<string, Cell>[] {
  const factKeys: string[] = [];
  for (const f of envelope.findings) for (const k of Object.keys(f.facts)) if (!factKeys.includes(k)) factKeys.push(k);
  const notFound = unmatchedEntries(envelope);
  if (notFound.length > 0) for (const k of ['input', 'matchedBy']) if (!factKeys.includes(k)) factKeys.push(k);
  const unmatchedRows = notFound.map((input) => {
    const row: Record<string, Cell> = { kind: null, key: null, name: null, score: null };
    for (const k of factKeys) row[k] = null;
    row.input = input;
    row.matchedBy = '未找到 / not found';
    row.exhaustive = envelope.exhaustive;
    row.limitsHit = envelope.limitsHit.join('; ');
    row.evidence = null;
    return row;
  });
  return [...matchedRows(envelope, factKeys), ...unmatchedRows];
}

function matchedRows(envelope: Envelope, factKeys: string[]): Record<string, Cell>[] {
  return envelope.findings.map((f) => {
    const row: Record<string, Cell> = { kind: f.subject.kind, key: f.subject.key, name: f.subject.name, score: f.score };
    for (const k of factKeys) row[k] = cell(f.facts[k]);
    row.exhaustive = f.exhaustive;
    row.limitsHit = f.limitsHit.join('; ');
    row.evidence = f.evidence.chains.map(chainText).join(' | ');
    return row;
  });
}

/** UTF-8 with a byte-order mark, so spreadsheet programs on Chinese Windows read it as UTF-8. */
export function toCsv(envelope: Envelope): string {
  const rows = findingRows(envelope);
  const header = rows[0] ? Object.keys(rows[0]) : ['kind', 'key', 'name', 'score', 'exhaustive', 'limitsHit', 'evidence'];
  const lines = [header.map(csvCell).join(','), ...rows.map((r) => header.map((h) => csvCell(r[h] ?? null)).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
