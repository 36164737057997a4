// The explorer's view in its URL, compactly: a reload, back or a shared link re-queries the same
// view. Lists are comma-separated (an item's own commas and percent signs escaped); a value equal
// to its default is left out, so a plain `/explore?keys=…` link is the default view.

import {
  allKinds,
  allTypes,
  DEFAULT_DEPTH,
  DEFAULT_SUPERNODE_THRESHOLD,
  defaultFilters,
  type Group,
  initialView,
  type LayoutName,
  type NodeKind,
  type Position,
  type RelationType,
  type View,
} from '../graphState.ts';

export interface ExplorerUrlState {
  view: View;
  selected: string[];
}

const escapeItem = (item: string) => item.replace(/%/g, '%25').replace(/,/g, '%2C');
const unescapeItem = (item: string) => item.replace(/%2C/gi, ',').replace(/%25/g, '%');

function list(params: URLSearchParams, name: string): string[] {
  const value = params.get(name);
  if (!value) return [];
  return value.split(',').map(unescapeItem).filter((item) => item !== '');
}

function setList(params: URLSearchParams, name: string, items: readonly string[]): void {
  if (items.length) params.set(name, items.map(escapeItem).join(','));
}

// A group is one list item of '~'-joined parts (id, collapsed, name, members); a part's own '~' escaped.
const escapePart = (part: string) => part.replace(/%/g, '%25').replace(/~/g, '%7E');
const unescapePart = (part: string) => part.replace(/%7E/gi, '~').replace(/%25/g, '%');

function groupItem(group: Group): string {
  return [group.id, group.collapsed ? '1' : '0', group.name, ...group.members].map(escapePart).join('~');
}

function parseGroup(item: string): Group | null {
  const [id, collapsed, name, ...members] = item.split('~').map(unescapePart);
  if (!id || !/^g\d+$/.test(id) || !name || members.length === 0) return null;
  return { id, name, members, collapsed: collapsed === '1' };
}

// A pinned node with its place: 'key@x_y' (whole pixels); a key without '@' is pinned where it falls.
const PLACE = /^(-?\d+)_(-?\d+)$/;

function pinItem(id: string, at: Position | undefined): string {
  return at ? `${id}@${at.x}_${at.y}` : id;
}

function parsePins(items: readonly string[]): { pinned: string[]; positions: Record<string, Position> } {
  const pinned: string[] = [];
  const positions: Record<string, Position> = {};
  for (const item of items) {
    const at = item.lastIndexOf('@');
    const place = at > 0 ? PLACE.exec(item.slice(at + 1)) : null;
    const id = place ? item.slice(0, at) : item;
    pinned.push(id);
    if (place) positions[id] = { x: Number(place[1]), y: Number(place[2]) };
  }
  return { pinned, positions };
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

export function viewToParams({ view, selected }: ExplorerUrlState): URLSearchParams {
  const params = new URLSearchParams();
  setList(params, 'keys', view.centres);
  if (view.depth !== DEFAULT_DEPTH) params.set('d', String(view.depth));
  setList(params, 'x', view.expanded);
  setList(params, 'o', Object.entries(view.opened).map(([id, pages]) => `${pages}~${id}`));
  setList(params, 'h', view.hidden);
  setList(params, 'p', view.pinned.map((id) => pinItem(id, view.positions[id])));
  setList(params, 'g', view.groups.map(groupItem));
  if (view.supernodeThreshold !== DEFAULT_SUPERNODE_THRESHOLD) params.set('n', String(view.supernodeThreshold));
  if (!sameSet(view.filters.kinds, defaultFilters.kinds)) params.set('k', view.filters.kinds.join(',') || '-');
  if (!sameSet(view.filters.types, defaultFilters.types)) params.set('t', view.filters.types.join(',') || '-');
  if (view.filters.activeOnly) params.set('a', '1');
  if (view.layout !== 'fcose') params.set('l', view.layout);
  setList(params, 'r', view.pathParties);
  setList(params, 's', selected);
  return params;
}

export function paramsToView(params: URLSearchParams): ExplorerUrlState {
  const base = initialView(list(params, 'keys'));
  const opened: Record<string, number> = {};
  for (const item of list(params, 'o')) {
    const at = item.indexOf('~');
    const pages = Number(item.slice(0, at));
    if (at > 0 && Number.isInteger(pages) && pages > 0) opened[item.slice(at + 1)] = Math.min(pages, 10);
  }
  const kinds = params.get('k');
  const types = params.get('t');
  const layout = params.get('l');
  const depth = Number(params.get('d') ?? DEFAULT_DEPTH);
  const threshold = Number(params.get('n') ?? DEFAULT_SUPERNODE_THRESHOLD);
  const { pinned, positions } = parsePins(list(params, 'p'));
  const view: View = {
    ...base,
    depth: Number.isInteger(depth) && depth >= 1 && depth <= 3 ? depth : DEFAULT_DEPTH,
    expanded: list(params, 'x'),
    opened,
    hidden: list(params, 'h'),
    pinned,
    positions,
    groups: list(params, 'g').map(parseGroup).filter((g): g is Group => g != null),
    supernodeThreshold: Number.isInteger(threshold) && threshold >= 1 && threshold <= 500 ? threshold : DEFAULT_SUPERNODE_THRESHOLD,
    filters: {
      kinds: kinds == null ? defaultFilters.kinds : (kinds.split(',').filter((k) => (allKinds as readonly string[]).includes(k)) as NodeKind[]),
      types: types == null ? defaultFilters.types : (types.split(',').filter((t) => (allTypes as readonly string[]).includes(t)) as RelationType[]),
      activeOnly: params.get('a') === '1',
    },
    layout: layout === 'elk' ? 'elk' : ('fcose' satisfies LayoutName),
    // paths.relations(keys) links here with paths=1: the paths between the centres.
    pathParties: params.get('paths') === '1' && !params.has('r') ? base.centres : list(params, 'r'),
  };
  return { view, selected: list(params, 's') };
}
