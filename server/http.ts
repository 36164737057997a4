import fs from 'node:fs';
import http from 'node:http';
import type net from 'node:net';
import path from 'node:path';
import { pipeline } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { ServerParts } from './context.ts';
import { apiContentSecurityPolicy, appContentSecurityPolicy, indexHtmlWithNonce, newStyleNonce, securityHeaders } from './hardening.ts';
import { createApi } from './yoga.ts';
import { serveGraphiQL } from './graphiql.ts';
import { isImportsEndpoint, serveImportsEndpoint, UPLOADS_PATH } from './uploads/endpoint.ts';
import { isReportExportEndpoint, serveReportExport } from './exports/endpoint.ts';
import type { Accounts } from '../accounts/accounts.ts';

/**
 * One HTTP server: the API at /graphql, the built web app (web/dist) everywhere else. Whatever
 * arrives — a broken percent-encoding, a lying Content-Length, a body too large, a request that
 * never finishes — gets a 4xx with a code, or at worst a logged 500, and the process goes on.
 */

export const webDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'web', 'dist');

export interface HttpOptions {
  /** Largest request body accepted (CHUANTOU_MAX_BODY_BYTES); counted as it arrives. */
  maxBodyBytes: number;
  /** Time limit of every database read the API makes (CHUANTOU_QUERY_TIMEOUT_MS). */
  queryTimeoutMs: number;
  /**
   * Time a client has to send a whole request (an upload: the longest it may stall), and its
   * headers.
   */
  requestTimeoutMs: number;
  headersTimeoutMs: number;
  /** Where an unexpected error is reported (never to the client). */
  log: (line: string) => void;
}

export const defaultHttpOptions: HttpOptions = {
  maxBodyBytes: 1024 * 1024,
  queryTimeoutMs: 30_000,
  requestTimeoutMs: 30_000,
  headersTimeoutMs: 10_000,
  log: (line) => console.error(line),
};

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

/** Codes of what this layer refuses before GraphQL sees it. */
export type HttpRejectionCode =
  | 'BAD_REQUEST_TARGET'
  | 'MALFORMED_PATH'
  | 'BAD_HOST'
  | 'METHOD_NOT_ALLOWED'
  | 'EMPTY_BODY'
  | 'PAYLOAD_TOO_LARGE'
  | 'REQUEST_ABORTED'
  | 'NOT_FOUND'
  | 'MALFORMED_REQUEST'
  | 'HEADERS_TOO_LARGE'
  | 'REQUEST_TIMEOUT'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'NOT_ACCEPTABLE'
  | 'BAD_REQUEST'
  | 'INTERNAL_ERROR';

const rejectionMessages: Record<HttpRejectionCode, string> = {
  BAD_REQUEST_TARGET: '请求地址无效 / the request target is not a path',
  MALFORMED_PATH: '地址中的百分号编码无效 / the path has a broken percent-encoding or a NUL',
  BAD_HOST: 'Host 头无效 / the Host header is not a host name',
  METHOD_NOT_ALLOWED: '不支持该请求方法 / this method is not allowed here',
  EMPTY_BODY: '请求体为空 / the request has no body',
  PAYLOAD_TOO_LARGE: '请求体过大 / the request body is too large',
  REQUEST_ABORTED: '请求未完整发送 / the request was not sent in full',
  NOT_FOUND: '未找到该文件 / no such file',
  MALFORMED_REQUEST: '请求格式无效 / the request is not valid HTTP',
  HEADERS_TOO_LARGE: '请求头过大 / the request headers are too large',
  REQUEST_TIMEOUT: '请求发送超时 / the request took too long to arrive',
  UNSUPPORTED_MEDIA_TYPE: '不支持该内容类型，请以 application/json 发送 / unsupported content type: send application/json',
  NOT_ACCEPTABLE: '无法以所要求的类型应答，请接受 application/json / cannot answer in the accepted types: accept application/json',
  BAD_REQUEST: '请求无效 / the request is not valid',
  INTERNAL_ERROR: '服务器内部错误，已记录 / an internal error occurred and was logged',
};

