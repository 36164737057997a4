import { relationshipTypes, type RelationshipTypeName } from '../model/graph.ts';
import type { Subgraph } from '../analyses/envelope.ts';
import type { ReportDocument } from './document.ts';
import { escapeMarkup } from './networkSvg.ts';

/**
 * The report's network (every entity and relationship of the findings' evidence) as GraphML, the
 * format Gephi, yEd, Cytoscape desktop and networkx open. Every attribute is declared as a <key>
 * with its type, so ratios arrive as numbers; `label` is the attribute Gephi shows on nodes and
 * edges. Node ids are the entities' domain keys (USCC, P-…), so two exports of runs on the same
 * data join in the reader's tool. Relationship details (list type, case number, amounts …) become
 * attributes `detail.<name>`, typed from their values.
 */

type KeyType = 'string' | 'double' | 'boolean';
interface KeyDef {
  id: string;
  for: 'graph' | 'node' | 'edge';
  name: string;
  type: KeyType;
}


type Value = string | number | boolean | null | undefined | string[];

function valueText(v: Exclude<Value, null | undefined>): string {
  return Array.isArray(v) ? v.join('; ') : String(v);
}

function typeOf(values: Value[]): KeyType {
  const present = values.filter((v) => v !== null && v !== undefined);
  if (present.length > 0 && present.every((v) => typeof v === 'number')) return 'double';
  if (present.length > 0 && present.every((v) => typeof v === 'boolean')) return 'boolean';
  return 'string';
}

/** What an edge shows on the canvas: a holding's ratio, an office's role, a control's basis, else the type's caption. */
function edgeLabel(e: Subgraph['edges'][number]): string {
  if (e.type === 'HOLDS_SHARES' && typeof e.ratio === 'number') return `${Number((e.ratio * 100).toPrecision(10))}%`;
  const caption = relationshipTypes[e.type as RelationshipTypeName]?.caption.zh ?? e.type;
  return e.role ?? e.basisText ?? e.basis ?? caption;
}

const edgeFields = ['type', 'ratio', 'adjustedRatio', 'role', 'basis', 'basisText', 'validFrom', 'validTo', 'note'] as const;

export function reportGraphml(document: ReportDocument): string {
  const { nodes, edges } = document.network;
  const keys: KeyDef[] = [
    { id: 'g_title', for: 'graph', name: 'title', type: 'string' },
    { id: 'g_run', for: 'graph', name: 'runId', type: 'string' },
    { id: 'g_analysis', for: 'graph', name: 'analysis', type: 'string' },
    { id: 'g_ranAt', for: 'graph', name: 'ranAt', type: 'string' },
    { id: 'n_label', for: 'node', name: 'label', type: 'string' },
    { id: 'n_kind', for: 'node', name: 'kind', type: 'string' },
    { id: 'n_key', for: 'node', name: 'key', type: 'string' },
    { id: 'n_name', for: 'node', name: 'name', type: 'string' },
    { id: 'e_label', for: 'edge', name: 'label', type: 'string' },
  ];
  // Ratios are numbers by the model, whether or not this network has one.
  for (const f of edgeFields) keys.push({ id: `e_${f}`, for: 'edge', name: f, type: f === 'ratio' || f === 'adjustedRatio' ? 'double' : 'string' });
  const detailNames: string[] = [];
  for (const e of edges) for (const k of Object.keys(e.details ?? {})) if (!detailNames.includes(k)) detailNames.push(k);
  // Ids stay simple NCName-like strings whatever the detail is called; the name carries the meaning.
  detailNames.forEach((k, i) => keys.push({ id: `e_d${i}`, for: 'edge', name: `detail.${k}`, type: typeOf(edges.map((e) => e.details?.[k])) }));
  const edgeKeyId = new Map(keys.filter((k) => k.for === 'edge').map((k) => [k.name, k.id]));

  const data = (keyId: string, v: Value) => (v === null || v === undefined ? '' : `<data key="${keyId}">${escapeMarkup(valueText(v))}</data>`);
  const lines: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...keys.map((k) => `  <key id="${k.id}" for="${k.for}" attr.name="${escapeMarkup(k.name)}" attr.type="${k.type}"/>`),
    `  <graph id="${escapeMarkup(document.run.id)}" edgedefault="directed">`,
    `    ${data('g_title', document.query.title)}${data('g_run', document.run.id)}${data('g_analysis', document.query.analysis)}${data('g_ranAt', document.run.ranAt)}`,
  ];
  const ids = new Set<string>();
  for (const n of nodes) {
    if (ids.has(n.key)) continue;
    ids.add(n.key);
    lines.push(`    <node id="${escapeMarkup(n.key)}">${data('n_label', n.name)}${data('n_kind', n.kind)}${data('n_key', n.key)}${data('n_name', n.name)}</node>`);
  }
  edges.forEach((e, i) => {
    const fields = edgeFields.map((f) => data(edgeKeyId.get(f)!, e[f])).join('');
    const details = detailNames.map((d) => data(edgeKeyId.get(`detail.${d}`)!, e.details?.[d])).join('');
    lines.push(`    <edge id="e${i}" source="${escapeMarkup(e.source)}" target="${escapeMarkup(e.target)}">${data('e_label', edgeLabel(e))}${fields}${details}</edge>`);
  });
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}
