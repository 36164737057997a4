import fs from 'node:fs';
import type http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Role } from '../../accounts/roles.ts';
import { importFiles } from '../../importers/importFiles.ts';
import { createHttpServer, listen, type HttpOptions } from '../../server/http.ts';
import type { ServerParts } from '../../server/context.ts';
import { freshGraph, TEST_KEY_SECRET } from './graph.ts';
import { exportStore, type StoreDump } from './storeDump.ts';
import { ensureTestUser, signedInClient, testServerParts, type ApiClient, type TestServerParts } from './server.ts';

/**
 * What the abuse and fuzz tests need beyond the demo app: bytes on a socket exactly as written
 * (fetch would refuse to send a broken path or a lying Content-Length), a small app whose server
 * options a test chooses, and the case data of the store to compare before and after.
 */

export interface RawResponse {
  /** Status of each response the server wrote on the connection, in order. */
  statuses: number[];
  /** Headers (lower-case names) and body of the first response. */
  headers: Record<string, string>;
  body: string;
  /** The connection was still open when the time ran out: the server hung. */
  hung: boolean;
}

/** Sends the bytes on a fresh connection and reads until the server closes it or `timeoutMs` passes. */
export function rawRequest(port: number, bytes: string | Buffer, timeoutMs = 5000): Promise<RawResponse> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let hung = false;
    const timer = setTimeout(() => {
      hung = true;
      socket.destroy();
    }, timeoutMs);
    socket.on('data', (chunk) => chunks.push(chunk));
    // A reset after the answer (the server closing on unread bytes) is not a failure to answer.
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      const text = Buffer.concat(chunks).toString('utf8');
      const statuses = [...text.matchAll(/(?:^|\r\n)HTTP\/1\.[01] (\d{3}) /g)].map((m) => Number(m[1]));
      const end = text.indexOf('\r\n\r\n');
      const headers: Record<string, string> = {};
      for (const line of text.slice(0, Math.max(end, 0)).split('\r\n').slice(1)) {
        const colon = line.indexOf(':');
        if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
      }
      resolve({ statuses, headers, body: end >= 0 ? text.slice(end + 4) : '', hung });
    });
    socket.write(bytes);
  });
}

/** A request as bytes: `Connection: close` so the server ends the exchange; Content-Length the true one unless given. */
export function requestBytes(method: string, target: string, headers: Record<string, string> = {}, body = ''): Buffer {
  const payload = Buffer.from(body);
  const all: Record<string, string> = { host: '127.0.0.1', ...headers, connection: 'close' };
  if (body !== '' && !Object.keys(all).some((k) => k.toLowerCase() === 'content-length' || k.toLowerCase() === 'transfer-encoding')) {
    all['content-length'] = String(payload.length);
  }
  const head = `${method} ${target} HTTP/1.1\r\n${Object.entries(all)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('')}\r\n`;
  return Buffer.concat([Buffer.from(head, 'latin1'), payload]);
}

export interface SmallApp {
  url: string;
  port: number;
  parts: TestServerParts;
  server: http.Server;
  /** Unexpected errors the server logged (there should be none). */
  logged: string[];
  client(role: Role): Promise<ApiClient>;
  /** Another server over the same parts, with other options (limits, origins). */
  serve(options?: Partial<HttpOptions>, parts?: Partial<ServerParts>): Promise<{ url: string; port: number; logged: string[]; close(): Promise<void> }>;
  stop(): Promise<void>;
}

const fixtures = path.resolve('tests/fixtures/importers');

async function open(parts: ServerParts, options: Partial<HttpOptions>) {
  const logged: string[] = [];
  const server = createHttpServer(parts, { ...options, log: (line) => logged.push(line) });
  const url = await listen(server, 0, '127.0.0.1');
  return {
    server,
    url,
    port: Number(new URL(url).port),
    logged,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** The app over a few firms and their holders (quicker to load than the demo), on a free loopback port. */
export async function startSmallApp(options: Partial<HttpOptions> = {}): Promise<SmallApp> {
  const graph = await freshGraph();
  const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chuantou-small-'));
  const files = ['registrations.csv', 'shareholders.csv', 'officers.csv', 'lists.csv'].map((f) => path.join(fixtures, f));
  await importFiles({ graph, files, reportDir, secret: TEST_KEY_SECRET, user: 'test' });
  const parts = testServerParts(graph);
  await ensureTestUser(parts.accounts, 'investigator');
  const main = await open(parts, options);
  const others: { close(): Promise<void> }[] = [];
  return {
    url: main.url,
    port: main.port,
    parts,
    server: main.server,
    logged: main.logged,
    client: (role) => signedInClient(fetch, parts.accounts, role, { baseUrl: main.url }),
    serve: async (more = {}, partsOverride = {}) => {
      const other = await open({ ...parts, ...partsOverride }, { ...options, ...more });
      others.push(other);
      return other;
    },
    stop: async () => {
      for (const other of others) await other.close();
      await main.close();
      await graph.close();
      fs.rmSync(reportDir, { recursive: true, force: true });
      fs.rmSync(parts.auditDir, { recursive: true, force: true });
    },
  };
}

/**
 * The case data of the store — every node and relationship but the accounts' own (users,
 * sessions: signing in touches them) — as sorted lines, so two snapshots compare with toEqual.
 * The audit trail is already left out by the dump.
 */
export async function caseData(graph: Parameters<typeof exportStore>[0]): Promise<string[]> {
  const dump: StoreDump = await exportStore(graph);
  const accountNode = new Set(dump.nodes.filter((n) => n.labels.includes('User') || n.labels.includes('Session')).map((n) => n.id));
  const named = new Map(dump.nodes.map((n) => [n.id, `${n.labels.join(':')} ${JSON.stringify(n.props)}`]));
  return [
    ...dump.nodes.filter((n) => !accountNode.has(n.id)).map((n) => named.get(n.id)!),
    ...dump.relationships
      .filter((r) => !accountNode.has(r.from) && !accountNode.has(r.to))
      .map((r) => `${named.get(r.from)} -[${r.type} ${JSON.stringify(r.props)}]-> ${named.get(r.to)}`),
  ].sort();
}
