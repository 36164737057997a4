import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeTypes, relationshipTypes, type PropertySpec } from '../../model/graph.ts';

/**
 * A property the model marks sensitive (a full ID number, a birth date, a household division)
 * never leaves the database through the API or an analysis: no GraphQL schema declares it and no
 * query the server or the analyses run reads it — they read the masked number (idMasked). Import
 * passes may read it (cypher/passes, cypher/importRun: matching persons needs the full number).
 */

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

  it('no query the API or the analyses run reads one, and no GraphQL type declares one', () => {
    const queries = [...files('cypher/entities', '.cypher'), ...files('cypher/analyses', '.cypher')];
    expect(queries.length).toBeGreaterThan(20);
    expect(readers(queries, (name) => new RegExp(`\\.${name}\\b`))).toEqual([]);
    const schemas = files('server', '.graphql');
    expect(schemas.length).toBeGreaterThan(0);
    expect(readers(schemas, (name) => new RegExp(`\\b${name}\\s*[:(]`))).toEqual([]);
  });
});
