import fs from 'node:fs';
import { execSync } from 'node:child_process';
import { parseStatement } from './importers/bods/statements.ts';
const files = execSync('find /work/shared/data/bods/v0.4/examples /work/shared/data/bods/v0.3/examples /work/shared/data/gleif-bods-fixtures -name "*.json"').toString().trim().split('\n').sort();
for (const f of files) {
  const data = JSON.parse(fs.readFileSync(f, 'utf8'));
  if (!Array.isArray(data)) { console.log('NOT ARRAY', f); continue; }
  data.forEach((s: unknown, i: number) => { const r = parseStatement(s); if (!r.ok) console.log(f.replace('/work/shared/data/', ''), i, r.path, r.value, r.message); });
}
