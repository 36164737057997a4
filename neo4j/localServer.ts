import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Runs the project's own Neo4j: the Maven project beside this file resolves Neo4j 5.26 Community
 * from Maven Central and a small launcher starts it with Bolt on loopback. One data directory
 * (its "home") holds one instance; the pid file there is how `db stop`/`db status` find it.
 * Authentication is on: the user `neo4j` has the password kept in a file only its owner may read,
 * generated on the first start and given to the server again on every start.
 */

const launcherDir = path.dirname(fileURLToPath(import.meta.url));
const classpathFile = path.join(launcherDir, 'target', 'classpath.txt');
const classesDir = path.join(launcherDir, 'target', 'classes');
const javaDir = path.join(launcherDir, 'src/main/java/chuantou/neo4j');
// Every Java source counts, so that a class added beside the launcher (BulkImport) gets compiled.
const launcherSources = [path.join(launcherDir, 'pom.xml'), ...fs.readdirSync(javaDir).filter((f) => f.endsWith('.java')).map((f) => path.join(javaDir, f))];

export class LocalNeo4jError extends Error {
  constructor(
    readonly code:
      | 'NEO4J_BUILD_FAILED'
      | 'NEO4J_PORT_IN_USE'
      | 'NEO4J_START_FAILED'
      | 'NEO4J_ALREADY_RUNNING'
      | 'NEO4J_NOT_RUNNING'
      | 'NEO4J_STOP_FAILED'
      | 'NEO4J_PASSWORD_FILE_INSECURE'
      | 'NEO4J_PASSWORD_FILE_MISSING',
    message: string,
  ) {
    super(message);
  }
}

export interface LocalNeo4jOptions {
  home: string;
  boltPort: number;
  heap: string;
  pageCache: string;
  /** The password of the user `neo4j`: created (mode 0600) when missing, refused when others may read it. */
  passwordFile: string;
  /** Detached servers outlive the command that started them (`db start`); attached ones die with it. */
  detached?: boolean;
  startTimeoutMs?: number;
  log?: (line: string) => void;
}

export interface RunningNeo4j {
  pid: number;
  boltPort: number;
  uri: string;
  /** How to sign in: the user `neo4j` and the password file's password. */
  auth: { user: string; password: string };
  /** Resolves with the exit code once the server has stopped. */
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

interface PidFile {
  pid: number;
  boltPort: number;
  startedAt: string;
}

const pidPath = (home: string) => path.join(home, 'chuantou-neo4j.pid');
const launcherLogPath = (home: string) => path.join(home, 'launcher.log');

function newerThan(target: string, sources: string[]): boolean {
  if (!fs.existsSync(target)) return false;
  const built = fs.statSync(target).mtimeMs;
  return sources.every((s) => fs.statSync(s).mtimeMs <= built);
}

/** Resolves Neo4j from Maven Central and compiles the launcher, unless that is already done. */
export function ensureLauncherBuilt(log: (line: string) => void = () => {}): void {
  if (newerThan(classpathFile, launcherSources) && fs.existsSync(classesDir)) return;
  log('正在从 Maven Central 获取 Neo4j 5.26 并构建启动器（首次约需一两分钟）… / fetching Neo4j 5.26 from Maven Central…');
  const result = spawnSync('mvn', ['-q', '-B', 'package', '-DskipTests'], { cwd: launcherDir, encoding: 'utf8' });
  if (result.error || result.status !== 0) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-30).join('\n');
    throw new LocalNeo4jError(
      'NEO4J_BUILD_FAILED',
      `无法构建 Neo4j 启动器（需要 Java 17 与 Maven）/ could not build the Neo4j launcher (needs Java 17 and Maven):\n${result.error?.message ?? output}`,
    );
  }
  // Maven leaves classpath.txt untouched when the dependencies are unchanged; marking it built
  // keeps an edited Java source from looking stale, and rebuilt, on every start.
  const now = new Date();
  fs.utimesSync(classpathFile, now, now);
}

/** The launcher's classes and Neo4j's jars (including neo4j-admin's import tool), once built. */
export function launcherClasspath(): string {
  return `${classesDir}:${fs.readFileSync(classpathFile, 'utf8').trim()}`;
}

/** A port nobody listens on now (the OS picks it), for an instance that must not collide with others. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export function portInUse(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readPidFile(home: string): PidFile | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(pidPath(home), 'utf8')) as PidFile;
    return processAlive(parsed.pid) ? parsed : null;
  } catch {
    return null;
  }
}

function tail(file: string, lines: number): string {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(无日志 / no log)';
  }
}

/** The only user of the local server; its password is the password file's. */
export const LOCAL_NEO4J_USER = 'neo4j';

/**
 * The local server's password, from the file `startLocalNeo4j` keeps. A file that group or others
 * may read (or write) is refused rather than used: the password guards every record in the store.
 */
export function readLocalNeo4jPassword(passwordFile: string): string {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(passwordFile);
  } catch {
    throw new LocalNeo4jError(
      'NEO4J_PASSWORD_FILE_MISSING',
      `找不到本地 Neo4j 的密码文件 ${passwordFile}；它在 Neo4j 首次由本程序启动时生成，请用 npx chuantou db start 或 npm start 启动 / ` +
        `no password file for the local Neo4j at ${passwordFile}: it is made when this tool first starts Neo4j — start it with npx chuantou db start or npm start`,
    );
  }
  if ((stat.mode & 0o077) !== 0) {
    throw new LocalNeo4jError(
      'NEO4J_PASSWORD_FILE_INSECURE',
      `本地 Neo4j 的密码文件 ${passwordFile} 的权限为 ${(stat.mode & 0o777).toString(8)}，其他用户可读；请运行 chmod 600 ${passwordFile} / ` +
        `the password file ${passwordFile} has mode ${(stat.mode & 0o777).toString(8)}, so other users may read it: run chmod 600 ${passwordFile}`,
    );
  }
  return fs.readFileSync(passwordFile, 'utf8').trim();
}

