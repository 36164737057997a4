import { z } from 'zod';

/**
 * A saved canvas (画布) of a case: the entities and relationships an investigator laid out, where,
 * how drawn, and which are hidden. Elements are named by the graph's stable domain keys — a firm's
 * USCC, registration number or `U-…` key, a person's `P-…` key, an address's or phone's key — and
 * relationships by the network's edge ids (`TYPE:source->target#distinguisher`, analyses/network.ts
 * linkId), never by database ids, so a canvas survives re-imports and backups. A person merged into
 * another (importers/passes/persons.ts) keeps its key as an alias; `withCurrentKeys` follows it.
 */

/** Bytes of a canvas's JSON as stored: a canvas is a working picture, not a bulk export. */
export const MAX_CANVAS_BYTES = 2 * 1024 * 1024;
/** Nodes plus edges: what the browser draws at once ("a few thousand elements", issue 12). */
export const MAX_CANVAS_ELEMENTS = 5000;

const text = (max: number) => z.string().max(max);
const key = z.string().trim().min(1).max(300);

/** How an element is drawn beyond the stylesheet (colour, size, shape, a badge): a flat map the canvas reads. */
const style = z
  .record(z.string().min(1).max(40), z.union([text(200), z.number().finite(), z.boolean()]))
  .refine((s) => Object.keys(s).length <= 30, '样式最多 30 项 / at most 30 style entries');

export const canvasNode = z.object({
  key,
  x: z.number().finite(),
  y: z.number().finite(),
  hidden: z.boolean().nullish().transform((v) => v ?? false),
  /** A caption the investigator wrote over the entity's name; null to show the name. */
  label: text(200).nullish().transform((v) => v ?? null),
  style: style.nullish().transform((v) => v ?? null),
});

export const canvasEdge = z.object({
  id: z.string().trim().min(1).max(700),
  source: key,
  target: key,
  hidden: z.boolean().nullish().transform((v) => v ?? false),
  label: text(200).nullish().transform((v) => v ?? null),
  style: style.nullish().transform((v) => v ?? null),
});

export const canvasViewport = z.object({
  zoom: z.number().finite().min(0.01).max(100),
  x: z.number().finite(),
  y: z.number().finite(),
});

export const canvasContent = z
  .object({
    nodes: z.array(canvasNode),
    edges: z.array(canvasEdge),
    viewport: canvasViewport.nullish().transform((v) => v ?? null),
  })
  .superRefine((content, ctx) => {
    if (content.nodes.length + content.edges.length > MAX_CANVAS_ELEMENTS) {
      ctx.addIssue({ code: 'custom', path: ['nodes'], message: `画布最多 ${MAX_CANVAS_ELEMENTS} 个元素 / a canvas holds at most ${MAX_CANVAS_ELEMENTS} elements` });
      return;
    }
    const keys = new Set<string>();
    content.nodes.forEach((n, i) => {
      if (keys.has(n.key)) ctx.addIssue({ code: 'custom', path: ['nodes', i, 'key'], message: `重复的节点 ${n.key} / node ${n.key} twice` });
      keys.add(n.key);
    });
    const ids = new Set<string>();
    content.edges.forEach((e, i) => {
      if (ids.has(e.id)) ctx.addIssue({ code: 'custom', path: ['edges', i, 'id'], message: `重复的关系 ${e.id} / edge ${e.id} twice` });
      ids.add(e.id);
      for (const end of ['source', 'target'] as const) {
        if (!keys.has(e[end])) ctx.addIssue({ code: 'custom', path: ['edges', i, end], message: `关系的端点不在画布上 / the edge's ${end} is not a node of the canvas` });
      }
      // The id names its ends: following an alias rewrites both together (withCurrentKeys).
      if (!e.id.includes(endsOf(e.source, e.target))) {
        ctx.addIssue({ code: 'custom', path: ['edges', i, 'id'], message: '关系标识与端点不符 / the edge id does not name its source and target' });
      }
    });
    if (Buffer.byteLength(JSON.stringify(content), 'utf8') > MAX_CANVAS_BYTES) {
      ctx.addIssue({ code: 'custom', path: [], message: `画布超过 ${MAX_CANVAS_BYTES / 1024 / 1024} MB / the canvas is larger than ${MAX_CANVAS_BYTES / 1024 / 1024} MB` });
    }
  });

export type CanvasContent = z.output<typeof canvasContent>;
export type CanvasNode = z.output<typeof canvasNode>;
export type CanvasEdge = z.output<typeof canvasEdge>;

const endsOf = (source: string, target: string) => `:${source}->${target}`;

/** Every key a canvas names: its nodes' (edges only join nodes of the canvas). */
export function canvasKeys(content: CanvasContent): string[] {
  return content.nodes.map((n) => n.key);
}

/**
 * The canvas with each key replaced by the key it answers to now (`current`, from
 * cypher/analyses/currentKeys). A node merged into another already on the canvas gives way to it
 * (the first drawn keeps its place); an edge's id is rewritten with its ends, and two edges that
 * became one are drawn once.
 */
export function withCurrentKeys(content: CanvasContent, current: ReadonlyMap<string, string>): CanvasContent {
  const now = (k: string) => current.get(k) ?? k;
  if (!content.nodes.some((n) => now(n.key) !== n.key)) return content;
  const nodes = new Map<string, CanvasNode>();
  for (const n of content.nodes) if (!nodes.has(now(n.key))) nodes.set(now(n.key), { ...n, key: now(n.key) });
  const edges = new Map<string, CanvasEdge>();
  for (const e of content.edges) {
    const source = now(e.source);
    const target = now(e.target);
    const id = source === e.source && target === e.target ? e.id : e.id.replace(endsOf(e.source, e.target), endsOf(source, target));
    if (!edges.has(id)) edges.set(id, { ...e, id, source, target });
  }
  return { ...content, nodes: [...nodes.values()], edges: [...edges.values()] };
}
