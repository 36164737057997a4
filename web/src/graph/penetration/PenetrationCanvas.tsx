// The penetration chart's drawing: the one place it touches cytoscape. It draws the model it is
// given (chartElements.ts), lays it out in layers with ELK, and reports taps; what to draw, what
// is collapsed and what is selected all belong to the screen (and its URL).

import { Button } from 'antd';
import { useEffect, useRef, useState } from 'react';
import cytoscape, { type Core, type ElementDefinition } from '../cytoscape.ts';
import { rendererOptions } from '../renderer.ts';
import type { ChartModel, ChartNodeData } from './chartElements.ts';
import { formatPercent } from '../../format.ts';
import { chartLayout, chartStylesheet, nodeHeight } from './chartStyle.ts';

export interface PenetrationCanvasProps {
  model: ChartModel;
  selectedId: string | null;
  onSelect: (id: string | null) => void;
  /** Double-click: fold or unfold what lies beyond the node. */
  onToggle: (id: string) => void;
  /** A "more" node was clicked. */
  onMore: (node: ChartNodeData) => void;
  /** The cytoscape instance, for the export button; null once it is gone. */
  onCy?: (cy: Core | null) => void;
  text: { fit: string; nodesList: string; edgesList: string };
}

type LayoutState = 'empty' | 'running' | 'done';

interface DrawnNode {
  id: string;
  data: ChartNodeData;
  /** Where the node was on screen when last read back (after the layout's fit), for tests that click it. */
  x: number;
  y: number;
}
interface DrawnEdge {
  id: string;
  source: string;
  target: string;
  cycle: boolean;
  more: boolean;
  ratio: number | null;
  label: string;
}

const FIT_PADDING = 36;
// A chart of three nodes is not blown up to fill the screen.
const MAX_FIT_ZOOM = 1.2;

function fit(cy: Core): void {
  cy.fit(undefined, FIT_PADDING);
  if (cy.zoom() > MAX_FIT_ZOOM) {
    cy.zoom(MAX_FIT_ZOOM);
    cy.center();
  }
}

/** What cy holds now, as the hidden lists show it. */
function readBack(cy: Core): { nodes: DrawnNode[]; edges: DrawnEdge[] } {
  return {
    nodes: cy.nodes().map((n) => ({ id: n.id(), data: n.data() as ChartNodeData, x: Math.round(n.renderedPosition().x), y: Math.round(n.renderedPosition().y) })),
    edges: cy.edges().map((e) => ({
      id: e.id(),
      source: e.source().id(),
      target: e.target().id(),
      cycle: Boolean(e.data('cycle')),
      more: Boolean(e.data('more')),
      ratio: (e.data('ratio') as number | null) ?? null,
      label: String(e.data('label') ?? ''),
    })),
  };
}

function definitions(model: ChartModel): ElementDefinition[] {
  return [
    ...model.nodes.map((n) => ({ group: 'nodes' as const, data: { ...n.data, height: nodeHeight(n.data.label) }, classes: n.classes })),
    ...model.edges.map((e) => ({ group: 'edges' as const, data: { ...e.data }, classes: e.classes })),
  ];
}

