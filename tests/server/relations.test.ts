import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../cypher/run.ts';
import { createApi } from '../../server/yoga.ts';
import { loadFixtures } from '../support/fixtures.ts';
import { signedInClient, testServerParts, type ApiClient } from '../support/server.ts';

/**
 * 查关系 through the API on the network fixture (tests/fixtures/analyses/paths/README.md): three
 * routes from 测试径甲 (A) to 测试径乙 (B) of 2, 3 and 3 hops; the case firms C1, C2, C3 joined
 * through 小股东 and 案控人.
 */

const A = '91320100MA1TP0001N';
const B = '91320100MA1TP0002R';
const C1 = '91320100MA1TP00167';
const C2 = '91320100MA1TP0017A';
const C3 = '91320100MA1TP0018D';
const HUB = '南京市玄武区测试枢纽路1号';

const ENTITY = 'kind key name identifier';
const PATH = `length hops { from { ${ENTITY} } to { ${ENTITY} } relationship direction ratio role }`;
const RELATIONS = `query($parties: [String!]!, $k: Int, $maxHops: Int, $types: [RelationGroup!]) {
  relations(parties: $parties, k: $k, maxHops: $maxHops, relationshipTypes: $types) {
    parties { ${ENTITY} }
    pairs { from { key } to { key } paths { ${PATH} } exhaustive limitsHit }
    connection { joined { name } apart { name } connectors { name } paths { ${PATH} } exhaustive limitsHit }
    exhaustive limitsHit
  }
}`;

interface Hop {
  from: { kind: string; key: string; name: string; identifier: string | null };
  to: { kind: string; key: string; name: string; identifier: string | null };
  relationship: string;
  direction: string;
  ratio: number | null;
  role: string | null;
}
interface Path {
  length: number;
  hops: Hop[];
}
const names = (p: Path) => [p.hops[0]!.from.name, ...p.hops.map((h) => h.to.name)];

let graph: Graph;
let investigator: ApiClient;

beforeAll(async () => {
  graph = await loadFixtures(path.resolve('tests/fixtures/analyses/paths'), ['registrations', 'shareholders', 'officers', 'relations', 'lists'], ['relationsSameName.cypher', 'relationsRevoked.cypher']);
  const parts = testServerParts(graph);
  const api = createApi(parts);
  investigator = await signedInClient((url, init) => api.fetch(url, init), parts.accounts, 'investigator');
});
afterAll(async () => {
  await graph.close();
});

