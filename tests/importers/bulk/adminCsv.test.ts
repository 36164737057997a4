import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { writeAdminCsv } from '../../../importers/bulk/adminCsv.ts';
import { DateTimeValue, DateValue, GraphStore } from '../../../importers/bulk/store.ts';

/** The neo4j-admin files: typed headers, one file per combination of types, values quoted safely. */

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'chuantou-admin-csv-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const read = (dir: string, file: string) => parse(fs.readFileSync(path.join(dir, file), 'utf8')) as string[][];

describe('admin CSV', () => {
  it('types every column, labels extra labels, and quotes text with quotes, commas and line breaks', () => {
    const store = new GraphStore();
    const { node: firm } = store.merge('Company', '91320106MA1X000101');
    store.setAll(firm, { name: '甲"公司", 南京\r\n分部', ratio: 0.35, keyUnverified: false, establishedOn: new DateValue('2015-03-02'), formerNames: ['乙', '丙'] });
    store.appendProvenance(firm, 'run-1/1:2');
    store.addLabel(firm, 'Exchange');
    const { node: person } = store.merge('Person', 'P-1');
    store.appendProvenance(store.mergeRel('OFFICER_OF', person, firm, ['role', '董事']), 'run-1/2:2');
    const csv = writeAdminCsv(store, path.join(tmp, 'typed'));

    const [header, row] = read(csv.dir, 'nodes-Company-1.csv');
    expect(header).toEqual(['key:ID(Company)', ':LABEL', 'establishedOn:date', 'formerNames:string[]', 'keyUnverified:boolean', 'name:string', 'provenance:string[]', 'ratio:double']);
    expect(row).toEqual(['91320106MA1X000101', 'Company\u001fExchange', '2015-03-02', '乙\u001f丙', 'false', '甲"公司", 南京\r\n分部', 'run-1/1:2', '0.35']);
    expect(read(csv.dir, 'relationships-OFFICER_OF-Person-Company-1.csv')).toEqual([
      [':START_ID(Person)', ':END_ID(Company)', ':TYPE', 'provenance:string[]', 'role:string'],
      ['P-1', '91320106MA1X000101', 'OFFICER_OF', 'run-1/2:2', '董事'],
    ]);
    expect({ nodes: csv.nodes, relationships: csv.relationships }).toEqual({ nodes: 2, relationships: 1 });
  });

  it('splits a property of several types over files, one header each', () => {
    const store = new GraphStore();
    const { node: firm } = store.merge('Company', 'K');
    for (const value of ['存续', 500, new DateValue('2015-03-02'), '吊销']) {
      const prior = store.create('PriorValue');
      store.setAll(prior, { property: 'x', value, replacedAt: new DateTimeValue('2026-01-01T00:00:00Z') });
      store.createRel('HAD_VALUE', firm, prior);
    }
    const csv = writeAdminCsv(store, path.join(tmp, 'mixed'));
    const headers = csv.nodeFiles.filter((f) => f.startsWith('nodes-PriorValue-')).map((f) => read(csv.dir, f)[0]!.join(','));
    expect(headers.sort()).toEqual([
      ':ID(PriorValue),:LABEL,property:string,replacedAt:datetime,value:date',
      ':ID(PriorValue),:LABEL,property:string,replacedAt:datetime,value:double',
      ':ID(PriorValue),:LABEL,property:string,replacedAt:datetime,value:string',
    ]);
    expect(csv.nodes).toBe(5);
    expect(csv.relationships).toBe(4);
  });

  it('refuses values neo4j-admin cannot express, naming them', () => {
    const store = new GraphStore();
    store.set(store.merge('Company', 'K').node, 'formerNames', ['']);
    expect(() => writeAdminCsv(store, path.join(tmp, 'empty'))).toThrow(expect.objectContaining({ code: 'BULK_VALUE_UNREPRESENTABLE', message: expect.stringContaining('Company K.formerNames') }));
    const other = new GraphStore();
    other.set(other.merge('Company', 'K').node, 'formerNames', ['a\u001fb', 'c']);
    expect(() => writeAdminCsv(other, path.join(tmp, 'delimiter'))).toThrow(expect.objectContaining({ code: 'BULK_VALUE_UNREPRESENTABLE' }));
  });
});
