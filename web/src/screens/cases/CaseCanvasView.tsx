// A case's canvas drawn where it was saved: the explorer's stylesheet, but every node at its saved
// position (no layout runs on opening), dragging moves a node, and the case's hand-entered
// relations drawn as their own dashed violet edges. The explorer's NetworkCanvas lays its network
// out on every change, which would throw away the positions a saved canvas is about.

import { useEffect, useRef, useState } from 'react';
import cytoscape, { type Core } from '../../graph/cytoscape.ts';
import { rendererOptions, stylesheetFor } from '../../graph/renderer.ts';
import { FIT_PADDING, stylesheet } from '../../graph/style.ts';
import type { DrawnEdge, DrawnNode } from './canvasModel.ts';

export interface CaseCanvasHandle {
  /** Where every drawn node is now, by key. */
  positions: () => Map<string, { x: number; y: number }>;
  fit: () => void;
}

interface Props {
  /** Changes when another canvas (or another version of it) is opened: the drawing starts over and fits. */
  canvasKey: string;
  nodes: readonly DrawnNode[];
  edges: readonly DrawnEdge[];
  onSelect: (ids: string[]) => void;
  /** A node was dragged somewhere else. */
  onMoved: () => void;
  onReady: (handle: CaseCanvasHandle | null) => void;
}

const MAX_FIT_ZOOM = 1.25;

export function CaseCanvasView({ canvasKey, nodes, edges, onSelect, onMoved, onReady }: Props) {
  const containerRef = useRef<HTMLDivElement>(null);
  const [cy, setCy] = useState<Core | null>(null);
  const latest = useRef({ onSelect, onMoved });
  latest.current = { onSelect, onMoved };
  const fittedFor = useRef<string | null>(null);
  // Where each node is on screen now (px from the canvas' top left), for the list below.
  const [onScreen, setOnScreen] = useState<ReadonlyMap<string, { x: number; y: number }>>(new Map());

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const core = cytoscape({
      container,
      ...rendererOptions('canvas'),
      style: stylesheetFor('canvas', stylesheet),
      layout: { name: 'preset' },
      selectionType: 'single',
      boxSelectionEnabled: true,
      minZoom: 0.05,
      maxZoom: 4,
    });
    core.on('select unselect', () => queueMicrotask(() => latest.current.onSelect(core.$(':selected').map((e) => e.id()))));
    core.on('dragfreeon', 'node', () => latest.current.onMoved());
    let timer: ReturnType<typeof setTimeout> | undefined;
    core.on('render', () => {
      clearTimeout(timer);
      timer = setTimeout(() => setOnScreen(new Map(core.nodes().map((n) => [n.id(), n.renderedPosition()]))), 100);
    });
    const observer = new ResizeObserver(() => core.resize());
    observer.observe(container);
    setCy(core);
    onReady({
      positions: () => new Map(core.nodes().map((n) => [n.id(), { ...n.position() }])),
      fit: () => fit(core),
    });
    return () => {
      clearTimeout(timer);
      onReady(null);
      observer.disconnect();
      core.destroy();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- one instance for the component's life
  }, []);

  useEffect(() => {
    if (!cy) return;
    const fresh = fittedFor.current !== canvasKey;
    const wantedNodes = new Map(nodes.map((n) => [n.id, n]));
    const wantedEdges = new Map(edges.map((e) => [e.id, e]));
    cy.batch(() => {
      if (fresh) cy.elements().remove();
      cy.edges().filter((e) => !wantedEdges.has(e.id())).remove();
      cy.nodes().filter((n) => !wantedNodes.has(n.id())).remove();
      for (const node of nodes) {
        const { x, y, id, ...data } = node;
        const drawn = cy.getElementById(id);
        // A node already drawn keeps where the user dragged it; only its data follows.
        if (drawn.nonempty()) drawn.data(data);
        else cy.add({ group: 'nodes', data: { id, ...data }, position: { x, y } });
      }
      for (const edge of edges) {
        const { id, source, target, ...data } = edge;
        const drawn = cy.getElementById(id);
        if (drawn.nonempty()) drawn.data(data);
        else cy.add({ group: 'edges', data: { id, source, target, ...data } });
      }
    });
    if (fresh && cy.nodes().nonempty()) {
      fittedFor.current = canvasKey;
      fit(cy);
    }
  }, [cy, canvasKey, nodes, edges]);

  return (
    <div className="case-canvas" data-testid="case-canvas">
      <div ref={containerRef} className="case-canvas-drawing" />
      {/* What the drawing holds (x, y: the canvas's own coordinates as last saved or loaded), for screen readers and browser tests. */}
      <div className="visually-hidden">
        <ul data-testid="case-canvas-nodes">
          {nodes.map((n) => (
            <li
              key={n.id}
              data-key={n.id}
              data-kind={n.kind}
              data-x={Math.round(n.x)}
              data-y={Math.round(n.y)}
              data-screen-x={onScreen.has(n.id) ? Math.round(onScreen.get(n.id)!.x) : undefined}
              data-screen-y={onScreen.has(n.id) ? Math.round(onScreen.get(n.id)!.y) : undefined}
            >
              {n.label}
            </li>
          ))}
        </ul>
        <ul data-testid="case-canvas-edges">
          {edges.map((e) => (
            <li key={e.id} data-edge={e.id} data-source={e.source} data-target={e.target} data-hand={e.hand || undefined}>
              {e.label}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

function fit(cy: Core): void {
  if (cy.elements().empty()) return;
  cy.fit(cy.elements(), FIT_PADDING);
  if (cy.zoom() > MAX_FIT_ZOOM) {
    cy.zoom(MAX_FIT_ZOOM);
    cy.center(cy.elements());
  }
}