/** The body of every refusal: the GraphQL error shape, so the web app's client reads it as it reads the API's. */
function rejectionBody(code: HttpRejectionCode, detail?: string): string {
  const message = detail ? `${rejectionMessages[code]}: ${detail}` : rejectionMessages[code];
  return JSON.stringify({ errors: [{ message, extensions: { code } }] });
}

function reject(res: http.ServerResponse, status: number, code: HttpRejectionCode, headers: Record<string, string> = {}): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = rejectionBody(code);
  res.writeHead(status, { ...headers, 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body), 'cache-control': 'no-store' });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

class Rejection extends Error {
  constructor(
    readonly status: number,
    readonly code: HttpRejectionCode,
    readonly headers: Record<string, string> = {},
  ) {
    super(code);
  }
}

/**
 * The path of a request target, decoded. Only origin-form (`/…`) is served; a percent-encoding
 * that does not decode, or a NUL, is refused rather than guessed at.
 */
function requestPath(target: string): { raw: string; decoded: string } {
  if (!target.startsWith('/')) throw new Rejection(400, 'BAD_REQUEST_TARGET');
  const raw = target.split(/[?#]/, 1)[0]!;
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    throw new Rejection(400, 'MALFORMED_PATH');
  }
  if (decoded.includes('\0')) throw new Rejection(400, 'MALFORMED_PATH');
  return { raw, decoded };
}

/** The file under web/dist a decoded path names, or null: `..` cannot climb out, since the path is normalised as an absolute one first. */
function staticFile(decoded: string): { file: string; size: number } | null {
  const file = path.resolve(webDist, `.${path.posix.normalize(decoded)}`);
  if (file !== webDist && !file.startsWith(webDist + path.sep)) return null;
  try {
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    return stat?.isFile() ? { file, size: stat.size } : null;
  } catch {
    // ENAMETOOLONG, ENOTDIR, EACCES: no file to serve.
    return null;
  }
}

function serveStatic(req: http.IncomingMessage, res: http.ServerResponse, decoded: string, log: HttpOptions['log']): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') throw new Rejection(405, 'METHOD_NOT_ALLOWED', { allow: 'GET, HEAD' });
  // The app routes in the browser: unknown paths get index.html, except under /assets/, where
  // HTML in place of a missing script would only confuse the browser.
  const underAssets = path.posix.normalize(decoded).startsWith('/assets/');
  const found = staticFile(decoded) ?? (underAssets ? null : staticFile('/index.html'));
  if (!found) {
    if (underAssets) throw new Rejection(404, 'NOT_FOUND');
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('界面尚未构建，请运行 npm start / the web app is not built: run npm start\n');
    return;
  }
  if (found.file === path.join(webDist, 'index.html')) {
    serveIndexHtml(req, res, found.file);
    return;
  }
  const immutable = found.file.includes(`${path.sep}assets${path.sep}`);
  res.writeHead(200, {
    'content-type': contentTypes[path.extname(found.file)] ?? 'application/octet-stream',
    'content-length': found.size,
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    'content-security-policy': appContentSecurityPolicy(),
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  pipeline(fs.createReadStream(found.file), res, (error) => {
    if (error && error.code !== 'ERR_STREAM_PREMATURE_CLOSE') log(`读取静态文件失败 / static file read failed: ${found.file}: ${error.message}`);
  });
}

/**
 * The app's page, with a style nonce of its own: each response gets a fresh one, in the page (for
 * the app to give Ant Design) and in the policy, so a nonce seen once is no use to anyone later.
 * Read whole on each request: it is a few hundred bytes, and never cached (no-store).
 */
function serveIndexHtml(req: http.IncomingMessage, res: http.ServerResponse, file: string): void {
  const nonce = newStyleNonce();
  const body = indexHtmlWithNonce(fs.readFileSync(file, 'utf8'), nonce);
  res.writeHead(200, {
    'content-type': contentTypes['.html']!,
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    'content-security-policy': appContentSecurityPolicy(nonce),
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** A Host header the URL parser accepts (a name or address, a port up to 65535), as yoga will parse it. */
function validHost(host: string): boolean {
  if (!/^[A-Za-z0-9._~:[\]-]+$/.test(host)) return false;
  try {
    return new URL(`http://${host}/`).host !== '';
  } catch {
    return false;
  }
}

/**
 * The request body, read up to the limit as it arrives: a Content-Length over the limit is
 * refused before a byte is read, a body that grows past it as soon as it does.
 */
function readBody(req: http.IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) > maxBytes) {
    return Promise.reject(new Rejection(413, 'PAYLOAD_TOO_LARGE', { connection: 'close' }));
  }
  return new Promise((resolve, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = (error: Error) => {
      req.removeListener('data', onData);
      req.pause();
      fail(error);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) stop(new Rejection(413, 'PAYLOAD_TOO_LARGE', { connection: 'close' }));
      else chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks, size)));
    req.once('error', () => stop(new Rejection(400, 'REQUEST_ABORTED', { connection: 'close' })));
    req.once('aborted', () => stop(new Rejection(400, 'REQUEST_ABORTED', { connection: 'close' })));
  });
}

