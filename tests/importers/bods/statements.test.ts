import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Graph } from '../../../cypher/run.ts';
import { importBodsFile, isBodsFile } from '../../../importers/bods/importBods.ts';
import { parseStatement, type BodsRelationship } from '../../../importers/bods/statements.ts';
import type { Reject } from '../../../importers/rejects.ts';
import { CORPUS, V03 } from './support.ts';

const read = (file: string): unknown => JSON.parse(fs.readFileSync(file, 'utf8'));
const corpus = (kind: 'valid-statements' | 'invalid-statements') =>
  fs
    .readdirSync(path.join(CORPUS, kind))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ name: f, data: read(path.join(CORPUS, kind, f)) }));

describe('the BODS 0.4 statement corpus', () => {
  // The whole published 0.4 schema is checked, not only the fields we map, so no invalid statement
  // of the corpus gets through unseen: there is no list of violations we cannot see.

  it('accepts each of the 111 valid statements', () => {
    const files = corpus('valid-statements');
    expect(files).toHaveLength(111);
    const refused = files.flatMap(({ name, data }) =>
      (data as unknown[]).map(parseStatement).flatMap((r) => (r.ok ? [] : [`${name}: ${r.path} ${r.message}`])),
    );
    expect(refused).toEqual([]);
  });

  it('rejects each of the 192 invalid statements', () => {
    const files = corpus('invalid-statements');
    expect(files).toHaveLength(192);
    // statements_not_array.json is a single object, not an array: the importer refuses the file (below).
    const accepted = files.filter(({ name, data }) => Array.isArray(data) && data.map(parseStatement).every((r) => r.ok)).map((f) => f.name);
    expect(accepted).toEqual([]);
  });

  it('names the JSON path at fault and the offending value', () => {
    const problem = (file: string) => {
      const r = parseStatement((read(path.join(CORPUS, 'invalid-statements', file)) as unknown[])[0]);
      return r.ok ? null : { path: r.path, value: r.value };
    };
    expect(problem('relationship_interests_exclusive_max_too_big.json')).toEqual({ path: '$.recordDetails.interests[0].share.exclusiveMaximum', value: '105' });
    expect(problem('statement_statementId_too_short.json')).toEqual({ path: '$.statementId', value: '12345' });
    expect(problem('entity_type_trust_registeredentity.json')).toEqual({ path: '$.recordDetails.entityType.subtype', value: 'trust' });
    expect(problem('entity_identifiers_no_scheme_info.json')?.path).toBe('$.recordDetails.identifiers[0].scheme');
    expect(problem('statement_recordDetails_missing.json')).toEqual({ path: '$.recordDetails', value: '' });
    expect(problem('statement_statementId_too_long.json')!.value.length).toBeLessThanOrEqual(80);
  });

  it('refuses a file that is not an array of statements as a whole, at row 1', async () => {
    const rejects: Reject[] = [];
    const file = path.join(CORPUS, 'invalid-statements', 'statements_not_array.json');
    // Refused before anything is written: no database is needed.
    const summary = await importBodsFile({} as Graph, file, {
      runId: 'r',
      fileNo: 1,
      fileLabel: 'statements_not_array.json',
      secret: 's',
      rejects: { add: (r) => rejects.push(r) },
    });
    expect(summary).toEqual({ read: 0, written: 0, rejected: 1, skipped: 0 });
    expect(rejects).toMatchObject([{ row: 1, column: '$', code: 'BODS_STATEMENT_INVALID' }]);
  });

  it('stops on a file that is not valid JSON before writing anything', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chuantou-bods-'));
    const file = path.join(dir, 'truncated.json');
    fs.writeFileSync(file, fs.readFileSync(path.join(V03, '1-single-direct.json'), 'utf8').slice(0, 1500));
    try {
      // A graph that fails if touched: every statement is read before the first write.
      const untouchable = new Proxy({}, { get: () => { throw new Error('the graph was touched'); } }) as Graph;
      await expect(
        importBodsFile(untouchable, file, { runId: 'r', fileNo: 1, fileLabel: 'truncated.json', secret: 's', rejects: { add: () => {} } }),
      ).rejects.toThrow(/not valid JSON/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('one internal form for 0.4 and 0.3', () => {
  it('detects the version of each statement and reads both into the same shape', () => {
    const v03 = (read(path.join(V03, '1-single-direct.json')) as unknown[]).map(parseStatement);
    const rel03 = v03[2]!;
    expect(rel03.ok && rel03.statement).toMatchObject({
      version: '0.3',
      kind: 'relationship',
      statementId: 'fbfd0547-d0c6-4a00-b559-5c5e91c34f5c',
      subject: { ref: '1dc0e987-5c57-4a1c-b3ad-61353b66a9b7', kind: 'entity' },
      interestedParty: { ref: '019a93f1-e470-42e9-957b-03559861b2e2', kind: 'person' },
      interests: [{ type: 'shareholding', directness: 'direct', share: { exact: 100 }, startDate: '2016-04-06' }],
    });
    const rel04 = parseStatement({
      statementId: '0'.repeat(32),
      statementDate: '2024-01-01',
      declarationSubject: 'e',
      recordId: 'r',
      recordType: 'relationship',
      recordDetails: { isComponent: false, subject: 'e', interestedParty: 'p', interests: [{ type: 'shareholding', share: { exclusiveMinimum: 25, maximum: 50 } }] },
    });
    expect(rel04.ok && (rel04.statement as BodsRelationship).interests[0]!.share).toEqual({ exact: null, min: 25, minExclusive: true, max: 50, maxExclusive: false });
  });

  it('folds the older 0.3 spellings: interestLevel for directOrIndirect, hyphenated interest types', () => {
    const r = parseStatement({
      statementID: '1'.repeat(36),
      statementType: 'ownershipOrControlStatement',
      isComponent: false,
      subject: { describedByEntityStatement: 'e' },
      interestedParty: { describedByEntityStatement: 'f' },
      interests: [{ type: 'voting-rights', interestLevel: 'indirect' }],
    });
    expect(r.ok && (r.statement as BodsRelationship).interests[0]).toMatchObject({ type: 'votingRights', directness: 'indirect' });
  });

  it('rejects a 0.3 ownership statement naming two interested parties', () => {
    const r = parseStatement({
      statementID: '1'.repeat(36),
      statementType: 'ownershipOrControlStatement',
      isComponent: false,
      subject: { describedByEntityStatement: 'e' },
      interestedParty: { describedByEntityStatement: 'f', describedByPersonStatement: 'p' },
    });
    expect(r).toMatchObject({ ok: false, version: '0.3', path: '$.interestedParty' });
  });

  it('recognises a BODS file by its first statement, of either version', () => {
    expect(isBodsFile({ statementId: 'x', recordType: 'entity' })).toBe(true);
    expect(isBodsFile({ statementID: 'x', statementType: 'entityStatement' })).toBe(true);
    expect(isBodsFile({ LEI: '3003005JY7KTP8L48N10', Entity: {} })).toBe(false);
    expect(isBodsFile(['x'])).toBe(false);
    expect(isBodsFile(null)).toBe(false);
  });
});
