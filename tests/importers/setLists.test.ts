import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadQuery, queryNamesIn } from '../../cypher/run.ts';
import { handlerFor } from '../../importers/kinds/index.ts';
import { RowContext } from '../../importers/kinds/rowContext.ts';
import { decideRatioUnit } from '../../importers/kinds/shareholders.ts';
import { isStatementPart, planImport } from '../../importers/plan.ts';
import { nodeTypes, relationshipTypes } from '../../model/graph.ts';
import { TEST_KEY_SECRET } from '../support/graph.ts';

/**
 * The import queries list the properties they write one by one (`SET n.name = coalesce(r.props.name,
 * n.name), …`), because `SET n += r.props` makes Neo4j plan an Eager operator. A listed property
 * must be one the model declares for that label or type, and every property a converter puts in
 * such a map must be listed: otherwise Neo4j would drop it without a word.
 */

interface SetList {
  /** The query variable written, and the label or relationship type it was matched or merged as. */
  variable: string;
  owner: string;
  /** The path of the row's map the values come from ('props', 'approval.props', 'flag' …). */
  map: string;
  properties: Set<string>;
}

/**
 * `v.p = coalesce(r.MAP.p, v.p)` and `ON CREATE SET v.p = r.….props.p` assignments, grouped by
 * variable and map: the maps of properties. (Fixed fields such as r.address.text are not lists.)
 */
function setLists(name: string): SetList[] {
  const text = loadQuery(name).text.replace(/\/\/[^\n]*/g, '');
  const owners = new Map<string, string>();
  for (const m of text.matchAll(/[([]([a-z]\w*):([A-Za-z_]+)/g)) owners.set(m[1]!, m[2]!);
  const lists = new Map<string, SetList>();
  const assignments = [...text.matchAll(/\b([a-z]\w*)\.(\w+) = coalesce\(r\.([\w.]+)\.(\w+), \1\.\2\)/g), ...text.matchAll(/\b([a-z]\w*)\.(\w+) = r\.((?:\w+\.)*props)\.(\w+)\b(?!\.)/g)];
  for (const [, variable, property, map, source] of assignments) {
    if (property !== source) throw new Error(`cypher/${name}.cypher: ${variable}.${property} is set from r.${map}.${source}`);
    const key = `${variable} ${map}`;
    const list = lists.get(key) ?? { variable: variable!, owner: owners.get(variable!) ?? '?', map: map!, properties: new Set() };
    list.properties.add(property!);
    lists.set(key, list);
  }
  return [...lists.values()];
}

const importQueries = queryNamesIn('import');
const declared = (owner: string): Set<string> => {
  const spec = (nodeTypes as Record<string, { properties: object }>)[owner] ?? (relationshipTypes as Record<string, { properties: object }>)[owner];
  return new Set(spec ? Object.keys(spec.properties) : []);
};

/** What the record kinds send to each query for the fixture files: converters and write functions, no database. */
async function captureFixtureWrites(): Promise<{ name: string; rows: Record<string, unknown>[] }[]> {
  const fixtures = path.resolve('tests/fixtures/importers');
  const files = fs.readdirSync(fixtures).filter((f) => f.endsWith('.csv') && f !== 'unknown-headers.csv').map((f) => path.join(fixtures, f));
  const calls: { name: string; rows: Record<string, unknown>[] }[] = [];
  for (const file of files) {
    for (const part of await planImport([file], {})) {
      if (isStatementPart(part)) continue;
      const handler = handlerFor(part.mapping.kind);
      const ratioColumn = handler.ratioField ? part.columns.get(handler.ratioField) : undefined;
      const values: string[] = [];
      const batch = [];
      for await (const { row, cells } of part.table.rows()) {
        if (ratioColumn !== undefined && cells[ratioColumn]) values.push(cells[ratioColumn]!);
        batch.push({ row, cells });
      }
      const ratioUnit = await decideRatioUnit(values);
      const records = batch.flatMap(({ row, cells }) => {
        const ctx = new RowContext(cells, part.columns, part.table.headers, part.file.name, part.table.sheet, row);
        const record = handler.convert(ctx, { source: 'import', secret: TEST_KEY_SECRET, ratioUnit });
        return record ? [{ ...(record as object), prov: `run-x/1:${row}` }] : [];
      });
      await handler.write(async (name, params) => {
        if (Array.isArray(params.rows)) calls.push({ name, rows: params.rows as Record<string, unknown>[] });
        return [];
      }, records);
    }
  }
  return calls;
}

const at = (row: Record<string, unknown>, map: string): unknown => map.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | null | undefined)?.[k], row);

describe('property lists of the import queries', () => {
  it('every listed property is declared in the model for the label or relationship type it is written to', () => {
    const undeclared = importQueries.flatMap((name) =>
      setLists(name).flatMap((l) => [...l.properties].filter((p) => !declared(l.owner).has(p)).map((p) => `cypher/${name}.cypher: ${l.owner}.${p}`)),
    );
    expect(undeclared).toEqual([]);
    // The parser must see the lists at all, or the test above passes vacuously.
    expect(setLists('import/registrations')[0]?.properties.size).toBeGreaterThan(20);
  });

  it('no import query writes a map with SET +=, which needs an Eager operator', () => {
    expect(importQueries.filter((name) => /SET\s+\w+\s*\+=|,\s*\w+\s*\+=/.test(loadQuery(name).text))).toEqual([]);
  });

  it('every property a converter sends in a map for the fixture files is in the list of the query that writes it', async () => {
    const calls = await captureFixtureWrites();
    const unlisted = new Set<string>();
    let checked = 0;
    for (const { name, rows } of calls) {
      for (const list of setLists(name)) {
        for (const row of rows) {
          const map = at(row, list.map);
          if (!map || typeof map !== 'object') continue;
          checked++;
          for (const key of Object.keys(map)) if (!list.properties.has(key)) unlisted.add(`cypher/${name}.cypher: r.${list.map}.${key}`);
        }
      }
    }
    expect([...unlisted].sort()).toEqual([]);
    expect(new Set(calls.map((c) => c.name)).size).toBeGreaterThan(15);
    expect(checked).toBeGreaterThan(50);
  });
});
