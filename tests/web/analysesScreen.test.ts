// The analyses screen's pure parts: the form read from the API's parameter descriptors, the
// parameters carried in the address, and the findings' evidence drawn as one network.

import { describe, expect, it } from 'vitest';
import { analyses } from '../../analyses/index.ts';
import { evidenceNetwork, readEvidence } from '../../web/src/screens/analyses/evidence.ts';
import { describeParameters, initialValues, paramsFromSearch, searchFromValues, splitHelp } from '../../web/src/screens/analyses/parameters.ts';

const fieldsOf = (name: string) => describeParameters(analyses[name]!.parameters);
const kinds = (name: string) => Object.fromEntries(fieldsOf(name).map((f) => [f.name, f.kind]));

describe('the analysis form from the parameter descriptors', () => {
  it('gives each parameter of the real analyses the input its descriptor calls for', () => {
    expect(kinds('flagged-controllers')).toEqual({
      minFirms: 'number',
      listTypes: 'listTypes',
      threshold: 'number',
      rules: 'rules',
      asOf: 'date',
      inJurisdiction: 'boolean',
      jurisdiction: 'jurisdiction',
      maxFirms: 'number',
      maxDepth: 'number',
      maxNodes: 'number',
      fanOut: 'number',
      timeoutMs: 'number',
    });
    expect(kinds('keyword-screen')).toMatchObject({ lists: 'keywordLists', keywords: 'list', inJurisdiction: 'boolean', jurisdiction: 'jurisdiction', withoutApproval: 'boolean' });
    expect(kinds('self-financing')).toMatchObject({ platform: 'text', borrowerListTypes: 'listTypes', jurisdiction: 'jurisdiction' });
    expect(kinds('unapproved-changes')).toMatchObject({ from: 'date', to: 'date', items: 'list' });
  });

  it('marks required parameters, presets borrowers from the disclosure types, and offers the values a descriptor names', () => {
    expect(fieldsOf('beneficial-owners').find((f) => f.name === 'firm')!.required).toBe(true);
    expect(fieldsOf('beneficial-owners').find((f) => f.name === 'asOf')!.required).toBe(false);
    expect(fieldsOf('self-financing').find((f) => f.name === 'borrowerListTypes')!.listMeaning).toBe('DISCLOSURE');
    expect(fieldsOf('flagged-controllers').find((f) => f.name === 'listTypes')!.listMeaning).toBe('FLAGGING');
    expect(fieldsOf('shell-clusters').find((f) => f.name === 'kinds')!.choices.map((c) => c.value)).toEqual(['address', 'phone', 'email', 'people']);
    expect(fieldsOf('paths').find((f) => f.name === 'types')!.choices[0]).toEqual({ value: 'holdings', label: 'holdings 持股' });
  });

  it('splits a descriptor into its Chinese and English halves', () => {
    expect(splitHelp('企业代码或准确名称（必填）/ firm key, USCC or exact name (required)')).toEqual({ zh: '企业代码或准确名称（必填）', en: 'firm key, USCC or exact name (required)' });
    expect(splitHelp('cn-2024 (默认, ≥25%) | cn-2017 (>25%)')).toEqual({ zh: 'cn-2024 (默认, ≥25%) | cn-2017 (>25%)', en: 'cn-2024 (默认, ≥25%) | cn-2017 (>25%)' });
  });
});

