import { describe, expect, it } from 'vitest';
import type { StylesheetJson } from 'cytoscape';
import { chartStylesheet } from '../../web/src/graph/penetration/chartStyle.ts';
import { preferredRenderer, rendererOptions, stylesheetFor, WEBGL_FROM_NODES, webglLineSubstitutes } from '../../web/src/graph/renderer.ts';
import { stylesheet } from '../../web/src/graph/style.ts';

type Block = { selector: string; style?: Record<string, unknown>; css?: Record<string, unknown> };
const propertiesOf = (block: Block) => (block.style ?? block.css)!;
const lineStyles = (sheet: StylesheetJson) => (sheet as Block[]).map((b) => propertiesOf(b)['line-style']).filter((v) => v !== undefined);

describe('stylesheetFor', () => {
  it.each([
    ['the explorer stylesheet', stylesheet],
    ['the penetration chart stylesheet', chartStylesheet],
  ])('leaves no dashed, dotted or double edge line in %s for WebGL', (_name, sheet) => {
    // The product sheets do use broken lines (roles, control); otherwise this test would prove nothing.
    expect(lineStyles(sheet).some((v) => v !== 'solid')).toBe(true);
    const webgl = stylesheetFor('webgl', sheet);
    expect(lineStyles(webgl).every((v) => v === 'solid')).toBe(true);
    expect(webgl).toHaveLength(sheet.length);
  });

  it('gives the canvas the stylesheet unchanged', () => {
    expect(stylesheetFor('canvas', stylesheet)).toBe(stylesheet);
  });

  it('says what the dash said another way: dashed and dotted lines become solid lines of their own width and opacity, keeping their colour and selector', () => {
    const sheet: StylesheetJson = [
      { selector: 'edge', style: { width: 1.5, 'line-color': '#5b7fa6' } },
      { selector: 'edge.role', style: { 'line-color': '#c0620f', 'line-style': 'dashed' } },
      { selector: 'edge.context', css: { 'line-color': '#8a939e', 'line-style': 'dotted' } },
      { selector: 'edge.path', style: { 'line-style': 'solid', width: 4 } },
    ];
    const webgl = stylesheetFor('webgl', sheet) as Block[];
    expect(webgl[0]).toEqual(sheet[0]);
    expect(webgl[1]).toEqual({ selector: 'edge.role', style: { 'line-color': '#c0620f', 'line-style': 'solid', ...webglLineSubstitutes.dashed } });
    expect(webgl[2]).toEqual({ selector: 'edge.context', css: { 'line-color': '#8a939e', 'line-style': 'solid', ...webglLineSubstitutes.dotted } });
    expect(webgl[3]).toEqual(sheet[3]);
    // The two kinds of broken line stay apart from each other and from a plain 1.5 px stake.
    const { dashed, dotted } = webglLineSubstitutes;
    expect([dashed.width, dashed['line-opacity']]).not.toEqual([dotted.width, dotted['line-opacity']]);
    expect(dashed['line-opacity']).toBeLessThan(1);
    expect(dotted['line-opacity']).toBeLessThan(1);
    // The input is not modified: the canvas may share it.
    expect(propertiesOf(sheet[1] as Block)['line-style']).toBe('dashed');
  });

  it('refuses a line-style it cannot see through (a mapper or a function) instead of letting a dash reach WebGL', () => {
    expect(() => stylesheetFor('webgl', [{ selector: 'edge', style: { 'line-style': 'data(lineStyle)' as 'dashed' } }])).toThrow(/line-style/);
    expect(() => stylesheetFor('webgl', [{ selector: 'edge', style: { 'line-style': () => 'dashed' } }])).toThrow(/line-style/);
  });
});

describe('rendererOptions', () => {
  it('turns on WebGL mode only for webgl', () => {
    expect(rendererOptions('webgl').webgl).toBe(true);
    expect(rendererOptions('canvas').webgl).toBe(false);
  });
});

describe('preferredRenderer', () => {
  const swiftShader = 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)';
  const gpu = 'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 (0x00002503) Direct3D11 vs_5_0 ps_5_0, D3D11)';

  it('keeps the canvas wherever WebGL is software or missing, however big the network (measured: SwiftShader WebGL is the slower one)', () => {
    expect(preferredRenderer(50_000, swiftShader)).toBe('canvas');
    expect(preferredRenderer(50_000, 'llvmpipe (LLVM 15.0.6, 256 bits)')).toBe('canvas');
    expect(preferredRenderer(50_000, null)).toBe('canvas');
  });

  it('uses WebGL on a hardware GPU only from WEBGL_FROM_NODES nodes', () => {
    expect(preferredRenderer(WEBGL_FROM_NODES - 1, gpu)).toBe('canvas');
    expect(preferredRenderer(WEBGL_FROM_NODES, gpu)).toBe('webgl');
  });
});
