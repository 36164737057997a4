// The UI benchmark's page (built by Vite in bench/ui.bench.ts, driven by playwright-core): draws a
// network with the product's cytoscape, stylesheet and renderer options and times it. One scenario
// a page load, because WebGL mode changes the canvas renderer's prototype for the rest of the page.

import cytoscape, { type Core, type ElementDefinition, type LayoutOptions } from '../../web/src/graph/cytoscape.ts';
import { rendererOptions, stylesheetFor, type RendererKind, type RendererOptions } from '../../web/src/graph/renderer.ts';
import { chartLayout, chartStylesheet, nodeHeight } from '../../web/src/graph/penetration/chartStyle.ts';
import { layoutOptions, stylesheet } from '../../web/src/graph/style.ts';
import { benchGroup, benchNetwork, type BenchNetwork } from './network.ts';

export interface Scenario {
  network: 'explorer' | 'group';
  size: number;
  renderer: RendererKind;
  /** Overrides of rendererOptions(renderer), to compare settings. */
  tuning: RendererOptions;
  /**
   * 'explorer': the layout the explorer gives a network of this size (style.ts layoutOptions);
   * 'fcose-default' and 'fcose-draft' for comparison; 'preset': the positions another scenario's
   * layout gave (the layout does not depend on the renderer).
   */
  layout: 'explorer' | 'fcose-default' | 'fcose-draft' | 'elk' | 'preset';
  positions?: Record<string, { x: number; y: number }>;
  /** Pan-and-zoom frames after the first draw; 0 for none. */
  frames: number;
}

export interface FrameStats {
  frames: number;
  renders: number;
  meanMs: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}

export interface GestureStats extends FrameStats {
  /** The longest draw after a gesture ended (the full-quality redraw textureOnViewport defers). */
  settleMs: number;
}

export interface DrawResult {
  nodes: number;
  edges: number;
  /** cy.add() of the elements to the canvas, which exists already. */
  createMs: number;
  layoutMs: number;
  /** From the end of the layout to the first frame's pixels. */
  drawMs: number;
  totalMs: number;
  /** Whether the renderer really ran in WebGL mode (a webgl2 layer exists). */
  webglLayer: boolean;
}

declare global {
  interface Window {
    uiBench: {
      draw(scenario: Scenario): Promise<DrawResult>;
      panAndZoom(frames: number): Promise<FrameStats>;
      startRecording(): void;
      gesturing(on: boolean): void;
      stopRecording(): GestureStats;
      gesturePoints(): { hub: { x: number; y: number }; background: { x: number; y: number } };
      zoom(): number;
      positions(): Record<string, { x: number; y: number }>;
      webglInfo(): string;
    };
    uiBenchCy?: Core;
  }
}

function elementsOf(network: BenchNetwork): ElementDefinition[] {
  return [
    ...network.nodes.map((n) => ({ group: 'nodes' as const, data: { ...n } })),
    ...network.edges.map((e) => ({ group: 'edges' as const, data: { ...e } })),
  ];
}

/** The group as the penetration chart draws it: its classes, labels of name and stake, heights fitted to them. */
function chartElementsOf(network: BenchNetwork): ElementDefinition[] {
  const stake = new Map(network.edges.filter((e) => e.type === 'HOLDS_SHARES').map((e) => [e.target, e.label]));
  return [
    ...network.nodes.map((n) => {
      const label = n.kind === 'PERSON' ? n.label : `${n.label}\n穿透持股 ${stake.get(n.id) ?? '100%'}`;
      const classes = [n.kind === 'PERSON' ? 'person' : '', n.inactive ? 'inactive' : '', n.center ? 'root' : ''].filter(Boolean);
      return { group: 'nodes' as const, data: { id: n.id, label, height: nodeHeight(label) }, classes };
    }),
    ...network.edges.map((e) => ({ group: 'edges' as const, data: { id: e.id, source: e.source, target: e.target, label: e.label }, classes: e.type === 'HOLDS_SHARES' ? [] : ['controls'] })),
  ];
}

function layoutOf(layout: Scenario['layout'], positions: Scenario['positions'], nodeCount: number): LayoutOptions {
  if (layout === 'preset') return { name: 'preset', positions, fit: false, animate: false } as LayoutOptions;
  if (layout === 'elk') return chartLayout;
  // The explorer's first drawing of a network (from scratch, no pinned nodes).
  if (layout === 'explorer') return layoutOptions('fcose', false, [], nodeCount);
  // fCoSE as the explorer uses it for small networks; draft is its spectral start alone.
  const fcose = layoutOptions('fcose', false, []);
  return layout === 'fcose-draft' ? ({ ...fcose, quality: 'draft' } as unknown as LayoutOptions) : fcose;
}

const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

/**
 * Calls `listener` with the time each frame took to draw, after it. The 'render' event would do for the 2D
 * canvas, but WebGL mode draws without emitting it, so the renderer's draw function is wrapped.
 */
