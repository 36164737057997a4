import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Builds the web app with Vite when web/dist is missing or older than any of its sources. */

const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'web');
const distIndex = path.join(webDir, 'dist', 'index.html');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

export async function ensureWebBuilt(log: (line: string) => void = () => {}): Promise<void> {
  if (fs.existsSync(distIndex) && fs.statSync(distIndex).mtimeMs >= newestSource(webDir)) return;
  log('正在构建界面… / building the web app…');
  const { build } = await import('vite');
  await build({ configFile: path.join(webDir, 'vite.config.ts'), logLevel: 'warn' });
}
