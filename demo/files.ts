import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The committed demo province, in the order an import takes them (truth.json is not imported). */
const here = path.dirname(fileURLToPath(import.meta.url));
export const demoFiles = [
  'registrations.csv',
  'branches.csv',
  'shareholders.csv',
  'officers.csv',
  'members.csv',
  'approvals.csv',
  'changes.csv',
  'lists.csv',
  'relations.csv',
  'boFilings.csv',
  // A later shareholder file, a snapshot dated per row: what it no longer lists of a firm it lists has ended.
  'shareholders-snapshot.csv',
].map((f) => path.join(here, f));
