// The explorer's canvas: draws the data it is given, lays it out, and reports what the user does
// (select, double-click, drag, context-menu commands). It never fetches and never owns the view;
// the explorer screen does, so undo/redo and the URL see every change.

import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import cytoscape, { type Core, type ElementDefinition } from './cytoscape.ts';
import type { LayoutName, Position } from './graphState.ts';
import { rendererOptions, stylesheetFor } from './renderer.ts';
import { FIT_PADDING, layoutOptions, stylesheet, type CanvasData, type CanvasEdge, type CanvasNode, type CanvasRelation } from './style.ts';

export type CanvasCommand = 'expand' | 'more' | 'collapse' | 'hide' | 'pin' | 'unpin' | 'select-neighbours' | 'group-collapse' | 'group-expand' | 'ungroup';

export interface CanvasMenuLabels {
  expand: string;
  more: string;
  collapse: string;
  hide: string;
  pin: string;
  unpin: string;
  selectNeighbours: string;
  fit: string;
  showHidden: string;
  collapseGroup: string;
  expandGroup: string;
  ungroup: string;
}

export interface NetworkCanvasProps {
  data: CanvasData;
  layout: LayoutName;
  /** Bumped to lay the drawing out again though nothing changed ("re-layout"). */
  layoutRun: number;
  /** Bumped to fit the drawing (the "fit" button). */
  fitRun: number;
  /** Selected element ids: nodes, and drawn edges (pairId). */
  selected: readonly string[];
  menu: CanvasMenuLabels;
  onSelect: (ids: string[]) => void;
  onDoubleClick: (id: string) => void;
  onCommand: (command: CanvasCommand, id: string) => void;
  onShowHidden: () => void;
  /** Nodes the user dragged and let go (a group box: its members), once per drag. */
  onDragged: (ids: string[]) => void;
  /** Where pinned nodes belong (model coordinates): they are put there and held. */
  positions: Readonly<Record<string, Position>>;
  /** Read out to screen readers on the focusable canvas. */
  label: string;
  /** The cytoscape instance once made (for export, centring, the mini-map), null when gone. */
  onCore?: (cy: Core | null) => void;
  /** The id of the element the mini-map is drawn in (the extension finds it by '#id'); none: no mini-map. */
  navigatorId?: string | null;
}

/** Two or three nodes are not blown up to fill the canvas. */
const MAX_FIT_ZOOM = 1.25;

type LayoutState = 'empty' | 'running' | 'done';

interface DrawnNode {
  id: string;
  kind: string;
  label: string;
  path: boolean;
  x: number;
  y: number;
  /** Model coordinates, the ones pinned positions are kept in. */
  mx: number;
  my: number;
  parent: string | null;
  supernode: boolean;
  pinned: boolean;
}

interface Drawn {
  nodes: DrawnNode[];
  edges: { id: string; edge: string; source: string; target: string; type: string; label: string }[];
}

