// The layout of a big network (hundreds to thousands of nodes), registered with cytoscape as
// 'spread' in graph/cytoscape.ts. fCoSE's force-directed pass costs about the square of the node
// count here (its iterations grow with the nodes, each one repelling every nearby box: 500 nodes
// took 2.5 s, 2,000 over 100 s of CPU), and its spectral start alone ('draft') leaves the network
// piled up: 2,000 nodes in 840 × 800 px, thousands of boxes on top of each other, every label at
// once. So a big network keeps fCoSE's spectral start — the global shape, which firms sit near which
// — stretched to the area the network needs, and d3-force (Barnes–Hut repulsion, links at the
// explorer's edge length, boxes kept apart) settles it in a fixed number of steps.

import { forceCollide, forceLink, forceManyBody, forceSimulation, type SimulationLinkDatum, type SimulationNodeDatum } from 'd3-force';
import type { Collection, EdgeSingular, LayoutOptions, NodeSingular, Position } from 'cytoscape';

export interface SpreadLayoutOptions {
  name: 'spread';
  eles: Collection;
  /** Nodes held where they are (pinned by the investigator). */
  fixed?: { nodeId: string; position: Position }[];
  /** The length a link settles at, as fCoSE's idealEdgeLength. */
  idealEdgeLength?: number;
  /** Steps of the simulation; the layout's cost is about steps × nodes × log(nodes). */
  steps?: number;
  /** Growing a drawn network: start from where the nodes are (no spectral start), and move them less. */
  incremental?: boolean;
  fit?: boolean;
  animate?: boolean;
  padding?: number;
}

interface Body extends SimulationNodeDatum {
  id: string;
  /** Half the diagonal of the node's box with its label, plus a margin: what the collision keeps apart. */
  radius: number;
}

const DEFAULTS = { idealEdgeLength: 130, steps: 50, incremental: false, fit: false, animate: false, padding: 30 };

/** Positions for `nodes`: spectral start by fCoSE, stretched, then settled by d3-force. */
export function spreadPositions(
  nodes: { id: string; width: number; height: number; start: Position }[],
  links: { source: string; target: string }[],
  options: { idealEdgeLength: number; steps: number; fixed: Map<string, Position>; incremental: boolean },
): Map<string, Position> {
  const { idealEdgeLength, steps, fixed, incremental } = options;
  // The spectral start is well shaped but squeezed: stretch it to the area n boxes need at the
  // link length, so the simulation only settles instead of unfolding a pile.
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (const { start } of nodes) {
    x1 = Math.min(x1, start.x);
    y1 = Math.min(y1, start.y);
    x2 = Math.max(x2, start.x);
    y2 = Math.max(y2, start.y);
  }
  const target = Math.sqrt(nodes.length) * idealEdgeLength;
  const scale = incremental ? 1 : Math.max(1, target / Math.max(1, x2 - x1, y2 - y1));
  const cx = (x1 + x2) / 2;
  const cy = (y1 + y2) / 2;
  const bodies: Body[] = nodes.map((node) => {
    const pin = fixed.get(node.id);
    return {
      id: node.id,
      radius: Math.hypot(node.width, node.height) / 2 + 6,
      x: pin ? pin.x : cx + (node.start.x - cx) * scale,
      y: pin ? pin.y : cy + (node.start.y - cy) * scale,
      fx: pin?.x,
      fy: pin?.y,
    };
  });
  const simulation = forceSimulation(bodies)
    // Seeded near its end, the simulation starts cool and cools to rest in `steps`.
    .alpha(incremental ? 0.25 : 0.5)
    .alphaDecay(1 - Math.pow(0.001 / (incremental ? 0.25 : 0.5), 1 / steps))
    .force('charge', forceManyBody<Body>().strength(-idealEdgeLength * 2).theta(1.2).distanceMax(idealEdgeLength * 8))
    .force(
      'link',
      forceLink<Body, SimulationLinkDatum<Body>>(links.map((l) => ({ ...l })))
        .id((b) => b.id)
        .distance(idealEdgeLength),
    )
    .force('collide', forceCollide<Body>((b) => b.radius).strength(0.8))
    .stop();
  simulation.tick(steps);
  return new Map(bodies.map((b) => [b.id, { x: b.x!, y: b.y! }]));
}

interface LayoutThis {
  options: SpreadLayoutOptions;
}

/** The cytoscape layout: `cytoscape('layout', 'spread', SpreadLayout)`. */
export function SpreadLayout(this: LayoutThis, options: SpreadLayoutOptions) {
  this.options = { ...DEFAULTS, ...options };
}

SpreadLayout.prototype.run = function run(this: LayoutThis) {
  const options = this.options as SpreadLayoutOptions & typeof DEFAULTS;
  // A group's box follows its members (cytoscape places compound parents), so only the others move.
  const nodes = options.eles.nodes().filter((node: NodeSingular) => !node.isParent());
  const fixed = new Map((options.fixed ?? []).map((f) => [f.nodeId, f.position]));
  // fCoSE's spectral start, synchronous (no animation), on the same elements.
  if (!options.incremental) {
    options.eles
    .layout({
      name: 'fcose',
      quality: 'draft',
      randomize: true,
      animate: false,
      fit: false,
      nodeDimensionsIncludeLabels: true,
      idealEdgeLength: options.idealEdgeLength,
      fixedNodeConstraint: options.fixed?.length ? options.fixed : undefined,
    } as LayoutOptions)
    .run();
  }
  const ids = new Set(nodes.map((n: NodeSingular) => n.id()));
  const positions = spreadPositions(
    nodes.map((node: NodeSingular) => {
      const box = node.boundingBox({ includeLabels: true });
      return { id: node.id(), width: box.w, height: box.h, start: { ...node.position() } };
    }),
    options.eles
      .edges()
      .filter((edge: EdgeSingular) => ids.has(edge.source().id()) && ids.has(edge.target().id()) && edge.source().id() !== edge.target().id())
      .map((edge: EdgeSingular) => ({ source: edge.source().id(), target: edge.target().id() })),
    { idealEdgeLength: options.idealEdgeLength, steps: options.steps, fixed, incremental: options.incremental },
  );
  nodes.layoutPositions(this as never, options as never, (node: NodeSingular) => positions.get(node.id())!);
  return this;
};
