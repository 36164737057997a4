import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The committed demo province, in the order an import takes them. */
const here = path.dirname(fileURLToPath(import.meta.url));
export const demoFiles = [path.join(here, 'registrations.csv'), path.join(here, 'shareholders.csv')];
