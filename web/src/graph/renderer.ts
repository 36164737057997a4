// Which of Cytoscape's two drawing modes a canvas uses, and what the stylesheet must change for it.
// Only types come from cytoscape here: the options are plain data passed to cytoscape().

import type { CytoscapeOptions, StylesheetJson, StylesheetJsonBlock, StylesheetStyle } from 'cytoscape';

/** 'canvas': Cytoscape's 2D canvas renderer. 'webgl': the same renderer in its WebGL mode (3.31+). */
export type RendererKind = 'canvas' | 'webgl';

export type RendererOptions = Pick<CytoscapeOptions, 'webgl' | 'textureOnViewport' | 'hideEdgesOnViewport' | 'hideLabelsOnViewport' | 'pixelRatio' | 'motionBlur'>;

/**
 * Options to spread into cytoscape({...}). WebGL mode is a flag of the canvas renderer, read from the
 * top-level options (cytoscape merges `renderer` into them), which is also where its types live.
 */
export function rendererOptions(kind: RendererKind): RendererOptions {
  if (kind === 'webgl') return { webgl: true };
  // Measured by `npm run bench -- --only ui` (BENCHMARKS.md, "The UI benchmark"), CPU per frame of
  // a pan and zoom: textureOnViewport (a pan moves a snapshot, redrawn when the gesture stops) is
  // within 6% of without it either way (500 nodes 17.8 against 17.9 ms, 2,000 nodes 287 against
  // 302, 5,000 nodes 810 against 761) — a scripted zoom redraws every frame anyway; it stays on for
  // plain panning of big networks, which it is made for. hideEdgesOnViewport cost more (2,000 nodes
  // 407 ms) and makes the edges vanish while the user moves, so it stays off. pixelRatio is left to
  // cytoscape: 1 only lowers the sharpness on HiDPI screens, and the benchmark's screen has ratio 1.
  return { webgl: false, textureOnViewport: true };
}

/** A line that WebGL mode cannot draw (it draws every edge solid) and what it draws instead. */
const NON_SOLID_LINE_STYLES = ['dashed', 'dotted', 'double'] as const;
type NonSolidLineStyle = (typeof NON_SOLID_LINE_STYLES)[number];

/**
 * What a dashed or dotted edge says in WebGL mode. The stylesheet draws roles (legal representative:
 * dashed; officer: dotted) with broken lines so they read apart from ownership stakes, which are
 * solid. WebGL draws only solid lines (and only triangle arrows), so a role is drawn translucent
 * instead, keeping its own colour: a faded line reads as "not a stake" as a broken one does, and
 * dotted (quieter context) stays thinner and fainter than dashed. The legend shows these in WebGL mode.
 */
export const webglLineSubstitutes: Record<NonSolidLineStyle, { width: number; 'line-opacity': number }> = {
  dashed: { width: 2, 'line-opacity': 0.6 },
  dotted: { width: 1, 'line-opacity': 0.45 },
  double: { width: 3, 'line-opacity': 0.6 },
};

function isNonSolid(value: unknown): value is NonSolidLineStyle {
  return (NON_SOLID_LINE_STYLES as readonly unknown[]).includes(value);
}

function forWebgl(block: StylesheetJsonBlock): StylesheetJsonBlock {
  const properties = ('style' in block ? block.style : block.css) as Record<string, unknown>;
  const lineStyle = properties['line-style'];
  if (lineStyle === undefined || lineStyle === 'solid') return block;
  if (!isNonSolid(lineStyle)) {
    // A mapper ('data(...)') or function could yield a dash at run time, past this rewrite.
    throw new Error(`stylesheetFor('webgl'): "${block.selector}" sets line-style to ${String(lineStyle)}; only literal values can be rewritten for WebGL`);
  }
  const rewritten = { ...properties, 'line-style': 'solid', ...webglLineSubstitutes[lineStyle] } as StylesheetStyle['style'];
  return 'style' in block ? { selector: block.selector, style: rewritten } : { selector: block.selector, css: rewritten };
}

/**
 * The stylesheet as the given renderer should get it: unchanged for the canvas; for WebGL, every
 * dashed, dotted or double edge line rewritten to a solid one that says the same another way
 * (webglLineSubstitutes). Node borders are left alone: WebGL mode draws a node with a dashed border
 * (inactive firms) through its texture fallback, so it still looks dashed.
 */
export function stylesheetFor(kind: RendererKind, stylesheet: StylesheetJson): StylesheetJson {
  return kind === 'canvas' ? stylesheet : stylesheet.map(forWebgl);
}

/** Names software WebGL implementations report: Chromium's SwiftShader, Mesa's llvmpipe/softpipe, Windows' WARP. */
export function isSoftwareWebgl(rendererName: string): boolean {
  return /swiftshader|llvmpipe|softpipe|software|basic render driver/i.test(rendererName);
}

/** The browser's WebGL 2 implementation (unmasked when the browser allows), or null without WebGL 2. */
export function webglRendererName(): string | null {
  const gl = document.createElement('canvas').getContext('webgl2');
  if (!gl) return null;
  const debug = gl.getExtension('WEBGL_debug_renderer_info');
  const name = String(gl.getParameter(debug ? debug.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return name;
}

/** From this many nodes a network is big enough for WebGL mode to be worth its limits on a real GPU. */
export const WEBGL_FROM_NODES = 2000;

/**
 * The renderer for a network of `nodeCount` nodes, given webglRendererName().
 *
 * Measured (`npm run bench -- --only ui`, BENCHMARKS.md "The UI benchmark"): where WebGL is software
 * — this server, any machine without a GPU, Chromium's SwiftShader — WebGL mode is far slower than
 * the 2D canvas at every size (8 to 40 times the CPU per pan-and-zoom frame, and a
 * slower first draw), so the canvas is always chosen there. On a hardware GPU the canvas stays the
 * choice for small networks, and WebGL mode takes over from WEBGL_FROM_NODES, the size from which
 * the canvas misses the frame goal here; that branch is not measured on this machine, which has no
 * GPU. WebGL mode draws taxi edges as curves, so the penetration chart always uses the canvas.
 */
export function preferredRenderer(nodeCount: number, webglRenderer: string | null): RendererKind {
  if (webglRenderer === null || isSoftwareWebgl(webglRenderer)) return 'canvas';
  return nodeCount >= WEBGL_FROM_NODES ? 'webgl' : 'canvas';
}
