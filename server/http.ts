import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AnalysisSettings } from '../analyses/index.ts';
import type { Graph } from '../cypher/run.ts';
import { createApi } from './yoga.ts';

/** One HTTP server: the API at /graphql, the built web app (web/dist) everywhere else. */

export const webDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'web', 'dist');

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

function serveStatic(req: http.IncomingMessage, res: http.ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const requested = path.normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, '');
  let file = path.join(webDist, requested);
  if (!file.startsWith(webDist) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
    // The app routes in the browser: unknown paths get index.html.
    file = path.join(webDist, 'index.html');
  }
  if (!fs.existsSync(file)) {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('界面尚未构建，请运行 npm start / the web app is not built: run npm start\n');
    return;
  }
  const immutable = file.includes(`${path.sep}assets${path.sep}`);
  res.writeHead(200, {
    'content-type': contentTypes[path.extname(file)] ?? 'application/octet-stream',
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  fs.createReadStream(file).pipe(res);
}

export function createHttpServer(graph: Graph, settings: AnalysisSettings): http.Server {
  const api = createApi(graph, settings);
  return http.createServer((req, res) => {
    if ((req.url ?? '').startsWith('/graphql')) {
      void api(req, res);
      return;
    }
    serveStatic(req, res);
  });
}

export function listen(server: http.Server, port: number, host: string): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? Object.assign(new Error(`端口 ${port} 已被占用，请设置 PORT 为其他端口 / port ${port} is already in use: set PORT to another port`), { code: 'HTTP_PORT_IN_USE' })
          : error,
      ),
    );
    server.listen(port, host, () => {
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      resolve(`http://${host.includes(':') ? `[${host}]` : host}:${actual}/`);
    });
  });
}
