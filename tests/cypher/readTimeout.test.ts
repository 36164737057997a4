// A Graph given a timeout (what the server uses) never holds a read transaction, nor its caller,
// much past that time: Neo4j ends the transaction, and the caller gives up soon after even when
// the time is spent between queries, where Neo4j cannot see it.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../cypher/run.ts';
import { freshGraph } from '../support/graph.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Graph.withTimeout', () => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await freshGraph();
  });
  afterAll(() => graph.close());

  it('a read inside the time answers as before', async () => {
    expect(await graph.withTimeout(5000).read('admin/countEntities')).toEqual([{ firms: 0, persons: 0 }]);
  });

  it('a transaction past its timeout is ended by Neo4j, and the read fails with QUERY_TIMEOUT', async () => {
    const started = Date.now();
    const run = graph.withTimeout(300).reading(async (reader) => {
      await reader.read('admin/countEntities');
      await sleep(1200);
      return reader.read('admin/countEntities');
    });
    await expect(run).rejects.toMatchObject({ code: 'QUERY_TIMEOUT' });
    // Neo4j's answer, not the wall-clock cap (timeout + 2.5 s), ended it.
    expect(Date.now() - started).toBeLessThan(2500);
  });

  it('work that holds the transaction without querying is given up at the timeout plus grace', async () => {
    const started = Date.now();
    const run = graph.withTimeout(200).reading(async (reader) => {
      await reader.read('admin/countEntities');
      await sleep(8000);
      return 'too late';
    });
    await expect(run).rejects.toMatchObject({ code: 'QUERY_TIMEOUT' });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('without a timeout, the same slow work completes', async () => {
    const result = await graph.reading(async (reader) => {
      await sleep(400);
      return reader.read('admin/countEntities');
    });
    expect(result).toEqual([{ firms: 0, persons: 0 }]);
  });
});
