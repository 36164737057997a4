import path from 'node:path';

/**
 * The public sample data (BODS, GLEIF, division tables) lives in shared/ beside the checkout, as
 * on CI; CHUANTOU_SAMPLE_DATA points elsewhere. See shared/data/README.md for each file's source.
 */
export const SAMPLE_DATA = process.env.CHUANTOU_SAMPLE_DATA ?? path.resolve('..', 'shared', 'data');
