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
].map((f) => path.join(here, f));