/**
 * The API answers JSON, one document a request. yoga would also answer as a stream (Server-Sent
 * Events, multipart) that stays open; nothing here needs one, and an open stream is a request that
 * never ends, so the Accept header is cut down to the JSON types it names.
 */
function jsonAccept(accept: string): string {
  const json = accept.split(',').filter((entry) => /^\s*(application\/json|application\/graphql-response\+json|application\/\*|\*\/\*)\s*(;|$)/i.test(entry));
  if (json.length === 0) throw new Rejection(406, 'NOT_ACCEPTABLE');
  return json.join(',');
}

type Api = ReturnType<typeof createApi>;

async function serveApi(api: Api, req: http.IncomingMessage, res: http.ServerResponse, options: HttpOptions): Promise<void> {
  res.setHeader('cache-control', 'no-store');
  res.setHeader('content-security-policy', apiContentSecurityPolicy);
  const host = req.headers.host;
  // yoga builds the request's URL from Host; one it cannot parse must not become a 500.
  if (host !== undefined && !validHost(host)) throw new Rejection(400, 'BAD_HOST');
  const method = req.method ?? 'GET';
  if (!['GET', 'POST', 'OPTIONS'].includes(method)) throw new Rejection(405, 'METHOD_NOT_ALLOWED', { allow: 'GET, POST' });
  if (req.headers.accept?.trim()) req.headers.accept = jsonAccept(req.headers.accept);
  else delete req.headers.accept;
  if (method === 'POST') {
    const body = await readBody(req, options.maxBodyBytes);
    if (body.length === 0) throw new Rejection(400, 'EMPTY_BODY');
    // yoga takes a body already read from `req.body` (as behind Express) instead of the stream.
    (req as http.IncomingMessage & { body?: Buffer }).body = body;
  }
  // The resolvers' context reads the client's address from `req`.
  const response = await api.handleNodeRequestAndResponse(req, res, { req, res });
  await send(response, res);
}

const emptyRefusalCodes: Record<number, HttpRejectionCode> = { 404: 'NOT_FOUND', 405: 'METHOD_NOT_ALLOWED', 406: 'NOT_ACCEPTABLE', 415: 'UNSUPPORTED_MEDIA_TYPE' };

/**
 * Writes yoga's answer (yoga's own sender would answer a failure of its own with the stack trace).
 * API answers are JSON documents, read whole before they are written.
 */
async function send(response: Response, res: http.ServerResponse): Promise<void> {
  if (res.writableEnded || res.destroyed) return;
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') res.setHeader(name, value);
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader('set-cookie', cookies);
  let body = response.body === null ? null : Buffer.from(await response.arrayBuffer());
  if (response.status >= 400 && (body === null || body.length === 0)) {
    // yoga refuses some requests (415, 406) with an empty body: every refusal says why.
    body = Buffer.from(rejectionBody(emptyRefusalCodes[response.status] ?? 'BAD_REQUEST'));
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.setHeader('content-length', body.length);
  }
  res.writeHead(response.status);
  res.end(body === null || res.req.method === 'HEAD' ? undefined : body);
}

/**
 * Node's requestTimeout is one limit for every route, and an upload of a large file needs minutes.
 * So the body's time is watched here: an API request's body must arrive within requestTimeoutMs,
 * while an upload may take as long as it keeps sending, but may not stall that long.
 */
