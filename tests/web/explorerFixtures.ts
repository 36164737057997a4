// Networks as the API answers them, for the explorer's pure tests (graphState, style).
import type { ApiEdge, ApiNode, Network } from '../../web/src/graph/graphState.ts';

export function node(id: string, kind: ApiNode['kind'], label: string, extra: Partial<ApiNode> = {}): ApiNode {
  return { id, key: id, kind, label, status: kind === 'COMPANY' ? '存续' : null, inactive: false, center: false, degree: 1, supernode: false, hiddenNeighbours: [], ...extra };
}

export function edge(type: ApiEdge['type'], source: string, target: string, extra: Partial<ApiEdge> = {}): ApiEdge {
  return { id: `${type}:${source}->${target}`, type, source, target, ratio: null, role: null, ...extra };
}

export function network(nodes: ApiNode[], edges: ApiEdge[], extra: Partial<Network> = {}): Network {
  return { nodes, edges, exhaustive: true, limitsHit: [], cut: { nodes: 0, edges: 0, unexpanded: 0 }, ...extra };
}
