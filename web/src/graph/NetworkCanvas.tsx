// The one module that loads cytoscape. It draws the data it is given and reports clicks; it never
// fetches and never owns graph state, so panels and tests can reason about plain data.

import cytoscape, { type Core, type ElementDefinition, type Layouts, type Position } from 'cytoscape';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n.ts';
import { layeredPositions } from './layering.ts';
import { layouts, stylesheet, type CanvasData, type CanvasEdge, type CanvasNode, type CanvasRelation, type LayoutName } from './style.ts';

export interface NetworkCanvasProps {
  data: CanvasData;
  selectedId: string | null;
  layout: LayoutName;
  onSelect: (id: string | null) => void;
  onExpand: (id: string) => void;
}

interface DrawnNode {
  id: string;
  kind: string;
  label: string;
  center: boolean;
  inactive: boolean;
}

interface DrawnEdge {
  /** The relationship's id; `edge` is the drawn line that carries it. */
  id: string;
  edge: string;
  source: string;
  target: string;
  type: string;
  label: string;
}

const COMFORTABLE_ZOOM = 1.25;
// Below this the 12px firm names are under 6px on screen and the stylesheet stops drawing them.
const READABLE_ZOOM = 0.6;
const FIT_PADDING = 40;

type LayoutState = 'empty' | 'running' | 'done';