function watchBodyTime(req: http.IncomingMessage, res: http.ServerResponse, upload: boolean, options: HttpOptions): void {
  const refuse = () => {
    reject(res, 408, 'REQUEST_TIMEOUT', { connection: 'close' });
    res.once('finish', () => req.socket.destroy());
  };
  let stop: () => void;
  if (upload) {
    // On the request, not its socket: Node destroys a socket that times out unless the request or response listens.
    req.setTimeout(options.requestTimeoutMs, refuse);
    stop = () => req.setTimeout(0);
  } else {
    const timer = setTimeout(refuse, options.requestTimeoutMs);
    stop = () => clearTimeout(timer);
  }
  req.once('end', stop);
  res.once('close', stop);
}

/** The request listener: it never throws and never leaves a promise rejected. `parts` serve the upload and rejects endpoints (server/uploads/endpoint.ts). */
export function requestHandler(api: Api, accounts: Accounts, options: HttpOptions, parts?: ServerParts): http.RequestListener {
  return (req, res) => {
    const handle = async () => {
      for (const [name, value] of Object.entries(securityHeaders)) res.setHeader(name, value);
      const { raw, decoded } = requestPath(req.url ?? '/');
      watchBodyTime(req, res, raw === UPLOADS_PATH, options);
      if (raw === '/graphql') await serveApi(api, req, res, options);
      else if (raw === '/graphiql' && (req.method === 'GET' || req.method === 'HEAD')) await serveGraphiQL(accounts, req, res);
      // Files go around GraphQL: yoga's multipart parser would hold a whole upload in memory.
      else if (parts && isImportsEndpoint(raw)) await serveImportsEndpoint(parts, raw, req, res);
      // A report run as a file (PDF, XLSX, evidence bundle …): a download, not a JSON answer.
      else if (parts && isReportExportEndpoint(raw)) await serveReportExport(parts, raw, req, res);
      else serveStatic(req, res, decoded, options.log);
    };
    handle().catch((error: unknown) => {
      try {
        if (error instanceof Rejection) {
          reject(res, error.status, error.code, error.headers);
          return;
        }
        options.log(`未预期的错误 / unexpected error: ${req.method} ${String(req.url).slice(0, 200)}: ${(error as Error)?.stack ?? String(error)}`);
        reject(res, 500, 'INTERNAL_ERROR');
      } catch {
        res.destroy();
      }
    });
  };
}

const clientErrorStatus: Record<string, [number, HttpRejectionCode]> = {
  HPE_HEADER_OVERFLOW: [431, 'HEADERS_TOO_LARGE'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'REQUEST_TIMEOUT'],
};

/** What Node's parser refuses (not HTTP, headers too large, too slow) still gets a coded answer. */
function onClientError(error: NodeJS.ErrnoException, socket: net.Socket): void {
  if (error.code === 'ECONNRESET' || !socket.writable || socket.bytesWritten > 0) {
    socket.destroy();
    return;
  }
  const [status, code] = clientErrorStatus[error.code ?? ''] ?? [400, 'MALFORMED_REQUEST'];
  const body = rejectionBody(code);
  const headers = { ...securityHeaders, 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(body)), connection: 'close' };
  socket.end(`HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n${body}`);
}

/**
 * The server for the parts. Every read of the API runs under the query timeout, so one analysis
 * cannot hold the database (or the caller) longer than that.
 */
export function createHttpServer(parts: ServerParts, given: Partial<HttpOptions> = {}): http.Server {
  const options = { ...defaultHttpOptions, ...given };
  const api = createApi({ ...parts, graph: parts.graph.withTimeout(options.queryTimeoutMs) });
  const server = http.createServer(
    {
      // Bodies are timed per route (watchBodyTime); Node still times the headers.
      requestTimeout: 0,
      headersTimeout: options.headersTimeoutMs,
      // How often Node looks for requests past those limits (its default, 30 s, would let one linger that long).
      connectionsCheckingInterval: Math.min(1000, options.headersTimeoutMs),
    },
    requestHandler(api, parts.accounts, options, parts),
  );
  server.on('clientError', onClientError);
  return server;
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