export function PenetrationCanvas({ model, selectedId, onSelect, onToggle, onMore, onCy, text }: PenetrationCanvasProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const laidOutIds = useRef<string | null>(null);
  const handlers = useRef({ onSelect, onToggle, onMore, onCy });
  handlers.current = { onSelect, onToggle, onMore, onCy };
  const [layoutState, setLayoutState] = useState<LayoutState>('empty');
  const [drawn, setDrawn] = useState<{ nodes: DrawnNode[]; edges: DrawnEdge[] }>({ nodes: [], edges: [] });

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const cy = cytoscape({
      container,
      style: chartStylesheet,
      ...rendererOptions('canvas'),
      autounselectify: true,
      boxSelectionEnabled: false,
      minZoom: 0.05,
      maxZoom: 3,
    });
    cy.on('tap', 'node', (event) => {
      const data = event.target.data() as ChartNodeData;
      if (data.kind === 'MORE') handlers.current.onMore(data);
      else handlers.current.onSelect(data.id);
    });
    cy.on('tap', (event) => {
      if (event.target === cy) handlers.current.onSelect(null);
    });
    cy.on('dbltap', 'node', (event) => {
      const data = event.target.data() as ChartNodeData;
      if (data.kind !== 'MORE') handlers.current.onToggle(data.id);
    });
    const observer = new ResizeObserver(() => cy.resize());
    observer.observe(container);
    cyRef.current = cy;
    laidOutIds.current = null;
    handlers.current.onCy?.(cy);
    return () => {
      observer.disconnect();
      handlers.current.onCy?.(null);
      cy.destroy();
      cyRef.current = null;
    };
  }, []);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const wanted = definitions(model);
    const ids = wanted.map((d) => d.data.id).sort().join('\n');
    if (ids === laidOutIds.current) {
      // Same elements (a threshold or rule change re-marks them): restyle in place, keep the layout.
      cy.batch(() => {
        for (const d of wanted) {
          const element = cy.getElementById(d.data.id!);
          element.data(d.data);
          element.classes(d.classes as string[]);
        }
      });
    } else {
      laidOutIds.current = ids;
      cy.batch(() => {
        cy.elements().remove();
        cy.add(wanted);
      });
      if (cy.nodes().empty()) {
        setLayoutState('empty');
      } else {
        setLayoutState('running');
        // Cycle edges run against the holding direction; left to the layout they would pull the
        // layers apart, so the layers come from the tree and the cycles are drawn over it.
        const layout = cy.elements().not('edge.cycle').layout(chartLayout);
        layout.one('layoutstop', () => {
          if (laidOutIds.current !== ids) return;
          fit(cy);
          setDrawn(readBack(cy));
          setLayoutState('done');
        });
        layout.run();
      }
    }
    setDrawn(readBack(cy));
  }, [model]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.batch(() => {
      cy.nodes('.chosen').removeClass('chosen');
      if (selectedId) cy.getElementById(selectedId).addClass('chosen');
    });
  }, [selectedId, model]);

  return (
    <div className="penetration-canvas-wrap" data-testid="penetration-chart" data-layout-state={layoutState}>
      <div ref={containerRef} className="penetration-canvas" />
      <Button className="penetration-fit" size="small" data-testid="penetration-fit" onClick={() => {
          const cy = cyRef.current;
          if (!cy) return;
          fit(cy);
          setDrawn(readBack(cy));
        }}>
        {text.fit}
      </Button>
      {/* What cy holds, read back after every change: for screen readers and the browser tests. */}
      <div className="visually-hidden">
        <ul data-testid="penetration-nodes" aria-label={text.nodesList}>
          {drawn.nodes.map(({ id, data, x, y }) => (
            <li
              key={id}
              data-id={id}
              data-x={x}
              data-y={y}
              data-key={data.key}
              data-place={data.place}
              data-kind={data.kind}
              data-level={data.level}
              data-effective={data.effectiveRatio == null ? undefined : formatPercent(data.effectiveRatio)}
              data-beneficial-owner={data.beneficialOwner || undefined}
              data-controller={data.controller || undefined}
              data-rule-set={data.ruleSet ?? undefined}
              data-rules={data.rulesMet.join(',') || undefined}
              data-inactive={data.inactive || undefined}
              data-collapsed={data.collapsed || undefined}
              data-more={data.moreCount || undefined}
            >
              {data.label}
            </li>
          ))}
        </ul>
        <ul data-testid="penetration-edges" aria-label={text.edgesList}>
          {drawn.edges.map((e) => (
            <li key={e.id} data-source={e.source} data-target={e.target} data-cycle={e.cycle || undefined} data-more={e.more || undefined}>
              {e.label}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
