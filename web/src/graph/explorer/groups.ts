// Groups (编组) on the canvas, as a pure step after toCanvasData: an open group is a compound node
// (a box) around the members drawn; a collapsed one is one node in their place, which takes over
// their relationships with the rest of the drawing (one line per pair, their labels stacked).

import { groupNodeId, type Group } from '../graphState.ts';
import { pairId, type CanvasData, type CanvasEdge, type CanvasNode } from '../style.ts';

/** Relationship labels stacked on one line into a collapsed group; more would be an unreadable column. */
const MAX_LABELS = 3;

export interface GroupNaming {
  /** A collapsed group's label: its name and how many members it stands for. */
  collapsed: (name: string, members: number) => string;
}

export function applyGroups(data: CanvasData, groups: readonly Group[], naming: GroupNaming): CanvasData {
  if (groups.length === 0) return data;
  const drawn = new Set(data.nodes.map((n) => n.id));
  const boxOf = new Map<string, string>();
  const standsFor = new Map<string, string>();
  const groupNodes: CanvasNode[] = [];
  for (const group of groups) {
    const members = group.members.filter((id) => drawn.has(id));
    // A group none of whose members is drawn (filtered out, hidden, collapsed away) is not drawn either.
    if (members.length === 0) continue;
    const id = groupNodeId(group);
    const path = data.nodes.some((n) => n.path && members.includes(n.id));
    groupNodes.push({
      id,
      kind: 'GROUP',
      label: group.collapsed ? naming.collapsed(group.name, members.length) : group.name,
      name: group.name,
      status: '',
      inactive: false,
      flagged: false,
      center: false,
      expanded: false,
      supernode: false,
      pinned: false,
      path: group.collapsed && path,
      collapsed: group.collapsed,
    });
    for (const member of members) (group.collapsed ? standsFor : boxOf).set(member, id);
  }

  const nodes: CanvasNode[] = [
    ...groupNodes,
    ...data.nodes.filter((n) => !standsFor.has(n.id)).map((n) => (boxOf.has(n.id) ? { ...n, parent: boxOf.get(n.id)! } : n)),
  ];
  if (standsFor.size === 0) return { ...data, nodes };

  const edges = new Map<string, CanvasEdge>();
  for (const edge of data.edges) {
    const source = standsFor.get(edge.source) ?? edge.source;
    const target = standsFor.get(edge.target) ?? edge.target;
    // Relationships among the members are inside the collapsed node.
    if (source === target) continue;
    if (source === edge.source && target === edge.target) {
      edges.set(edge.id, edge);
      continue;
    }
    const id = pairId(source, target);
    const merged = edges.get(id);
    if (!merged) {
      edges.set(id, { ...edge, id, source, target, relations: [...edge.relations] });
      continue;
    }
    merged.relations.push(...edge.relations);
    merged.major ||= edge.major;
    merged.path ||= edge.path;
  }
  for (const edge of edges.values()) {
    if (!edge.source.startsWith('group:') && !edge.target.startsWith('group:')) continue;
    const labels = [...new Set(edge.relations.map((r) => r.label))];
    edge.label = labels.length > MAX_LABELS ? [...labels.slice(0, MAX_LABELS), '…'].join('\n') : labels.join('\n');
  }
  return { ...data, nodes, edges: [...edges.values()] };
}
