import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureLauncherBuilt, freePort, launcherClasspath, localNeo4jStatus, readLocalNeo4jPassword, startLocalNeo4j, stopLocalNeo4j } from '../../neo4j/localServer.ts';
import { testNeo4j } from '../support/graph.ts';

const homes: string[] = [];
function newHome(): string {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'chuantou-n4j-'));
  homes.push(home);
  return home;
}

afterAll(async () => {
  for (const home of homes) {
    await stopLocalNeo4j(home).catch(() => {});
    fs.rmSync(home, { recursive: true, force: true });
  }
});

function errorCodeOf(work: () => unknown): string | undefined {
  try {
    work();
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
}

/** Whether the server accepts this sign-in (no credentials at all when auth is undefined). */
async function signsIn(uri: string, auth?: { user: string; password: string }): Promise<boolean> {
  const driver = neo4j.driver(uri, auth ? neo4j.auth.basic(auth.user, auth.password) : undefined);
  try {
    await driver.verifyConnectivity();
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === 'Neo.ClientError.Security.Unauthorized') return false;
    throw error;
  } finally {
    await driver.close();
  }
}

/**
 * The launcher as the code before authentication ran it (auth off, no password given), so the
 * store is one a `.data/` of that time holds. Resolves once it has stopped again.
 */
async function runTheOldWay(home: string, port: number, work: (uri: string) => Promise<void>): Promise<void> {
  ensureLauncherBuilt();
  fs.mkdirSync(home, { recursive: true });
  const log = path.join(home, 'old-launcher.log');
  const out = fs.openSync(log, 'w');
  const child = spawn(
    'java',
    ['-Xmx512m', '-cp', launcherClasspath(), 'chuantou.neo4j.Launcher', '--home', home, '--bolt', `127.0.0.1:${port}`, '--pagecache', '64m', '--setting', 'dbms.security.auth_enabled=false'],
    { stdio: ['ignore', out, out] },
  );
  fs.closeSync(out);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    const deadline = Date.now() + 180_000;
    while (!fs.readFileSync(log, 'utf8').includes(`CHUANTOU_NEO4J_READY ${port}`)) {
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the old-style launcher did not start:\n${fs.readFileSync(log, 'utf8')}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    await work(`bolt://127.0.0.1:${port}`);
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

describe('local Neo4j', () => {
  it('a port already taken is named in the error, and nothing is started', async () => {
    const taken = Number(new URL(testNeo4j().uri).port);
    const home = newHome();
    await expect(startLocalNeo4j({ home, boltPort: taken, heap: '256m', pageCache: '64m', passwordFile: path.join(home, 'pw') })).rejects.toMatchObject({
      code: 'NEO4J_PORT_IN_USE',
      message: expect.stringContaining(`端口 ${taken}`),
    });
    expect(localNeo4jStatus(home).running).toBe(false);
  });

  it('refuses to start with a password file that others may read, naming the fix', async () => {
    const home = newHome();
    const passwordFile = path.join(home, 'neo4j-password');
    fs.writeFileSync(passwordFile, 'a-password-of-some-length\n');
    fs.chmodSync(passwordFile, 0o644);
    await expect(startLocalNeo4j({ home, boltPort: await freePort(), heap: '256m', pageCache: '64m', passwordFile })).rejects.toMatchObject({
      code: 'NEO4J_PASSWORD_FILE_INSECURE',
      message: expect.stringContaining(`chmod 600 ${passwordFile}`),
    });
    expect(localNeo4jStatus(home).running).toBe(false);
    expect(errorCodeOf(() => readLocalNeo4jPassword(passwordFile))).toBe('NEO4J_PASSWORD_FILE_INSECURE');
    expect(errorCodeOf(() => readLocalNeo4jPassword(path.join(home, 'none')))).toBe('NEO4J_PASSWORD_FILE_MISSING');
  });

  it(
    'a store made before authentication opens with a generated password (mode 0600) and nothing else, also after a restart; detached, it is found and stopped by its home',
    async () => {
      const home = newHome();
      const neo4jHome = path.join(home, 'neo4j');
      const passwordFile = path.join(home, 'neo4j-password');
      const port = await freePort();

      // A .data/ from before: written with authentication off, so no password was ever set.
      await runTheOldWay(neo4jHome, port, async (uri) => {
        const driver = neo4j.driver(uri);
        await driver.executeQuery("CREATE (:Company {key: 'before-auth'})");
        await driver.close();
      });

      const running = await startLocalNeo4j({ home: neo4jHome, boltPort: port, heap: '512m', pageCache: '64m', passwordFile, detached: true });
      expect(fs.statSync(passwordFile).mode & 0o777).toBe(0o600);
      const password = readLocalNeo4jPassword(passwordFile);
      expect(password).toMatch(/^[A-Za-z0-9_-]{40,}$/);
      expect(running.auth).toEqual({ user: 'neo4j', password });
      // Never on the command line, where every local user can read it.
      expect(fs.readFileSync(`/proc/${running.pid}/cmdline`, 'utf8')).not.toContain(password);

      expect(await signsIn(running.uri)).toBe(false);
      expect(await signsIn(running.uri, { user: 'neo4j', password: 'neo4j' })).toBe(false);
      expect(await signsIn(running.uri, { user: 'neo4j', password: `${password}x` })).toBe(false);
      const driver = neo4j.driver(running.uri, neo4j.auth.basic('neo4j', password));
      const { records } = await driver.executeQuery("MATCH (c:Company {key: 'before-auth'}) RETURN count(c) AS n");
      expect(Number(records[0]!.get('n'))).toBe(1);
      await driver.close();

      expect(localNeo4jStatus(neo4jHome)).toEqual({ running: true, pid: running.pid, boltPort: port });
      expect(await stopLocalNeo4j(neo4jHome)).toBe(true);
      expect(localNeo4jStatus(neo4jHome).running).toBe(false);
      const free = await new Promise<boolean>((resolve) => {
        const socket = net.connect({ port, host: '127.0.0.1' });
        socket.once('connect', () => (socket.destroy(), resolve(false)));
        socket.once('error', () => resolve(true));
      });
      expect(free).toBe(true);

      // Started again, the file is kept and its password still the one (Neo4j refuses setting a
      // password to itself; the launcher must take that in its stride).
      const again = await startLocalNeo4j({ home: neo4jHome, boltPort: port, heap: '512m', pageCache: '64m', passwordFile });
      try {
        expect(readLocalNeo4jPassword(passwordFile)).toBe(password);
        expect(await signsIn(again.uri, { user: 'neo4j', password })).toBe(true);
        expect(await signsIn(again.uri)).toBe(false);
      } finally {
        await again.stop();
      }
    },
    480_000,
  );
});
