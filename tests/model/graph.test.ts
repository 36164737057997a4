import { describe, it, expect } from 'vitest';
import { nodeTypes, relationshipTypes, validateModel, withSubtypes, type GraphModel } from '../../model/graph.ts';

const copy = (): GraphModel => structuredClone({ nodeTypes, relationshipTypes }) as GraphModel;

describe('graph model', () => {
  it('passes its own invariants', () => {
    expect(() => validateModel()).not.toThrow();
  });

  it('rejects a relationship endpoint that names no node type, naming the type and end', () => {
    const broken = copy() as unknown as { relationshipTypes: Record<string, { from: string[] }> };
    broken.relationshipTypes['HOLDS_SHARES']!.from = ['Person', 'Firm'];
    expect(() => validateModel(broken as unknown as GraphModel)).toThrow(/HOLDS_SHARES.*from.*"Firm"/);
  });

  it('rejects a node type whose key property is not declared', () => {
    const broken = copy() as unknown as { nodeTypes: Record<string, { key: string }> };
    broken.nodeTypes['Phone']!.key = 'phoneKey';
    expect(() => validateModel(broken as unknown as GraphModel)).toThrow(/node type Phone.*"phoneKey"/);
  });

  it('rejects a property without its Chinese caption', () => {
    const broken = copy() as unknown as { nodeTypes: Record<string, { properties: Record<string, { caption: { zh: string } }> }> };
    broken.nodeTypes['Person']!.properties['name']!.caption.zh = '';
    expect(() => validateModel(broken as unknown as GraphModel)).toThrow(/Person property "name".*caption\.zh/);
  });

  it('declares provenance on every node and relationship type', () => {
    for (const spec of [...Object.values(nodeTypes), ...Object.values(relationshipTypes)]) {
      expect(spec.properties.provenance.type).toBe('string[]');
    }
  });

  it('gives holdings their ratio, amounts and validity', () => {
    expect(Object.keys(relationshipTypes.HOLDS_SHARES.properties)).toEqual(
      expect.arrayContaining(['ratio', 'subscribedAmountWan', 'paidAmountWan', 'validFrom', 'validTo']),
    );
  });

  it('carries a subtype as an extra label on a Company node', () => {
    expect(nodeTypes.Exchange.labels).toEqual(['Company', 'Exchange']);
    expect(withSubtypes('Company')).toEqual(['Company', 'Exchange', 'Branch']);
  });
});