export function NetworkCanvas(props: NetworkCanvasProps) {
  const { data, layout, layoutRun, fitRun, selected, menu, navigatorId, positions } = props;
  const containerRef = useRef<HTMLDivElement>(null);
  const [cy, setCy] = useState<Core | null>(null);
  // Listeners are bound once and call the latest props through this ref.
  const latest = useRef(props);
  latest.current = props;
  // Set while the canvas applies a selection it was given, so cy's events do not echo it back.
  const applyingSelection = useRef(false);
  const laidOut = useRef<{ ids: string; layout: LayoutName; run: number } | null>(null);
  const [layoutState, setLayoutState] = useState<LayoutState>('empty');
  const [drawn, setDrawn] = useState<Drawn>({ nodes: [], edges: [] });
  const [fitted, setFitted] = useState('');
  // What cy has selected after applying `selected` (for tests: the table's choice reached the canvas).
  const [canvasSelected, setCanvasSelected] = useState('');

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const core = cytoscape({
      container,
      ...rendererOptions('canvas'),
      style: stylesheetFor('canvas', stylesheet),
      // A click selects one element; Shift/Ctrl-click adds to the selection; Shift-drag selects a box.
      selectionType: 'single',
      boxSelectionEnabled: true,
      minZoom: 0.05,
      maxZoom: 4,
    });
    let pending = false;
    const reportSelection = () => {
      if (applyingSelection.current || pending) return;
      pending = true;
      // A box selection fires one event per element; report once, after the last.
      queueMicrotask(() => {
        pending = false;
        latest.current.onSelect(core.$(':selected').map((e) => e.id()));
      });
    };
    core.on('select unselect', reportSelection);
    core.on('dbltap', 'node', (event) => latest.current.onDoubleClick(event.target.id()));
    // A dragged node stays where the investigator put it: dragging pins it. Dragging several (or a
    // group's box) lets go of each; they are reported together, as one step to undo.
    let dragged: string[] = [];
    core.on('dragfreeon', 'node', (event) => {
      const node = event.target as ReturnType<Core['getElementById']>;
      const ids = node.isParent() ? node.children().map((c) => c.id()) : [node.id()];
      if (dragged.length === 0) {
        queueMicrotask(() => {
          const all = [...new Set(dragged)];
          dragged = [];
          latest.current.onDragged(all);
        });
      }
      dragged.push(...ids);
    });

    const observer = new ResizeObserver(() => {
      core.resize();
    });
    observer.observe(container);
    setCy(core);
    return () => {
      observer.disconnect();
      core.destroy();
      setCy(null);
    };
  }, []);

  useEffect(() => {
    props.onCore?.(cy);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reported when the instance changes only
  }, [cy]);

  // The context menu, in the reader's language (rebuilt when it changes).
  useEffect(() => {
    if (!cy) return;
    const command = (name: CanvasCommand) => (event: { target: { id: () => string } }) => latest.current.onCommand(name, event.target.id());
    const entity = 'node[kind != "GROUP"]';
    const group = 'node[kind = "GROUP"]';
    const menus = (cy as Core & { contextMenus: (options: unknown) => { destroy: () => void } }).contextMenus({
      menuItems: [
        { id: 'cx-expand', content: menu.expand, selector: `${entity}[!supernode][!expanded]`, onClickFunction: command('expand') },
        { id: 'cx-more', content: menu.more, selector: `${entity}[?supernode]`, onClickFunction: command('more') },
        { id: 'cx-collapse', content: menu.collapse, selector: `${entity}[?expanded]`, onClickFunction: command('collapse') },
        { id: 'cx-neighbours', content: menu.selectNeighbours, selector: 'node', onClickFunction: command('select-neighbours') },
        { id: 'cx-pin', content: menu.pin, selector: `${entity}[!pinned]`, onClickFunction: command('pin') },
        { id: 'cx-unpin', content: menu.unpin, selector: `${entity}[?pinned]`, onClickFunction: command('unpin') },
        { id: 'cx-hide', content: menu.hide, selector: entity, onClickFunction: command('hide') },
        { id: 'cx-group-collapse', content: menu.collapseGroup, selector: `${group}[!collapsed]`, onClickFunction: command('group-collapse') },
        { id: 'cx-group-expand', content: menu.expandGroup, selector: `${group}[?collapsed]`, onClickFunction: command('group-expand') },
        { id: 'cx-ungroup', content: menu.ungroup, selector: group, onClickFunction: command('ungroup') },
        { id: 'cx-fit', content: menu.fit, coreAsWell: true, selector: '', onClickFunction: () => fitAll(cy) },
        { id: 'cx-show-hidden', content: menu.showHidden, coreAsWell: true, selector: '', onClickFunction: () => latest.current.onShowHidden() },
      ],
      menuItemClasses: ['cy-context-menus-cxt-menuitem', 'network-menu-item'],
      contextMenuClasses: ['cy-context-menus-cxt-menu', 'network-menu'],
    });
    return () => menus.destroy();
  }, [cy, menu]);

  // The mini-map.
  useEffect(() => {
    if (!cy || !navigatorId) return;
    const nav = (cy as Core & { navigator: (options: unknown) => { destroy: () => void } }).navigator({
      container: `#${navigatorId}`,
      removeCustomContainer: false,
      viewLiveFramerate: 0,
      rerenderDelay: 300,
    });
    return () => nav.destroy();
  }, [cy, navigatorId]);

  useEffect(() => {
    if (!cy) return;
    const hadNodes = cy.nodes().nonempty();
    applyDiff(cy, data, positions);
    cy.batch(() => {
      cy.elements().removeClass('faded');
      if (data.paths) cy.elements('[!path]').addClass('faded');
    });
    // Pinned nodes are where they were put (a reload, undo of a drag) and keep it whatever layout runs.
    cy.nodes().forEach((n) => {
      if (n.isParent()) return;
      if (!n.data('pinned')) {
        n.unlock();
        return;
      }
      const at = positions[n.id()];
      const p = n.position();
      if (at && (Math.abs(p.x - at.x) > 1 || Math.abs(p.y - at.y) > 1)) {
        n.unlock();
        n.position({ ...at });
      }
      n.lock();
    });

    const ids = cy.nodes().map((n) => n.id()).sort().join('\n');
    const previous = laidOut.current;
    let cancelled = false;
    let running: { stop: () => void } | null = null;
    if (cy.nodes().empty()) {
      laidOut.current = null;
      setLayoutState('empty');
    } else if (!previous || previous.ids !== ids || previous.layout !== layout || previous.run !== layoutRun) {
      laidOut.current = { ids, layout, run: layoutRun };
      const incremental = hadNodes && previous != null && previous.layout === layout && previous.run === layoutRun;
      const fixed = cy.nodes('[?pinned]:childless').map((n) => ({ nodeId: n.id(), position: { ...n.position() } }));
      const run = cy.layout(layoutOptions(layout, incremental, fixed, cy.nodes().length));
      running = run;
      setLayoutState('running');
      run.one('layoutstop', () => {
        if (cancelled) return;
        setFitted(fitAll(cy));
        setDrawn(readDrawn(cy));
        setLayoutState('done');
      });
      run.run();
    }

    setDrawn(readDrawn(cy));
    return () => {
      // A newer drawing supersedes this layout; its own layout will fit.
      if (running && laidOut.current?.ids !== ids) {
        cancelled = true;
        running.stop();
      }
    };
  }, [cy, data, layout, layoutRun, positions]);

  useEffect(() => {
    if (cy && fitRun > 0) setFitted(fitAll(cy));
  }, [cy, fitRun]);

  // Where each node is on screen, kept current as the view pans and zooms (for the list below).
  useEffect(() => {
    if (!cy) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onViewport = () => {
      clearTimeout(timer);
      timer = setTimeout(() => setDrawn(readDrawn(cy)), 120);
    };
    cy.on('viewport', onViewport);
    return () => {
      clearTimeout(timer);
      cy.off('viewport', onViewport);
    };
  }, [cy]);

  useEffect(() => {
    if (!cy) return;
    const wanted = new Set(selected);
    applyingSelection.current = true;
    cy.batch(() => {
      cy.$(':selected').filter((e) => !wanted.has(e.id())).unselect();
      for (const id of wanted) {
        const element = cy.getElementById(id);
        if (element.nonempty() && !element.selected()) element.select();
      }
    });
    applyingSelection.current = false;
    setCanvasSelected(cy.$(':selected').map((e) => e.id()).join(','));
  }, [cy, selected, data]);

  // The context menu from the keyboard: the menu key or Shift+F10 opens it on the selected node (on
  // the canvas when none is), ↑/↓ move between its items, Enter acts (they are buttons), Esc closes.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!cy) return;
    const menuElement = cy.container()?.querySelector<HTMLElement>('.network-menu');
    const items = menuElement ? [...menuElement.querySelectorAll<HTMLButtonElement>(':scope > .network-menu-item')].filter((b) => b.style.display !== 'none') : [];
    const inMenu = menuElement != null && menuElement.contains(event.target as Node);
    if (inMenu && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
      event.preventDefault();
      const at = items.indexOf(event.target as HTMLButtonElement);
      const next = event.key === 'ArrowDown' ? (at + 1) % items.length : (at - 1 + items.length) % items.length;
      items[next]?.focus();
    } else if (inMenu && (event.key === 'Enter' || event.key === ' ')) {
      // The item acts and hides the menu; the focus goes back to the canvas, not to the page's body.
      event.preventDefault();
      (event.target as HTMLButtonElement).click();
      event.currentTarget.focus();
    } else if (inMenu && event.key === 'Escape') {
      event.preventDefault();
      menuElement.style.display = 'none';
      event.currentTarget.focus();
    } else if (!inMenu && (event.key === 'ContextMenu' || (event.shiftKey && event.key === 'F10'))) {
      event.preventDefault();
      const node = cy.nodes(':selected').first();
      const position = node.nonempty() ? { ...node.position() } : null;
      const renderedPosition = node.nonempty() ? { ...node.renderedPosition() } : { x: cy.width() / 2, y: cy.height() / 2 };
      (node.nonempty() ? node : cy).emit({ type: 'cxttap', position: position ?? renderedPosition, renderedPosition } as never);
      const first = [...(menuElement?.querySelectorAll<HTMLButtonElement>(':scope > .network-menu-item') ?? [])].find((b) => b.style.display !== 'none');
      first?.focus();
    }
  };

  return (
    <div className="network" data-testid="network" data-layout-state={layoutState} data-fit={fitted} data-selected={canvasSelected} tabIndex={0} role="application" aria-label={props.label} onKeyDown={onKeyDown}>
      <div ref={containerRef} className="network-canvas" />
      {/* What cy actually holds, read back after every diff: for screen readers and browser tests. */}
      <div className="visually-hidden">
        <ul data-testid="network-nodes">
          {drawn.nodes.map((n) => (
            <li
              key={n.id}
              data-key={n.id}
              data-kind={n.kind}
              data-path={n.path || undefined}
              data-x={n.x}
              data-y={n.y}
              data-mx={n.mx}
              data-my={n.my}
              data-parent={n.parent ?? undefined}
              data-supernode={n.supernode || undefined}
              data-pinned={n.pinned || undefined}
            >
              {n.label}
            </li>
          ))}
        </ul>
        <ul data-testid="network-edges">
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
 * Fits every element with padding (a tiny network is not blown up past MAX_FIT_ZOOM). Returns the
 * drawing's rendered extent and the canvas size, "x1,y1,x2,y2,w,h", so a test can check it fits.
 */
export function fitAll(cy: Core): string {
  const elements = cy.elements();
  if (elements.empty()) return '';
  cy.fit(elements, FIT_PADDING);
  if (cy.zoom() > MAX_FIT_ZOOM) {
    cy.zoom(MAX_FIT_ZOOM);
    cy.center(elements);
  }
  const box = elements.renderedBoundingBox({ includeLabels: true });
  return [box.x1, box.y1, box.x2, box.y2, cy.width(), cy.height()].map((v) => Math.round(v)).join(',');
}

/** Centres the view on an element, zooming in to reading size if the drawing is zoomed out. */
export function centreOn(cy: Core, id: string): void {
  const element = cy.getElementById(id);
  if (element.empty()) return;
  cy.animate({ center: { eles: element }, zoom: Math.max(cy.zoom(), 1) }, { duration: 250 });
}

/** What cy holds now, with each node's place on screen (px from the canvas' top left). */
function readDrawn(cy: Core): Drawn {
  return {
    nodes: cy.nodes().map((n) => {
      const p = n.renderedPosition();
      const m = n.position();
      return {
        id: n.id(),
        kind: String(n.data('kind')),
        label: String(n.data('name')),
        path: Boolean(n.data('path')),
        x: Math.round(p.x),
        y: Math.round(p.y),
        mx: Math.round(m.x),
        my: Math.round(m.y),
        parent: n.isChild() ? n.parent().first().id() : null,
        supernode: Boolean(n.data('supernode')),
        pinned: Boolean(n.data('pinned')),
      };
    }),
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
  };
}

/**
 * Brings cy in line with `data`, touching only what changed, in one batch (one redraw). Group boxes
 * come first and members are moved in or out before anything is removed: removing a compound
 * node removes what is inside it.
 */
function applyDiff(cy: Core, data: CanvasData, positions: Readonly<Record<string, Position>>): void {
  const wantedNodes = new Map(data.nodes.map((n) => [n.id, n]));
  const wantedEdges = new Map(data.edges.filter((e) => wantedNodes.has(e.source) && wantedNodes.has(e.target)).map((e) => [e.id, e]));

  cy.batch(() => {
    const boxes = data.nodes.filter((n) => n.kind === 'GROUP' && cy.getElementById(n.id).empty());
    if (boxes.length) cy.add(boxes.map((n) => ({ group: 'nodes', data: { ...n } }) as ElementDefinition));
    cy.nodes().forEach((n) => {
      const wanted = wantedNodes.get(n.id());
      const current = n.isChild() ? n.parent().first().id() : null;
      if (wanted && (wanted.parent ?? null) !== current) n.move({ parent: wanted.parent ?? null });
    });
    cy.edges().filter((e) => !wantedEdges.has(e.id())).remove();
    cy.nodes().filter((n) => !wantedNodes.has(n.id())).remove();

    const additions: ElementDefinition[] = [];
    for (const node of wantedNodes.values()) {
      const existing = cy.getElementById(node.id);
      if (existing.nonempty()) updateData(existing, node);
      else {
        const pinnedAt = node.pinned ? positions[node.id] : undefined;
        const position = pinnedAt ? { ...pinnedAt } : startPosition(cy, node.id, data.edges);
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

function updateData(element: ReturnType<Core['getElementById']>, wanted: CanvasNode | CanvasEdge): void {
  const changed: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(wanted)) {
    if (field === 'id' || field === 'source' || field === 'target' || field === 'parent') continue;
    const current: unknown = element.data(field);
    const same = typeof value === 'object' ? JSON.stringify(current) === JSON.stringify(value) : current === value;
    if (!same) changed[field] = value;
  }
  if (Object.keys(changed).length) element.data(changed);
}

/** New nodes start beside a drawn neighbour, so an incremental layout grows the picture instead of reshuffling it. */
function startPosition(cy: Core, id: string, edges: CanvasEdge[]): { x: number; y: number } | undefined {
  for (const edge of edges) {
    const other = edge.source === id ? edge.target : edge.target === id ? edge.source : null;
    if (other == null) continue;
    const neighbour = cy.getElementById(other);
    if (neighbour.nonempty() && neighbour.isNode()) {
      const p = neighbour.position();
      return { x: p.x + 30 + Math.random() * 20, y: p.y + 30 + Math.random() * 20 };
    }
  }
  return undefined;
}
