import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeTypes, relationshipTypes, type PropertySpec } from '../../model/graph.ts';

/**
 * A property the model marks sensitive (a full ID number, a birth date, a household division)
 * leaves the database through the API or an analysis only where this test names it: the full ID
 * number of the persons a search or a firm's profile shows, as `EntitySummary.idNumber`, which
 * every response masks on its way out unless the reader is an investigator who gave a reason
 * (server/outputMasking.ts; tests/server/idNumberScan.test.ts scans what regulators and viewers
 * receive). Everything else reads the masked number (idMasked). Import passes may read it
 * (cypher/passes, cypher/importRun: matching persons needs the full number).
 */

/** The readers allowed, as file:line-free "file name" pairs, each for the masked-on-output idNumber field. */
const allowedQueryReaders = [
  'cypher/entities/company.cypher idNumber',
  'cypher/entities/searchHits.cypher idNumber',
  'cypher/profile/firmPeople.cypher idNumber',
  'cypher/profile/holdings.cypher idNumber',
  'cypher/profile/subject.cypher idNumber',
];
const allowedSchemaReaders = ['server/modules/entities/entities.graphql idNumber'];
const withoutLine = (reader: string) => reader.replace(/:\d+ /, ' ');

const sensitive = [...Object.values(nodeTypes), ...Object.values(relationshipTypes)].flatMap((t) =>
  Object.entries(t.properties as Record<string, PropertySpec>).flatMap(([name, spec]) => (spec.sensitive ? [name] : [])),
);

function files(dir: string, ext: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith(ext)).map((f) => path.join(dir, f));
}

/** file:line for every line, comments left out, that names one of the properties as `.name` (Cypher) or `name:` (GraphQL). */
function readers(paths: string[], pattern: (name: string) => RegExp): string[] {
  const found: string[] = [];
  for (const file of paths) {
    fs.readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        const code = line.replace(/\/\/.*$|#.*$/, '');
        for (const name of sensitive) if (pattern(name).test(code)) found.push(`${file}:${i + 1} ${name}`);
      });
  }
  return found;
}

describe('sensitive properties', () => {
  it('the model marks the full ID number and what it reveals as sensitive', () => {
    expect(sensitive).toEqual(expect.arrayContaining(['idNumber', 'birthDate', 'householdDivision']));
  });

  it('only the full ID number of a search hit or a profile\'s persons leaves, through the one field the output masking covers', () => {
    const queries = [...files('cypher/entities', '.cypher'), ...files('cypher/analyses', '.cypher'), ...files('cypher/profile', '.cypher')];
    expect(queries.length).toBeGreaterThan(20);
    const queryReaders = readers(queries, (name) => new RegExp(`\\.${name}\\b`)).map(withoutLine);
    expect([...new Set(queryReaders)].sort()).toEqual(allowedQueryReaders);
    const schemas = files('server', '.graphql');
    expect(schemas.length).toBeGreaterThan(0);
    expect(readers(schemas, (name) => new RegExp(`\\b${name}\\s*[:(]`)).map(withoutLine)).toEqual(allowedSchemaReaders);
  });
});
