/** The province generator: `generateProvince` writes the files and truth.json (README.md). */
export { generateProvince, fileSpecs, MIN_FIRMS, type GenerateOptions, type GenerateResult, type GeneratedFile } from './province.ts';
export type { Truth, Shape } from './truth.ts';
export { COLUMNS, KINDS, type Kind } from './headers.ts';