export function NetworkCanvas({ data, selectedId, layout, onSelect, onExpand }: NetworkCanvasProps) {
  const { t } = useI18n();
  const containerRef = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const runningLayout = useRef<Layouts | null>(null);
  // What the last layout was run for; a data change that keeps this unchanged only restyles.
  const laidOut = useRef<{ ids: string; layout: LayoutName } | null>(null);
  // Handlers live in a ref so cy's listeners are bound once and still call the latest props.
  const handlers = useRef({ onSelect, onExpand });
  handlers.current = { onSelect, onExpand };

  const [drawn, setDrawn] = useState<{ nodes: DrawnNode[]; edges: DrawnEdge[] }>({ nodes: [], edges: [] });
  const [layoutState, setLayoutState] = useState<LayoutState>('empty');

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const cy = cytoscape({
      container,
      style: stylesheet,
      // Selection is owned by React (selectedId); cy's own selection state would compete with it.
      autounselectify: true,
      boxSelectionEnabled: false,
      minZoom: 0.08,
      maxZoom: 3,
    });
    cy.on('tap', 'node', (event) => handlers.current.onSelect(event.target.id()));
    cy.on('tap', (event) => {
      if (event.target === cy) handlers.current.onSelect(null);
    });
    cy.on('dbltap', 'node', (event) => handlers.current.onExpand(event.target.id()));

    // The canvas changes size with the window and when the toolbar wraps (English labels are
    // longer); cy must re-measure, and a drawing fitted to the old size would be cut off.
    const observer = new ResizeObserver(() => {
      cy.resize();
      if (cy.nodes().nonempty()) fitComfortably(cy);
    });
    observer.observe(container);

    cyRef.current = cy;
    laidOut.current = null;
    return () => {
      observer.disconnect();
      runningLayout.current?.stop();
      runningLayout.current = null;
      cy.destroy();
      cyRef.current = null;
    };
  }, []);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    applyDiff(cy, data);

    const ids = [...data.nodes.map((n) => n.id), ...data.edges.map((e) => e.id)].sort().join('\n');
    const previous = laidOut.current;
    if (cy.nodes().empty()) {
      laidOut.current = null;
      setLayoutState('empty');
    } else if (!previous || previous.ids !== ids || previous.layout !== layout) {
      laidOut.current = { ids, layout };
      runningLayout.current?.stop();
      const run = cy.layout(
        layout === 'hierarchy'
          ? { ...layouts.hierarchy, positions: Object.fromEntries(layeredPositions(data)) }
          : layouts.force,
      );
      runningLayout.current = run;
      setLayoutState('running');
      run.one('layoutstop', () => {
        if (runningLayout.current === run) runningLayout.current = null;
        fitComfortably(cy);
        setLayoutState('done');
      });
      run.run();
    }

    setDrawn({
      nodes: cy.nodes().map((n) => ({
        id: n.id(),
        kind: String(n.data('kind')),
        label: String(n.data('label')),
        center: Boolean(n.data('center')),
        inactive: Boolean(n.data('inactive')),
      })),
      edges: cy.edges().toArray().flatMap((e) =>
        (e.data('relations') as CanvasRelation[]).map((r) => ({
          id: r.id,
          edge: e.id(),
          source: e.source().id(),
          target: e.target().id(),
          type: r.type,
          label: r.label,
        })),
      ),
    });
  }, [data, layout]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.batch(() => {
      cy.nodes('.chosen').removeClass('chosen');
      if (selectedId != null) cy.getElementById(selectedId).addClass('chosen');
    });
  }, [selectedId, data]);

  return (
    <div className="network" data-testid="network" data-layout-state={layoutState}>
      <div ref={containerRef} className="network-canvas" />
      {layoutState !== 'empty' && (
        <button
          type="button"
          className="network-fit"
          onClick={() => cyRef.current && fitComfortably(cyRef.current)}
        >
          {t('graph.fit')}
        </button>
      )}
      {/* What cy actually holds, read back after every diff: for screen readers and browser tests. */}
      <div className="visually-hidden">
        <ul data-testid="network-nodes" aria-label={t('graph.nodesList')}>
          {drawn.nodes.map((n) => (
            <li
              key={n.id}
              data-key={n.id}
              data-kind={n.kind}
              data-center={n.center || undefined}
              data-inactive={n.inactive || undefined}
            >
              {n.label}
            </li>
          ))}
        </ul>
        <ul data-testid="network-edges" aria-label={t('graph.edgesList')}>
          {drawn.edges.map((e) => (
            <li key={e.id} data-edge={e.edge} data-source={e.source} data-target={e.target} data-type={e.type}>
              {e.label}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

/**
 * Fits the drawing, within limits: two or three nodes are not blown up to fill the canvas, and a
 * large network is not shrunk past reading; it is then shown around the centre entity to pan from.
 */
function fitComfortably(cy: Core): void {
  cy.fit(undefined, FIT_PADDING);
  if (cy.zoom() > COMFORTABLE_ZOOM) {
    cy.zoom(COMFORTABLE_ZOOM);
    cy.center();
  } else if (cy.zoom() < READABLE_ZOOM) {
    cy.zoom(READABLE_ZOOM);
    const center = cy.nodes('[?center]');
    cy.center(center.nonempty() ? center : undefined);
  }
}

/** Brings cy in line with `data`, touching only what changed, in one batch (one redraw). */
function applyDiff(cy: Core, data: CanvasData): void {
  const wantedNodes = new Map(data.nodes.map((n) => [n.id, n]));
  const wantedEdges = new Map(
    data.edges
      // cy throws on an edge whose end is missing; graphState already drops them, this is the guard.
      .filter((e) => wantedNodes.has(e.source) && wantedNodes.has(e.target))
      .map((e) => [e.id, e]),
  );

  cy.batch(() => {
    cy.edges().filter((e) => !wantedEdges.has(e.id())).remove();
    cy.nodes().filter((n) => !wantedNodes.has(n.id())).remove();

    const additions: ElementDefinition[] = [];
    for (const node of wantedNodes.values()) {
      const existing = cy.getElementById(node.id);
      if (existing.nonempty()) {
        updateData(existing, node);
      } else {
        const position = startPosition(cy, node.id, data.edges);
        additions.push({ group: 'nodes', data: { ...node }, ...(position ? { position } : {}) });
      }
    }
    for (const edge of wantedEdges.values()) {
      const existing = cy.getElementById(edge.id);
      if (existing.nonempty()) updateData(existing, edge);
      else additions.push({ group: 'edges', data: { ...edge } });
    }
    if (additions.length) cy.add(additions);
  });
}

function updateData(element: cytoscape.SingularElementArgument, wanted: CanvasNode | CanvasEdge): void {
  const changed: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(wanted)) {
    if (field === 'id' || field === 'source' || field === 'target') continue;
    const current: unknown = element.data(field);
    const same = typeof value === 'object' ? JSON.stringify(current) === JSON.stringify(value) : current === value;
    if (!same) {
      changed[field] = value;
    }
  }
  if (Object.keys(changed).length) element.data(changed);
}

/** New nodes start beside a drawn neighbour, so a force layout grows the picture instead of reshuffling it. */
function startPosition(cy: Core, id: string, edges: CanvasEdge[]): Position | undefined {
  for (const edge of edges) {
    const other = edge.source === id ? edge.target : edge.target === id ? edge.source : null;
    if (other == null) continue;
    const neighbour = cy.getElementById(other);
    if (neighbour.nonempty() && neighbour.isNode()) {
      const p = neighbour.position();
      return { x: p.x + 20, y: p.y + 20 };
    }
  }
  return undefined;
}
