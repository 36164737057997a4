import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadQuery, type Graph } from '../../cypher/run.ts';
import { freshGraph } from '../support/graph.ts';

describe('loadQuery', () => {
  it('reads the parameters a query uses from its body, not from its header comment', () => {
    const query = loadQuery('entities/searchIdentifiers');
    expect([...query.parameters].sort()).toEqual(['code', 'text']);
  });

  it('names the missing file', () => {
    expect(() => loadQuery('nowhere/none')).toThrow('cypher/nowhere/none.cypher');
  });
});

describe('Graph', () => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await freshGraph();
  });
  afterAll(() => graph.close());

  it('refuses to run a query without one of its parameters, naming it', async () => {
    await expect(graph.read('entities/company', {})).rejects.toThrow('needs parameter $key');
  });

  it('applying the schema twice changes nothing', async () => {
    const first = await graph.read<{ name: string; type: string }>('admin/listSchema');
    await graph.applySchema();
    expect(await graph.read('admin/listSchema')).toEqual(first);
    expect(first).toContainEqual({ name: 'entity_names', type: 'FULLTEXT' });
    expect(first.map((i) => i.name)).toEqual(expect.arrayContaining(['company_key', 'person_key', 'import_run_id', 'company_uscc']));
  });

  it('returns Neo4j integers from a query as JS numbers', async () => {
    const [row] = await graph.read<{ firms: unknown; persons: unknown }>('admin/countEntities');
    expect(row).toEqual({ firms: 0, persons: 0 });
  });
});
