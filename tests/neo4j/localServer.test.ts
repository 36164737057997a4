import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { localNeo4jStatus, startLocalNeo4j, stopLocalNeo4j } from '../../neo4j/localServer.ts';

describe('local Neo4j', () => {
  it('a port already taken is named in the error, and nothing is started', async () => {
    const taken = Number(new URL(inject('neo4jUri')).port);
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'chuantou-n4j-'));
    await expect(startLocalNeo4j({ home, boltPort: taken, heap: '256m', pageCache: '64m' })).rejects.toMatchObject({
      code: 'NEO4J_PORT_IN_USE',
      message: expect.stringContaining(`端口 ${taken}`),
    });
    expect(localNeo4jStatus(home).running).toBe(false);
  });

  it('starts detached, is found by its data directory, and stops freeing its port', async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'chuantou-n4j-'));
    const port = await new Promise<number>((resolve) => {
      const s = net.createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as net.AddressInfo).port;
        s.close(() => resolve(p));
      });
    });
    const running = await startLocalNeo4j({ home, boltPort: port, heap: '512m', pageCache: '64m', detached: true });
    expect(localNeo4jStatus(home)).toEqual({ running: true, pid: running.pid, boltPort: port });
    expect(await stopLocalNeo4j(home)).toBe(true);
    expect(localNeo4jStatus(home).running).toBe(false);
    const free = await new Promise<boolean>((resolve) => {
      const socket = net.connect({ port, host: '127.0.0.1' });
      socket.once('connect', () => (socket.destroy(), resolve(false)));
      socket.once('error', () => resolve(true));
    });
    expect(free).toBe(true);
    fs.rmSync(home, { recursive: true, force: true });
  }, 240_000);
});
