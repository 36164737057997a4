import { relationshipTypes, type RelationshipTypeName } from '../model/graph.ts';
import { percentText } from '../model/values.ts';
import type { EntityKind, EntityRef, Subgraph } from '../analyses/envelope.ts';
import type { ReportLocale } from './document.ts';
import { networkLayout, nodeBox } from './networkLayout.ts';

/**
 * A report's network as a vector picture (SVG): printed inside the report, and a file of its own
 * in the evidence bundle. It looks like the app's canvas (web/src/graph/style.ts): firms as blue
 * boxes with the name inside, persons as orange discs with the name above, holdings as blue arrows
 * labelled with the ratio, offices as grey dotted arrows labelled with the role. Firms on a list or
 * case (a FLAGGED relationship) are drawn red, which is what a flagged-firm report is about.
 *
 * Every entity is one `<g class="node">` and every relationship one `<g class="edge">`, each
 * carrying its key or type, so a reader's tool (and a test) can find them. All text is escaped:
 * names come from imported files.
 */

/** Text for XML and HTML alike: markup characters escaped, characters XML cannot carry dropped. */
export function escapeMarkup(value: string): string {
  return value
    .replace(/[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const palette = {
  companyFill: '#e4eefa',
  companyBorder: '#2f6fb5',
  companyText: '#123a66',
  flaggedFill: '#fdecea',
  flaggedBorder: '#c62828',
  flaggedText: '#7f1010',
  personFill: '#f08a24',
  personBorder: '#b86210',
  personText: '#4a2a08',
  otherFill: '#f3f4f6',
  otherBorder: '#8a939e',
  otherText: '#2b3440',
  holds: '#5b7fa6',
  holdsMajor: '#24476e',
  control: '#24476e',
  legalRep: '#c0620f',
  officer: '#8a939e',
  flagged: '#c62828',
  hint: '#9c27b0',
  other: '#6b7480',
  edgeText: '#2b3440',
} as const;

export const FONT_FAMILY = "'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', sans-serif";
const NODE_FONT = 12;
const SMALL_FONT = 10;
const EDGE_FONT = 10;
const MARGIN = 36;
/** A holding at or above this is drawn heavier: a majority stake confers control (as on screen). */
const MAJORITY = 0.5;

type Edge = Subgraph['edges'][number];

/** Rough advance of a character: CJK and full-width forms a full em, the rest a little over half. */
function textWidth(text: string, size: number): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(ch) ? size : size * 0.58;
  return w;
}

/** Up to `lines` lines of at most `width`; what does not fit ends in '…' (the full text is in the node's <title>). */
function wrap(text: string, width: number, size: number, lines: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const ch of text) {
    if (textWidth(line + ch, size) > width && line !== '') {
      out.push(line);
      line = '';
      if (out.length === lines) break;
    }
    line += ch;
  }
  if (out.length < lines && line !== '') out.push(line);
  else if (out.length === lines && [...out.join('')].length < [...text].length) out[lines - 1] = `${[...out[lines - 1]!].slice(0, -1).join('')}…`;
  return out;
}

function caption(type: string, locale: ReportLocale): string {
  return relationshipTypes[type as RelationshipTypeName]?.caption[locale] ?? type;
}

/** A holding's ratio as the computation used it, an office's role, a control's basis, else the type's caption. */
export function edgeLabel(e: Edge, locale: ReportLocale): string {
  if (e.type === 'HOLDS_SHARES') {
    const ratio = e.adjustedRatio ?? e.ratio;
    return typeof ratio === 'number' ? percentText(ratio) : `${caption(e.type, locale)} ?%`;
  }
  if (e.type === 'OFFICER_OF') return e.role ?? caption(e.type, locale);
  if (e.type === 'CONTROLS') return e.basisText ?? e.basis ?? caption(e.type, locale);
  return caption(e.type, locale);
}

interface EdgeLook {
  color: string;
  width: number;
  dash: string | null;
}

function edgeLook(e: Edge): EdgeLook {
  switch (e.type) {
    case 'HOLDS_SHARES': {
      const ratio = e.adjustedRatio ?? e.ratio;
      return typeof ratio === 'number' && ratio >= MAJORITY ? { color: palette.holdsMajor, width: 2.6, dash: null } : { color: palette.holds, width: 1.4, dash: null };
    }
    case 'CONTROLS':
      return { color: palette.control, width: 2.6, dash: '8 3' };
    case 'LEGAL_REPRESENTATIVE_OF':
      return { color: palette.legalRep, width: 1.4, dash: '6 3' };
    case 'OFFICER_OF':
      return { color: palette.officer, width: 1.4, dash: '2 3' };
    case 'FLAGGED':
      return { color: palette.flagged, width: 1.4, dash: null };
    case 'POSSIBLY_SAME_AS':
      // A hint, never a fact: drawn faint and dashed.
      return { color: palette.hint, width: 1.2, dash: '4 4' };
    default:
      return { color: palette.other, width: 1.2, dash: '3 3' };
  }
}

function fmt(n: number): string {
  return String(Math.round(n * 10) / 10);
}

/** Where the line from a node's centre toward (tx, ty) leaves the node's outline. */
function boundaryPoint(kind: EntityKind, cx: number, cy: number, tx: number, ty: number): [number, number] {
  const dx = tx - cx;
  const dy = ty - cy;
  const len = Math.hypot(dx, dy) || 1;
  const box = nodeBox(kind);
  if (kind === 'PERSON') return [cx + (dx / len) * (box.width / 2), cy + (dy / len) * (box.height / 2)];
  const sx = dx === 0 ? Infinity : box.width / 2 / Math.abs(dx);
  const sy = dy === 0 ? Infinity : box.height / 2 / Math.abs(dy);
  const s = Math.min(sx, sy);
  return [cx + dx * s, cy + dy * s];
}

export function networkSvg(network: Subgraph, locale: ReportLocale): string {
  const { positions } = networkLayout(network);
  const refs = new Map<string, EntityRef>(network.nodes.map((n) => [n.key, n]));
  const flagged = new Set(network.edges.filter((e) => e.type === 'FLAGGED').map((e) => e.source));

  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const extend = (x1: number, y1: number, x2: number, y2: number) => {
    minX = Math.min(minX, x1);
    minY = Math.min(minY, y1);
    maxX = Math.max(maxX, x2);
    maxY = Math.max(maxY, y2);
  };

  const nodeParts: string[] = [];
  for (const ref of refs.values()) {
    const p = positions.get(ref.key)!;
    const box = nodeBox(ref.kind);
    const title = `<title>${escapeMarkup(`${ref.name} (${ref.key})`)}</title>`;
    const data = `data-key="${escapeMarkup(ref.key)}" data-kind="${ref.kind}"`;
    if (ref.kind === 'PERSON') {
      // The name above the disc: a person's relationships all leave downward, toward the firms.
      const lines = wrap(ref.name, 110, NODE_FONT, 2);
      const top = p.y - box.height / 2 - 4 - (lines.length - 1) * (NODE_FONT + 2);
      const text = lines.map((l, i) => `<text x="${fmt(p.x)}" y="${fmt(top + i * (NODE_FONT + 2))}" text-anchor="middle" font-size="${NODE_FONT}" fill="${palette.personText}">${escapeMarkup(l)}</text>`).join('');
      nodeParts.push(`<g class="node person" ${data}>${title}<circle cx="${fmt(p.x)}" cy="${fmt(p.y)}" r="${box.width / 2}" fill="${palette.personFill}" stroke="${palette.personBorder}" stroke-width="1.5"/>${text}</g>`);
      const halfText = Math.max(...lines.map((l) => textWidth(l, NODE_FONT))) / 2;
      extend(p.x - Math.max(halfText, box.width / 2), top - NODE_FONT, p.x + Math.max(halfText, box.width / 2), p.y + box.height / 2);
      continue;
    }
    const company = ref.kind === 'COMPANY';
    const isFlagged = company && flagged.has(ref.key);
    const [fill, stroke, color] = isFlagged ? [palette.flaggedFill, palette.flaggedBorder, palette.flaggedText] : company ? [palette.companyFill, palette.companyBorder, palette.companyText] : [palette.otherFill, palette.otherBorder, palette.otherText];
    const size = company ? NODE_FONT : SMALL_FONT;
    const lines = wrap(ref.name, box.width - 12, size, 2);
    const firstY = p.y - ((lines.length - 1) * (size + 2)) / 2 + size * 0.36;
    const text = lines.map((l, i) => `<text x="${fmt(p.x)}" y="${fmt(firstY + i * (size + 2))}" text-anchor="middle" font-size="${size}" fill="${color}">${escapeMarkup(l)}</text>`).join('');
    const cls = company ? (isFlagged ? 'node company flagged' : 'node company') : `node ${ref.kind.toLowerCase()}`;
    nodeParts.push(
      `<g class="${cls}" ${data}>${title}<rect x="${fmt(p.x - box.width / 2)}" y="${fmt(p.y - box.height / 2)}" width="${box.width}" height="${box.height}" rx="${company ? 6 : 12}" fill="${fill}" stroke="${stroke}" stroke-width="${isFlagged ? 2.5 : 1.5}"${company ? '' : ' stroke-dasharray="4 2"'}/>${text}</g>`,
    );
    extend(p.x - box.width / 2, p.y - box.height / 2, p.x + box.width / 2, p.y + box.height / 2);
  }

  // Relationships between the same two entities (holder, legal representative and officer of one
  // firm) are bowed apart so each line and label stays readable.
  const pairCount = new Map<string, number>();
  const markers = new Map<string, string>();
  const edgeParts: string[] = [];
  for (const e of network.edges) {
    const from = refs.get(e.source);
    const to = refs.get(e.target);
    const look = edgeLook(e);
    const label = edgeLabel(e, locale);
    const data = `data-type="${escapeMarkup(e.type)}" data-source="${escapeMarkup(e.source)}" data-target="${escapeMarkup(e.target)}"`;
    if (!from || !to) {
      // A relationship whose end is missing from the node list cannot be drawn; it still counts as one element.
      edgeParts.push(`<g class="edge" ${data}><title>${escapeMarkup(label)}</title></g>`);
      continue;
    }
    const pair = [e.source, e.target].sort().join('\u0000');
    const nth = pairCount.get(pair) ?? 0;
    pairCount.set(pair, nth + 1);
    const a = positions.get(e.source)!;
    const b = positions.get(e.target)!;
    const bow = nth === 0 ? 0 : (nth % 2 === 1 ? 1 : -1) * Math.ceil(nth / 2) * 28;
    const mx = (a.x + b.x) / 2;
    const my = (a.y + b.y) / 2;
    const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
    // The same bow for both directions of a pair: the normal of the pair's sorted direction.
    const sign = e.source < e.target ? 1 : -1;
    const nx = (-(b.y - a.y) / len) * sign;
    const ny = ((b.x - a.x) / len) * sign;
    const cx = mx + nx * bow * 2;
    const cy = my + ny * bow * 2;
    const [x1, y1] = boundaryPoint(from.kind, a.x, a.y, bow ? cx : b.x, bow ? cy : b.y);
    const [x2, y2] = boundaryPoint(to.kind, b.x, b.y, bow ? cx : a.x, bow ? cy : a.y);
    const marker = `arrow-${look.color.slice(1)}`;
    markers.set(marker, look.color);
    const d = bow ? `M${fmt(x1)} ${fmt(y1)} Q${fmt(cx)} ${fmt(cy)} ${fmt(x2)} ${fmt(y2)}` : `M${fmt(x1)} ${fmt(y1)} L${fmt(x2)} ${fmt(y2)}`;
    // The label sits on the line's midpoint (on a bowed line, half way to its control point).
    const lx = bow ? (mx + cx) / 2 : mx;
    const ly = bow ? (my + cy) / 2 : my;
    edgeParts.push(
      `<g class="edge" ${data}><path d="${d}" fill="none" stroke="${look.color}" stroke-width="${look.width}"${look.dash ? ` stroke-dasharray="${look.dash}"` : ''} marker-end="url(#${marker})"/>` +
        `<text x="${fmt(lx)}" y="${fmt(ly + EDGE_FONT * 0.36)}" text-anchor="middle" font-size="${EDGE_FONT}" fill="${palette.edgeText}" stroke="#ffffff" stroke-width="3" paint-order="stroke">${escapeMarkup(label)}</text></g>`,
    );
    const half = textWidth(label, EDGE_FONT) / 2;
    extend(Math.min(x1, x2, cx, lx - half), Math.min(y1, y2, cy), Math.max(x1, x2, cx, lx + half), Math.max(y1, y2, cy));
  }

  if (!Number.isFinite(minX)) [minX, minY, maxX, maxY] = [0, 0, 200, 80];
  const x0 = minX - MARGIN;
  const y0 = minY - MARGIN;
  const width = Math.ceil(maxX - minX + 2 * MARGIN);
  const height = Math.ceil(maxY - minY + 2 * MARGIN);
  const defs = [...markers].map(
    ([id, color]) => `<marker id="${id}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" markerUnits="userSpaceOnUse" orient="auto"><path d="M0 0 L10 5 L0 10 z" fill="${color}"/></marker>`,
  );
  const title = locale === 'en' ? 'Network of the findings’ evidence' : '线索证据关系网络';
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="network" viewBox="${fmt(x0)} ${fmt(y0)} ${width} ${height}" width="${width}" height="${height}" font-family="${FONT_FAMILY}" role="img">`,
    `<title>${escapeMarkup(title)}</title>`,
    `<defs>${defs.join('')}</defs>`,
    `<rect x="${fmt(x0)}" y="${fmt(y0)}" width="${width}" height="${height}" fill="#ffffff"/>`,
    // Edges first: nodes are drawn over the lines' ends.
    `<g class="edges">${edgeParts.join('')}</g>`,
    `<g class="nodes">${nodeParts.join('')}</g>`,
    '</svg>',
  ].join('\n');
}