function onDraw(cy: Core, listener: (drawMs: number) => void): () => void {
  const renderer = (cy as unknown as { renderer(): { render(options?: unknown): unknown } }).renderer();
  const draw = renderer.render;
  renderer.render = function (this: unknown, options?: unknown) {
    const started = performance.now();
    const value = draw.call(this, options);
    listener(performance.now() - started);
    return value;
  };
  return () => {
    renderer.render = draw;
  };
}

/** Waits for cytoscape to draw, then reads a pixel of every layer so the GPU work is finished too. */
async function drawn(cy: Core, container: HTMLElement): Promise<void> {
  await new Promise<void>((resolve) => {
    const stop = onDraw(cy, () => {
      stop();
      resolve();
    });
  });
  for (const canvas of container.querySelectorAll('canvas')) {
    const gl = canvas.getContext('webgl2') ?? null;
    if (gl) gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
    else canvas.getContext('2d')?.getImageData(0, 0, 1, 1);
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

/**
 * A scripted pan and zoom: from the whole network in by geometric steps to 100% on the hub, across
 * the network at 100%, and back out to the whole — what an investigator does with the wheel and
 * the mouse. One viewport change a frame; the time between frames is the cost of drawing one.
 */
async function panAndZoom(cy: Core, hub: string, frames: number): Promise<FrameStats> {
  const z0 = cy.zoom();
  // pan() and position() hand out the live objects, which the script moves.
  const pan0 = { ...cy.pan() };
  const width = cy.width();
  const height = cy.height();
  const hubPos = { ...cy.getElementById(hub).position() };
  const z1 = Math.max(1, z0);
  const third = Math.floor(frames / 3);
  const centred = (zoom: number) => ({ x: width / 2 - hubPos.x * zoom, y: height / 2 - hubPos.y * zoom });
  const viewportAt = (i: number): { zoom: number; pan: { x: number; y: number } } => {
    if (i < third) {
      const t = (i + 1) / third;
      const zoom = z0 * (z1 / z0) ** t;
      const target = centred(zoom);
      const start = { x: pan0.x * (zoom / z0) + (width / 2) * (1 - zoom / z0), y: pan0.y * (zoom / z0) + (height / 2) * (1 - zoom / z0) };
      return { zoom, pan: { x: start.x + (target.x - start.x) * t, y: start.y + (target.y - start.y) * t } };
    }
    if (i < 2 * third) {
      const t = (i - third + 1) / third;
      const c = centred(z1);
      return { zoom: z1, pan: { x: c.x - t * width * 1.5, y: c.y - t * height * 0.5 } };
    }
    const t = (i - 2 * third + 1) / (frames - 2 * third);
    const zoom = z1 * (z0 / z1) ** t;
    const from = centred(z1);
    return { zoom, pan: { x: from.x - width * 1.5 + (pan0.x - (from.x - width * 1.5)) * t, y: from.y - height * 0.5 + (pan0.y - (from.y - height * 0.5)) * t } };
  };
  let renders = 0;
  await nextFrame();
  await nextFrame();
  const stop = onDraw(cy, () => renders++);
  const stamps: number[] = [await nextFrame()];
  for (let i = 0; i < frames; i++) {
    cy.viewport(viewportAt(i));
    stamps.push(await nextFrame());
  }
  stop();
  const intervals = stamps.slice(1).map((t, i) => t - stamps[i]!);
  const sorted = [...intervals].sort((a, b) => a - b);
  return {
    frames,
    renders,
    meanMs: (stamps[stamps.length - 1]! - stamps[0]!) / frames,
    p50Ms: percentile(sorted, 0.5),
    p95Ms: percentile(sorted, 0.95),
    maxMs: sorted[sorted.length - 1]!,
  };
}

let hub = '';

/**
 * Draws the network the way the explorer does (web/src/graph/NetworkCanvas.tsx): the canvas exists,
 * empty, before the network arrives (the screen opens, then the API answers), so its first frame is
 * drawn before the timing starts; then the elements are added, laid out, fitted and drawn.
 */
async function draw(scenario: Scenario): Promise<DrawResult> {
  const chart = scenario.network === 'group';
  const network = chart ? benchGroup(scenario.size) : benchNetwork(scenario.size);
  const container = document.getElementById('cy')!;
  const elements = chart ? chartElementsOf(network) : elementsOf(network);
  const cy = cytoscape({
    container,
    style: stylesheetFor(scenario.renderer, chart ? chartStylesheet : stylesheet),
    ...rendererOptions(scenario.renderer),
    ...scenario.tuning,
  });
  window.uiBenchCy = cy;
  await drawn(cy, container);
  await nextFrame();

  const started = performance.now();
  cy.add(elements);
  const created = performance.now();
  const layout = cy.layout(layoutOf(scenario.layout, scenario.positions, network.nodes.length));
  const stopped = layout.promiseOn('layoutstop');
  layout.run();
  await stopped;
  // Both canvases lay out without fitting and fit afterwards.
  cy.fit(undefined, 40);
  const laidOut = performance.now();
  await drawn(cy, container);
  const painted = performance.now();
  hub = network.hub;
  return {
    nodes: network.nodes.length,
    edges: network.edges.length,
    createMs: created - started,
    layoutMs: laidOut - created,
    drawMs: painted - laidOut,
    totalMs: painted - started,
    webglLayer: [...container.querySelectorAll('canvas')].some((c) => c.getAttribute('data-id')?.endsWith('-webgl')),
  };
}

/**
 * Frames and draws while the benchmark moves the real mouse (trusted input from the browser, see
 * ui.bench.ts): what a user's pan and wheel zoom cost, through the same event handlers. Cytoscape
 * draws a gesture differently from a script's viewport change (textureOnViewport moves a snapshot
 * while the wheel turns or the mouse drags, and draws in full when the gesture ends).
 */
interface Recording {
  /** Each animation frame's time, and whether the benchmark was moving the mouse or waiting then. */
  stamps: { t: number; gesture: boolean }[];
  renders: { ms: number; gesture: boolean }[];
  gesture: boolean;
  running: boolean;
  stop: () => void;
}
let recording: Recording | null = null;

function startRecording(): void {
  const state: Recording = { stamps: [], renders: [], gesture: false, running: true, stop: () => undefined };
  const stopDraws = onDraw(window.uiBenchCy!, (ms) => state.renders.push({ ms, gesture: state.gesture }));
  const tick = (t: number) => {
    if (!state.running) return;
    state.stamps.push({ t, gesture: state.gesture });
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  state.stop = () => {
    state.running = false;
    stopDraws();
  };
  recording = state;
}

/** While the mouse moves (true) or between gestures, when the canvas draws in full (false). */
function gesturing(on: boolean): void {
  recording!.gesture = on;
}

/** Frame intervals that ended while a gesture was under way, and the longest full draw between gestures. */
function stopRecording(): GestureStats {
  const state = recording!;
  state.stop();
  recording = null;
  const intervals = state.stamps.slice(1).flatMap((s, i) => (s.gesture ? [s.t - state.stamps[i]!.t] : []));
  const sorted = [...intervals].sort((a, b) => a - b);
  const settles = state.renders.filter((r) => !r.gesture).map((r) => r.ms);
  return {
    frames: intervals.length,
    renders: state.renders.filter((r) => r.gesture).length,
    meanMs: intervals.reduce((a, b) => a + b, 0) / Math.max(1, intervals.length),
    p50Ms: percentile(sorted, 0.5) ?? 0,
    p95Ms: percentile(sorted, 0.95) ?? 0,
    maxMs: sorted[sorted.length - 1] ?? 0,
    settleMs: Math.max(0, ...settles),
  };
}

/**
 * Where the hub is on screen, and a point of empty background near the screen's centre (a drag
 * there pans; on a node it would move the node). Rings outwards from the centre, first empty point
 * wins: Cytoscape's hit test looks at every element, so a whole-screen scan of a 5,000-node
 * network would take minutes.
 */
function gesturePoints(): { hub: { x: number; y: number }; background: { x: number; y: number } } {
  const cy = window.uiBenchCy!;
  const renderer = (cy as unknown as { renderer(): { findNearestElement(x: number, y: number, interactive: boolean, touch: boolean): unknown } }).renderer();
  const rect = document.getElementById('cy')!.getBoundingClientRect();
  const at = cy.getElementById(hub).renderedPosition();
  const toModel = (x: number, y: number) => ({ x: (x - cy.pan().x) / cy.zoom(), y: (y - cy.pan().y) / cy.zoom() });
  for (let radius = 0; radius < Math.max(rect.width, rect.height) / 2; radius += 24) {
    for (let angle = 0; angle < 360; angle += radius === 0 ? 360 : 20) {
      const x = rect.width / 2 + radius * Math.cos((angle * Math.PI) / 180);
      const y = rect.height / 2 + radius * Math.sin((angle * Math.PI) / 180);
      if (x < 20 || y < 20 || x > rect.width - 20 || y > rect.height - 20) continue;
      const model = toModel(x, y);
      if (!renderer.findNearestElement(model.x, model.y, true, false)) return { hub: { x: rect.left + at.x, y: rect.top + at.y }, background: { x: rect.left + x, y: rect.top + y } };
    }
  }
  throw new Error('no empty background on screen to drag');
}

const zoom = () => window.uiBenchCy!.zoom();

function webglInfo(): string {
  const gl = document.createElement('canvas').getContext('webgl2');
  if (!gl) return 'no WebGL 2';
  const debug = gl.getExtension('WEBGL_debug_renderer_info');
  return debug ? String(gl.getParameter(debug.UNMASKED_RENDERER_WEBGL)) : String(gl.getParameter(gl.RENDERER));
}

function positions(): Record<string, { x: number; y: number }> {
  const out: Record<string, { x: number; y: number }> = {};
  window.uiBenchCy!.nodes().forEach((n) => {
    out[n.id()] = { ...n.position() };
  });
  return out;
}

window.uiBench = { draw, panAndZoom: (frames) => panAndZoom(window.uiBenchCy!, hub, frames), startRecording, gesturing, stopRecording, gesturePoints, zoom, positions, webglInfo };