describe('relations (查关系)', () => {
  it('gives two parties’ shortest path as typed hops, with each holding’s ratio and each office', async () => {
    const { data, errors } = await investigator.gql(RELATIONS, { parties: [A, '测试径乙有限公司'], k: 0, types: ['HOLDINGS', 'ROLES'] });
    expect(errors).toBeUndefined();
    const result = data!.relations;
    expect(result.parties.map((p: { key: string }) => p.key)).toEqual([A, B]);
    expect(result.pairs).toHaveLength(1);
    const [shortest] = result.pairs[0].paths as Path[];
    expect(result.pairs[0].paths).toHaveLength(1);
    expect(shortest!.length).toBe(3);
    expect(shortest!.hops.map((h) => [h.from.name, h.relationship, h.direction, h.ratio, h.role, h.to.name])).toEqual([
      ['测试径甲有限公司', 'HOLDS_SHARES', 'BACKWARD', 0.3, null, '径人一'],
      ['径人一', 'OFFICER_OF', 'FORWARD', null, '监事', '测试径丁有限公司'],
      ['测试径丁有限公司', 'HOLDS_SHARES', 'FORWARD', 0.25, null, '测试径乙有限公司'],
    ]);
    // A firm by its USCC, a person by the masked ID number only.
    expect(shortest!.hops[0]!.from).toMatchObject({ kind: 'COMPANY', key: A, identifier: A });
    const person = shortest!.hops[0]!.to;
    expect(person.kind).toBe('PERSON');
    expect(person.key).toMatch(/^P-/);
    expect(person.identifier).toMatch(/\*/);
    expect(person.identifier).not.toContain('320106198001011022');
    expect(result.exhaustive).toBe(true);
    expect(result.connection).toBeNull();
  });

  it('lists k alternatives after the shortest path, shortest first', async () => {
    const { data, errors } = await investigator.gql(RELATIONS, { parties: [A, B], k: 2 });
    expect(errors).toBeUndefined();
    const pair = data!.relations.pairs[0];
    expect(pair.paths.map((p: Path) => p.length)).toEqual([2, 3, 3]);
    expect(pair.paths.map(names)).toEqual([
      ['测试径甲有限公司', HUB, '测试径乙有限公司'],
      ['测试径甲有限公司', '径人一', '测试径丁有限公司', '测试径乙有限公司'],
      ['测试径甲有限公司', '025-86660001', '测试径丙有限公司', '测试径乙有限公司'],
    ]);
    expect(pair.paths[0].hops.map((h: Hop) => [h.relationship, h.direction, h.to.kind])).toEqual([
      ['REGISTERED_AT', 'FORWARD', 'ADDRESS'],
      ['REGISTERED_AT', 'BACKWARD', 'COMPANY'],
    ]);
    // Every route of the component was seen.
    expect(pair.exhaustive).toBe(true);
  });

  it('connects three parties: every pair, and the network joining them all', async () => {
    const { data, errors } = await investigator.gql(RELATIONS, { parties: [C1, C2, C3] });
    expect(errors).toBeUndefined();
    const result = data!.relations;
    expect(result.pairs.map((p: { from: { key: string }; to: { key: string } }) => [p.from.key, p.to.key])).toEqual([
      [C1, C2],
      [C1, C3],
      [C2, C3],
    ]);
    const connection = result.connection;
    expect(connection.joined.map((e: { name: string }) => e.name).sort()).toEqual(['测试案一有限公司', '测试案三有限公司', '测试案二有限公司'].sort());
    expect(connection.apart).toEqual([]);
    expect(connection.connectors.map((e: { name: string }) => e.name).sort()).toEqual(['小股东', '案控人'].sort());
    expect(connection.paths.reduce((n: number, p: Path) => n + p.length, 0)).toBe(4);
    const hops = connection.paths.flatMap((p: Path) => p.hops) as Hop[];
    expect(hops.find((h) => h.relationship === 'HOLDS_SHARES' && h.to.name === '测试案三有限公司')?.ratio).toBe(0.2);
  });

  it('over active firms only, passes through no revoked firm, though a revoked firm may still be a party', async () => {
    const ACTIVE = `query($parties: [String!]!, $activeOnly: Boolean) {
      relations(parties: $parties, k: 3, activeOnly: $activeOnly) { pairs { paths { ${PATH} } exhaustive } }
    }`;
    const all = await investigator.gql(ACTIVE, { parties: [A, B], activeOnly: false });
    expect(all.data!.relations.pairs[0].paths.map(names)).toContainEqual(['测试径甲有限公司', '径人一', '测试径丁有限公司', '测试径乙有限公司']);
    const active = await investigator.gql(ACTIVE, { parties: [A, B], activeOnly: true });
    expect(active.errors).toBeUndefined();
    const pair = active.data!.relations.pairs[0];
    // The route through the revoked 测试径丁 is gone; the other two remain, and that is all there is.
    expect(pair.paths.map(names)).toEqual([
      ['测试径甲有限公司', HUB, '测试径乙有限公司'],
      ['测试径甲有限公司', '025-86660001', '测试径丙有限公司', '测试径乙有限公司'],
    ]);
    expect(pair.exhaustive).toBe(true);
    const asParty = await investigator.gql(ACTIVE, { parties: ['测试径丁有限公司', B], activeOnly: true });
    expect(asParty.data!.relations.pairs[0].paths[0].hops.map((h: Hop) => [h.from.name, h.relationship, h.to.name])).toEqual([['测试径丁有限公司', 'HOLDS_SHARES', '测试径乙有限公司']]);
  });

  it('names the party it cannot find', async () => {
    const { errors } = await investigator.gql(RELATIONS, { parties: [A, '测试不存在有限公司'] });
    expect(errors![0]!.extensions!.code).toBe('NOT_FOUND');
    expect(errors![0]!.message).toContain('测试不存在有限公司');
  });

  it('refuses a name several entities bear, with the candidates to choose from', async () => {
    const { errors } = await investigator.gql(RELATIONS, { parties: [A, '径人一'] });
    expect(errors![0]!.extensions!.code).toBe('BAD_INPUT');
    const candidates = errors![0]!.extensions!.candidates as { kind: string; key: string; name: string }[];
    expect(candidates).toHaveLength(2);
    expect(candidates.every((c) => c.kind === 'PERSON' && c.name === '径人一')).toBe(true);
    expect(candidates.map((c) => c.key)).toContain('P-TESTSAMENAME2');
  });

  it('refuses limits out of range, naming the field', async () => {
    for (const [variables, field] of [
      [{ parties: [A, B], k: 11 }, 'k'],
      [{ parties: [A, B], maxHops: 7 }, 'maxHops'],
      [{ parties: [A, B, C1, C2, C3, '测试径丙有限公司'] }, 'parties'],
      [{ parties: [A] }, 'parties'],
    ] as const) {
      const { errors } = await investigator.gql(RELATIONS, variables);
      expect(errors![0]!.extensions!.code).toBe('BAD_INPUT');
      expect(errors![0]!.message).toContain(`${field}:`);
    }
  });
});
