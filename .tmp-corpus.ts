import fs from 'node:fs';
import path from 'node:path';
import { parseStatement } from './importers/bods/statements.ts';
const base = '/work/shared/data/bods/v0.4-tests/tests/data';
for (const kind of ['valid-statements', 'invalid-statements']) {
  const bad: string[] = [];
  for (const f of fs.readdirSync(path.join(base, kind)).sort()) {
    const data = JSON.parse(fs.readFileSync(path.join(base, kind, f), 'utf8'));
    const results = Array.isArray(data) ? data.map(parseStatement) : [{ ok: false, path: '$', value: 'not array', message: 'not an array' }];
    const anyBad = results.find((r: any) => !r.ok) as any;
    if (kind === 'valid-statements' && anyBad) bad.push(`${f}: ${anyBad.path} ${anyBad.message} ${anyBad.value}`);
    if (kind === 'invalid-statements' && !anyBad) bad.push(f);
    if (kind === 'invalid-statements' && anyBad && process.env.SHOW) console.log(f.padEnd(60), anyBad.path, '|', anyBad.value, '|', anyBad.message);
  }
  console.log(kind, bad.length, '\n  ' + bad.join('\n  '));
}
