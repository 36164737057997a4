/**
 * Writes the demo province (Jiangsu, 320000) with the province generator (generator/): about
 * 2,000 firms as the ten files a user would import, plus truth.json, into demo/.
 *
 *   npx tsx demo/generate.ts [--out DIR]      (default: demo/)
 *
 * The seed and size are fixed, so the same generator writes the same bytes every time
 * (tests/demo/generate.test.ts regenerates into a temporary folder and compares). The demo
 * variant plants the walkthrough of demo/README.md, which the browser and start tests look for.
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateProvince, type GenerateResult } from '../generator/index.ts';

export const DEMO_SEED = 0x2015_0302;
export const DEMO_FIRMS = 2000;

/** The ownership chain the README points at: person → group → investment manager → wealth manager. */
export const DEMO_CHAIN = [
  { holder: '王建国', firm: '江苏汇金控股集团有限公司', ratio: '80%' },
  { holder: '江苏汇金控股集团有限公司', firm: '南京鑫融投资管理有限公司', ratio: '60%' },
  { holder: '南京鑫融投资管理有限公司', firm: '南京鑫融财富管理有限公司', ratio: '70%' },
] as const;

export function writeDemo(outDir: string): Promise<GenerateResult> {
  return generateProvince({ firms: DEMO_FIRMS, seed: DEMO_SEED, jurisdiction: '320000', demo: true, out: outDir });
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (invokedDirectly) {
  const i = process.argv.indexOf('--out');
  const out = i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : path.dirname(fileURLToPath(import.meta.url));
  const result = await writeDemo(out);
  for (const f of result.files) process.stdout.write(`wrote ${f.file}\n`);
}