describe('the analysis parameters in the address', () => {
  const fields = fieldsOf('keyword-screen');
  const presets = { jurisdiction: '320100', lists: undefined };

  it('reads only the analysis’s own parameters back, not the screen’s', () => {
    const search = new URLSearchParams('run=1&finding=P-1&filter=x&jurisdiction=320100&keywords=交易所,理财&limit=5');
    expect(paramsFromSearch(search, fields)).toEqual({ jurisdiction: '320100', keywords: '交易所,理财', limit: '5' });
  });

  it('fills the form from the address, else from the presets, with lists, numbers and yes/no typed', () => {
    const values = initialValues(fields, { keywords: '交易所，理财', limit: '5', inJurisdiction: 'true' }, presets);
    expect(values).toEqual({ keywords: ['交易所', '理财'], limit: 5, inJurisdiction: true, jurisdiction: '320100' });
  });

  it('keeps the jurisdiction but leaves out list types left as the vocabulary preset, so a saved report follows the vocabulary', () => {
    const fc = fieldsOf('flagged-controllers');
    const preset = { listTypes: ['ILLEGAL_FUNDRAISING_CASE', 'BANNED'], rules: 'cn-2024' };
    expect(searchFromValues(fc, { listTypes: ['BANNED', 'ILLEGAL_FUNDRAISING_CASE'], rules: 'cn-2024', minFirms: 2, asOf: '' }, preset)).toEqual({ minFirms: '2' });
    expect(searchFromValues(fc, { listTypes: ['BANNED'], rules: 'cn-2017' }, preset)).toEqual({ listTypes: 'BANNED', rules: 'cn-2017' });
    expect(searchFromValues(fields, { jurisdiction: '320100', inJurisdiction: false }, presets)).toEqual({ jurisdiction: '320100', inJurisdiction: 'false' });
  });
});

describe('the findings’ evidence as a network', () => {
  const person = { kind: 'PERSON', key: 'P-1', name: '王建国' };
  const holding = { kind: 'COMPANY', key: 'C-H', name: '汇金' };
  const firm = { kind: 'COMPANY', key: 'C-F', name: '鑫融' };
  const entry = { kind: 'LIST_ENTRY', key: 'L-1', name: '苏公经立字〔2018〕0001号' };
  const other = { kind: 'PERSON', key: 'P-2', name: '郭婷' };
  const findings = [
    {
      subject: person,
      evidence: {
        chains: [
          { kind: 'ownership', path: [person, holding, firm], edges: [{ type: 'HOLDS_SHARES', ratio: 0.8 }, { type: 'HOLDS_SHARES', ratio: 0.6 }], product: 0.48 },
          { kind: 'listing', path: [firm, entry], edges: [{ type: 'FLAGGED', details: { caseNo: '0001' } }], product: null },
        ],
        chainsComplete: true,
      },
    },
    {
      subject: other,
      evidence: { chains: [{ kind: 'path', path: [firm, other], edges: [{ type: 'LEGAL_REPRESENTATIVE_OF', details: { reversed: true } }], product: null }], chainsComplete: true },
    },
  ];
  const typeName = (type: string) => type;

  it('draws every finding’s chains once, holdings labelled by ratio, and marks flagged firms', () => {
    const data = evidenceNetwork(findings, null, typeName);
    expect(data.nodes.map((n) => n.id).sort()).toEqual(['C-F', 'C-H', 'L-1', 'P-1', 'P-2']);
    expect(data.edges.map((e) => [e.source, e.target, e.label])).toContainEqual(['P-1', 'C-H', '80.00%']);
    expect(data.nodes.find((n) => n.id === 'C-F')!.flagged).toBe(true);
    expect(data.paths).toBe(false);
    expect(data.nodes.every((n) => !n.path)).toBe(true);
  });

  it('draws a relationship a route walks backwards the way it points in the graph', () => {
    const data = evidenceNetwork(findings, null, typeName);
    expect(data.edges.find((e) => e.type === 'LEGAL_REPRESENTATIVE_OF')).toMatchObject({ source: 'P-2', target: 'C-F' });
  });

  it('highlights the open finding’s entities and relationships only, its subject as the centre', () => {
    const data = evidenceNetwork(findings, 0, typeName);
    expect(data.paths).toBe(true);
    expect(data.nodes.filter((n) => n.path).map((n) => n.id).sort()).toEqual(['C-F', 'C-H', 'L-1', 'P-1']);
    expect(data.nodes.find((n) => n.center)!.id).toBe('P-1');
    expect(data.edges.filter((e) => e.path).map((e) => e.id).sort()).toEqual(['C-F->L-1', 'C-H->C-F', 'P-1->C-H']);
  });

  it('reads malformed evidence as none rather than failing', () => {
    expect(readEvidence(null)).toEqual({ chains: [], chainsComplete: true });
    expect(readEvidence({ chains: [{ kind: 'role', path: [{ nope: 1 }], edges: 'x' }] }).chains[0]).toEqual({ kind: 'role', path: [], edges: [], product: null });
  });
});
