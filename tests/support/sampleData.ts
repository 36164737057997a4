import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The real public sample data the tests read (BODS examples and corpus, GLEIF records), committed
 * under tests/fixtures/external/ with each folder's source and licence, so that a clone alone
 * passes its tests. Resolved from this file, not the working directory.
 */
export const SAMPLE_DATA = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'external');