/** The password file, created with a new random password unless it exists (then it is checked, not replaced). */
function ensurePasswordFile(passwordFile: string): string {
  fs.mkdirSync(path.dirname(passwordFile), { recursive: true });
  try {
    // 'wx': never overwrite a password a running server or a concurrent start may already hold.
    fs.writeFileSync(passwordFile, `${crypto.randomBytes(32).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return readLocalNeo4jPassword(passwordFile);
}

export function localNeo4jStatus(home: string): { running: boolean; pid?: number; boltPort?: number } {
  const pid = readPidFile(home);
  return pid ? { running: true, pid: pid.pid, boltPort: pid.boltPort } : { running: false };
}

export async function startLocalNeo4j(options: LocalNeo4jOptions): Promise<RunningNeo4j> {
  const { home, boltPort, log = () => {} } = options;
  fs.mkdirSync(home, { recursive: true });
  const already = readPidFile(home);
  if (already) {
    throw new LocalNeo4jError(
      'NEO4J_ALREADY_RUNNING',
      `数据目录 ${home} 的 Neo4j 已在运行（pid ${already.pid}，端口 ${already.boltPort}）/ Neo4j for this data directory is already running`,
    );
  }
  if (await portInUse(boltPort)) {
    throw new LocalNeo4jError(
      'NEO4J_PORT_IN_USE',
      `端口 ${boltPort} 已被占用，请设置 CHUANTOU_NEO4J_BOLT_PORT 为其他端口 / port ${boltPort} is already in use: set CHUANTOU_NEO4J_BOLT_PORT to another port`,
    );
  }
  const password = ensurePasswordFile(options.passwordFile);
  ensureLauncherBuilt(log);

  const logFile = launcherLogPath(home);
  const out = fs.openSync(logFile, 'w');
  const classpath = launcherClasspath();
  const child = spawn(
    'java',
    [
      `-Xms${options.heap}`,
      `-Xmx${options.heap}`,
      '-XX:+UseG1GC',
      // Neo4j's own server scripts add these; without them the JVM warns about reflective access.
      '--add-opens=java.base/java.nio=ALL-UNNAMED',
      '--add-opens=java.base/java.lang=ALL-UNNAMED',
      '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
      '-Dfile.encoding=UTF-8',
      '-cp',
      classpath,
      'chuantou.neo4j.Launcher',
      '--home',
      home,
      '--bolt',
      `127.0.0.1:${boltPort}`,
      '--password-file',
      path.resolve(options.passwordFile),
      '--pagecache',
      options.pageCache,
    ],
    { stdio: ['ignore', out, out], detached: options.detached ?? false },
  );
  fs.closeSync(out);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  if (options.detached) child.unref();

  const deadline = Date.now() + (options.startTimeoutMs ?? 180_000);
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code ?? -1));
  for (;;) {
    if (fs.readFileSync(logFile, 'utf8').includes(`CHUANTOU_NEO4J_READY ${boltPort}`)) break;
    if (exitCode !== undefined || Date.now() > deadline) {
      if (exitCode === undefined) child.kill('SIGKILL');
      throw new LocalNeo4jError(
        'NEO4J_START_FAILED',
        `Neo4j 未能启动（端口 ${boltPort}）/ Neo4j did not start on port ${boltPort}.\n` +
          `--- ${logFile} ---\n${tail(logFile, 20)}\n--- ${path.join(home, 'logs', 'debug.log')} ---\n${tail(path.join(home, 'logs', 'debug.log'), 30)}`,
      );
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const pid = child.pid!;
  fs.writeFileSync(pidPath(home), JSON.stringify({ pid, boltPort, startedAt: new Date().toISOString() } satisfies PidFile));
  void exited.then(() => fs.rmSync(pidPath(home), { force: true }));

  return {
    pid,
    boltPort,
    uri: `bolt://127.0.0.1:${boltPort}`,
    auth: { user: LOCAL_NEO4J_USER, password },
    exited,
    stop: async () => {
      if (exitCode === undefined) child.kill('SIGTERM');
      await exited;
      fs.rmSync(pidPath(home), { force: true });
    },
  };
}

/** Stops the server a pid file names (one started detached, possibly by another command). */
export async function stopLocalNeo4j(home: string, timeoutMs = 60_000): Promise<boolean> {
  const running = readPidFile(home);
  if (!running) return false;
  process.kill(running.pid, 'SIGTERM');
  const deadline = Date.now() + timeoutMs;
  while (processAlive(running.pid)) {
    if (Date.now() > deadline) {
      process.kill(running.pid, 'SIGKILL');
      throw new LocalNeo4jError('NEO4J_STOP_FAILED', `Neo4j（pid ${running.pid}）未在 ${timeoutMs / 1000} 秒内停止，已强制结束 / did not stop in time and was killed`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  fs.rmSync(pidPath(home), { force: true });
  return true;
}
