import { describe, expect, it } from 'vitest';
import {
  buildGraph,
  collapse,
  expand,
  findPaths,
  groupNodes,
  groupNodeId,
  hide,
  initialView,
  openMore,
  pinAt,
  setGroupCollapsed,
  setPinned,
  setSupernodeThreshold,
  ungroup,
  record,
  redo,
  serverFilters,
  setFilters,
  setLayout,
  showHidden,
  startHistory,
  undo,
  visibleGraph,
  type Answers,
  type Network,
  type RelationPath,
  type View,
} from '../../web/src/graph/graphState.ts';
import { applyGroups } from '../../web/src/graph/explorer/groups.ts';
import { paramsToView, viewToParams } from '../../web/src/graph/explorer/viewUrl.ts';
import { toCanvasData, type Naming } from '../../web/src/graph/style.ts';
import { edge, network, node } from './explorerFixtures.ts';

// The demo chain: 王建国 80% → 汇金控股 60% → 鑫融投资 70% → 鑫融财富; 刘明 监事 of 鑫融财富.
const WANG = 'P-wang';
const LIU = 'P-liu';
const HUIJIN = '913200004159528472';
const TOUZI = '91320105700497417W';
const CAIFU = '91320106MA458AFTQ5';

const aroundCaifu: Network = network(
  [node(CAIFU, 'COMPANY', '南京鑫融财富管理有限公司', { center: true }), node(TOUZI, 'COMPANY', '南京鑫融投资管理有限公司'), node(HUIJIN, 'COMPANY', '江苏汇金控股集团有限公司'), node(LIU, 'PERSON', '刘明')],
  [edge('HOLDS_SHARES', TOUZI, CAIFU, { ratio: 0.7 }), edge('HOLDS_SHARES', HUIJIN, TOUZI, { ratio: 0.6 }), edge('OFFICER_OF', LIU, CAIFU, { id: `OFFICER_OF:${LIU}->${CAIFU}#监事`, role: '监事' })],
);
const aroundHuijin: Network = network(
  [node(HUIJIN, 'COMPANY', '江苏汇金控股集团有限公司', { center: true }), node(WANG, 'PERSON', '王建国'), node(TOUZI, 'COMPANY', '南京鑫融投资管理有限公司')],
  [edge('HOLDS_SHARES', WANG, HUIJIN, { ratio: 0.8 }), edge('HOLDS_SHARES', HUIJIN, TOUZI, { ratio: 0.6 })],
  { exhaustive: false, limitsHit: ['budget'], cut: { nodes: 3, edges: 4, unexpanded: 0 } },
);
const aroundWang: Network = network(
  [node(WANG, 'PERSON', '王建国', { center: true }), node(HUIJIN, 'COMPANY', '江苏汇金控股集团有限公司'), node('C-other', 'COMPANY', '王建国的另一家公司')],
  [edge('HOLDS_SHARES', WANG, HUIJIN, { ratio: 0.8 }), edge('HOLDS_SHARES', WANG, 'C-other', { ratio: 1 })],
);

function answers(view: View, extra: Partial<Answers> = {}): Answers {
  const byId: Record<string, Network> = { [HUIJIN]: aroundHuijin, [WANG]: aroundWang };
  return {
    centres: [aroundCaifu],
    expansions: new Map(view.expanded.map((id) => [id, byId[id]])),
    opened: new Map(),
    paths: [],
    ...extra,
  };
}

const drawn = (view: View, extra: Partial<Answers> = {}) => {
  const visible = visibleGraph(buildGraph(view, answers(view, extra)), view);
  return { nodes: visible.nodes.map((n) => n.id).sort(), edges: visible.edges.map((e) => e.id).sort() };
};

describe('explorer state: expand and collapse', () => {
  it('an expansion adds its neighbours without duplicating what is drawn', () => {
    const view = expand(initialView([CAIFU]), HUIJIN);
    const { nodes, edges } = drawn(view);
    expect(nodes).toEqual([HUIJIN, TOUZI, CAIFU, LIU, WANG].sort());
    expect(edges.filter((e) => e === `HOLDS_SHARES:${HUIJIN}->${TOUZI}`)).toHaveLength(1);
    const graph = buildGraph(view, answers(view));
    expect(graph.exhaustive).toBe(false);
    expect(graph.cut).toEqual({ nodes: 3, edges: 4 });
  });

  it('collapse removes what the expansion brought that nothing else holds, and keeps the rest', () => {
    const expanded = expand(initialView([CAIFU]), HUIJIN);
    const collapsed = collapse(expanded, HUIJIN);
    expect(drawn(collapsed).nodes).toEqual([HUIJIN, TOUZI, CAIFU, LIU].sort());
    expect(drawn(collapsed).edges).not.toContain(`HOLDS_SHARES:${WANG}->${HUIJIN}`);
  });

  it('collapsing a parent puts to sleep the expansions of the nodes it brought', () => {
    const view = expand(expand(initialView([CAIFU]), HUIJIN), WANG);
    expect(drawn(view).nodes).toContain('C-other');
    const collapsed = collapse(view, HUIJIN);
    expect(drawn(collapsed).nodes).not.toContain(WANG);
    expect(drawn(collapsed).nodes).not.toContain('C-other');
  });

  it('an opened supernode draws its page of neighbours and stops being summarised on the last page', () => {
    const view = openMore(initialView([CAIFU]), HUIJIN);
    expect(view.opened).toEqual({ [HUIJIN]: 1 });
    const page = {
      node: node(HUIJIN, 'COMPANY', '江苏汇金控股集团有限公司'),
      nodes: [{ node: node(WANG, 'PERSON', '王建国'), edge: edge('HOLDS_SHARES', WANG, HUIJIN, { ratio: 0.8 }) }],
      pageInfo: { hasNextPage: false, endCursor: null },
      totalCount: 1,
    };
    const base = network(
      aroundCaifu.nodes.map((n) => (n.id === HUIJIN ? { ...n, supernode: true, hiddenNeighbours: [{ type: 'HOLDS_SHARES' as const, kind: 'PERSON' as const, count: 1 }] } : n)),
      aroundCaifu.edges,
    );
    const graph = buildGraph(view, { centres: [base], expansions: new Map(), opened: new Map([[HUIJIN, page]]), paths: [] });
    expect(graph.nodes.has(WANG)).toBe(true);
    expect(graph.nodes.get(HUIJIN)?.supernode).toBe(false);
    expect(graph.openedCounts.get(HUIJIN)).toEqual({ drawn: 1, total: 1, more: false });
    expect(openMore(view, HUIJIN).opened).toEqual({ [HUIJIN]: 2 });
    expect(collapse(view, HUIJIN).opened).toEqual({});
  });
});

describe('explorer state: hide and filter', () => {
  it('hides nodes with their relationships and shows them again', () => {
    const view = hide(initialView([CAIFU]), [HUIJIN]);
    expect(drawn(view).nodes).toEqual([TOUZI, CAIFU, LIU].sort());
    expect(drawn(view).edges).not.toContain(`HOLDS_SHARES:${HUIJIN}->${TOUZI}`);
    expect(drawn(showHidden(view)).nodes).toContain(HUIJIN);
  });

  it('filtering out a relationship type drops its edges and the nodes only it connected, not the centre', () => {
    const view = setFilters(initialView([CAIFU]), { ...initialView([]).filters, types: ['HOLDS_SHARES'] });
    expect(drawn(view).edges).toEqual([`HOLDS_SHARES:${HUIJIN}->${TOUZI}`, `HOLDS_SHARES:${TOUZI}->${CAIFU}`].sort());
    expect(drawn(view).nodes).not.toContain(LIU);
    expect(drawn(view).nodes).toContain(CAIFU);
  });

  it('asks the server for the filters, and always for flags so a flagged firm is marked', () => {
    const filters = { kinds: ['COMPANY' as const], types: ['HOLDS_SHARES' as const], activeOnly: true };
    expect(serverFilters(filters)).toEqual({ kinds: ['COMPANY', 'LIST_ENTRY'], relationshipTypes: ['HOLDS_SHARES', 'FLAGGED'], activeOnly: true });
  });

  it('active-only leaves out revoked firms on the client too', () => {
    const revoked = network([...aroundCaifu.nodes.map((n) => (n.id === TOUZI ? { ...n, inactive: true, status: '吊销' } : n))], aroundCaifu.edges);
    const view = setFilters(initialView([CAIFU]), { ...initialView([]).filters, activeOnly: true });
    expect(drawn(view, { centres: [revoked] }).nodes).not.toContain(TOUZI);
  });
});

describe('explorer state: undo and redo', () => {
  it('walks back and forth through the views, and a new step drops the undone ones', () => {
    const start = initialView([CAIFU]);
    let history = startHistory(start);
    history = record(history, expand(history.present, HUIJIN));
    history = record(history, setFilters(history.present, { ...history.present.filters, types: ['HOLDS_SHARES'] }));
    expect(drawn(history.present).edges).not.toContain(`OFFICER_OF:${LIU}->${CAIFU}#监事`);

    history = undo(history);
    expect(drawn(history.present).edges).toContain(`OFFICER_OF:${LIU}->${CAIFU}#监事`);
    expect(history.present.expanded).toEqual([HUIJIN]);
    history = undo(history);
    expect(history.present).toBe(start);
    expect(undo(history)).toBe(history);

    history = redo(history);
    expect(history.present.expanded).toEqual([HUIJIN]);
    history = record(history, setLayout(history.present, 'elk'));
    expect(history.future).toEqual([]);
    expect(redo(history)).toBe(history);
  });

  it('a change that changes nothing is no step to undo', () => {
    const history = startHistory(initialView([CAIFU]));
    expect(record(history, setLayout(history.present, 'fcose'))).toBe(history);
    expect(record(history, collapse(history.present, HUIJIN))).toBe(history);
  });
});

describe('explorer state: paths and URL', () => {
  const path: RelationPath = {
    length: 2,
    hops: [
      { from: { kind: 'PERSON', key: LIU, name: '刘明' }, to: { kind: 'COMPANY', key: CAIFU, name: '南京鑫融财富管理有限公司' }, relationship: 'OFFICER_OF', direction: 'FORWARD', ratio: null, role: '监事', alsoLinkedBy: [] },
      { from: { kind: 'COMPANY', key: CAIFU, name: '南京鑫融财富管理有限公司' }, to: { kind: 'ADDRESS', key: '中山北路88号', name: '中山北路88号' }, relationship: 'REGISTERED_AT', direction: 'FORWARD', ratio: null, role: null, alsoLinkedBy: [] },
    ],
  };

  it('draws a path over the network, reusing the relationships already drawn, whatever the kind filter', () => {
    const view = findPaths(initialView([CAIFU]), [LIU, CAIFU]);
    const graph = buildGraph(view, answers(view, { paths: [path] }));
    expect([...graph.pathEdges]).toEqual([`OFFICER_OF:${LIU}->${CAIFU}#监事`, `REGISTERED_AT:${CAIFU}->ADDRESS:中山北路88号`]);
    expect(drawn(view, { paths: [path] }).nodes).toContain('ADDRESS:中山北路88号');
  });

  it('round-trips the view through compact URL parameters', () => {
    let view = initialView([CAIFU, 'P-x']);
    view = expand(view, HUIJIN);
    view = openMore(openMore(view, 'ADDRESS:南京市,中山北路'), 'ADDRESS:南京市,中山北路');
    view = hide(view, [LIU]);
    view = setFilters(view, { kinds: ['COMPANY'], types: ['HOLDS_SHARES', 'CONTROLS'], activeOnly: true });
    view = setLayout(findPaths(view, [CAIFU, WANG]), 'elk');
    view = { ...view, pinned: [TOUZI], depth: 3 };
    const params = viewToParams({ view, selected: [TOUZI, `${TOUZI}->${CAIFU}`] });
    expect(params.get('x')).toBe(HUIJIN);
    expect(params.get('h')).toBe(LIU);
    const back = paramsToView(new URLSearchParams(params.toString()));
    expect(back.view).toEqual(view);
    expect(back.selected).toEqual([TOUZI, `${TOUZI}->${CAIFU}`]);
    // The default view is just its keys.
    expect(viewToParams({ view: initialView([CAIFU]), selected: [] }).toString()).toBe(`keys=${CAIFU}`);
    // paths.relations(keys) asks for the paths between the keys.
    expect(paramsToView(new URLSearchParams(`keys=${CAIFU},${WANG}&paths=1`)).view.pathParties).toEqual([CAIFU, WANG]);
  });
});

describe('explorer state: pinned places', () => {
  it('pins nodes at their places, rounded, and a move of a pinned node is a step of its own', () => {
    const start = initialView([CAIFU]);
    const pinned = pinAt(start, { [TOUZI]: { x: 10.4, y: -20.6 } });
    expect(pinned.pinned).toEqual([TOUZI]);
    expect(pinned.positions).toEqual({ [TOUZI]: { x: 10, y: -21 } });
    // The same place again changes nothing (no step to undo); another place does.
    expect(pinAt(pinned, { [TOUZI]: { x: 10.1, y: -21.2 } })).toBe(pinned);
    const moved = pinAt(pinned, { [TOUZI]: { x: 300, y: 40 } });
    expect(moved.positions[TOUZI]).toEqual({ x: 300, y: 40 });
    const history = undo(record(record(startHistory(start), pinned), moved));
    expect(history.present.positions[TOUZI]).toEqual({ x: 10, y: -21 });
  });

  it('unpinning forgets the place', () => {
    const view = setPinned(pinAt(initialView([CAIFU]), { [TOUZI]: { x: 1, y: 2 }, [HUIJIN]: { x: 3, y: 4 } }), [TOUZI], false);
    expect(view.pinned).toEqual([HUIJIN]);
    expect(view.positions).toEqual({ [HUIJIN]: { x: 3, y: 4 } });
  });

  it('keeps the threshold for supernodes within what the API takes', () => {
    const view = initialView([CAIFU]);
    expect(setSupernodeThreshold(view, 5).supernodeThreshold).toBe(5);
    expect(setSupernodeThreshold(view, 0).supernodeThreshold).toBe(1);
    expect(setSupernodeThreshold(view, 9999).supernodeThreshold).toBe(500);
    expect(setSupernodeThreshold(view, view.supernodeThreshold)).toBe(view);
  });
});

describe('explorer state: groups (编组)', () => {
  const naming: Naming = { type: (t) => t, more: (n, t) => `+${n} ${t}` };
  const groupNaming = { collapsed: (name: string, n: number) => `${name} (${n})` };

  it('groups nodes under a name, a node in one group at most, and ungroups', () => {
    const start = initialView([CAIFU]);
    expect(groupNodes(start, '  ', [TOUZI])).toBe(start);
    expect(groupNodes(start, '鑫融', [])).toBe(start);
    const one = groupNodes(start, ' 鑫融 ', [TOUZI, CAIFU, TOUZI]);
    expect(one.groups).toEqual([{ id: 'g1', name: '鑫融', members: [TOUZI, CAIFU], collapsed: false }]);
    // 鑫融财富 moves to the new group; a group node itself is never a member.
    const two = groupNodes(one, '汇金', [CAIFU, HUIJIN, 'group:g1']);
    expect(two.groups).toEqual([
      { id: 'g1', name: '鑫融', members: [TOUZI], collapsed: false },
      { id: 'g2', name: '汇金', members: [CAIFU, HUIJIN], collapsed: false },
    ]);
    // A group whose last member leaves goes; ids are not reused while a higher one exists.
    expect(groupNodes(two, '全部', [TOUZI]).groups.map((g) => g.id)).toEqual(['g2', 'g3']);
    expect(ungroup(two, 'g1').groups.map((g) => g.id)).toEqual(['g2']);
    expect(ungroup(two, 'g9')).toBe(two);
  });

  it('draws an open group as a box around its drawn members and a collapsed one as one node holding their relationships', () => {
    let view = expand(initialView([CAIFU]), HUIJIN);
    view = groupNodes(view, '鑫融', [TOUZI, CAIFU]);
    const graph = buildGraph(view, answers(view));
    const data = () => applyGroups(toCanvasData(graph, visibleGraph(graph, view), view, naming), view.groups, groupNaming);

    const open = data();
    const box = open.nodes.find((n) => n.id === groupNodeId({ id: 'g1' }))!;
    expect(box).toMatchObject({ kind: 'GROUP', label: '鑫融', collapsed: false });
    expect(open.nodes.filter((n) => n.parent === box.id).map((n) => n.id).sort()).toEqual([TOUZI, CAIFU].sort());
    expect(open.nodes.find((n) => n.id === HUIJIN)!.parent).toBeUndefined();

    view = setGroupCollapsed(view, 'g1', true);
    const closed = data();
    const ids = closed.nodes.map((n) => n.id);
    expect(ids).not.toContain(TOUZI);
    expect(ids).not.toContain(CAIFU);
    expect(closed.nodes.find((n) => n.id === 'group:g1')).toMatchObject({ label: '鑫融 (2)', collapsed: true });
    // 汇金 → 鑫融投资 60% becomes 汇金 → the group; 鑫融投资 → 鑫融财富 is inside it; 刘明 → 鑫融财富 goes to the group.
    const edges = closed.edges.map((e) => [e.source, e.target, e.label]);
    expect(edges).toContainEqual([HUIJIN, 'group:g1', '60.00%']);
    expect(edges).toContainEqual([LIU, 'group:g1', '监事']);
    expect(edges.some(([s, t]) => s === 'group:g1' && t === 'group:g1')).toBe(false);
    expect(closed.edges.every((e) => ids.includes(e.source) && ids.includes(e.target))).toBe(true);
    // Expanded again, the box is back.
    expect(setGroupCollapsed(view, 'g1', false).groups[0]!.collapsed).toBe(false);
  });

  it('draws no group whose members are all out of the drawing', () => {
    let view = groupNodes(initialView([CAIFU]), '刘明', [LIU]);
    view = hide(view, [LIU]);
    const graph = buildGraph(view, answers(view));
    const data = applyGroups(toCanvasData(graph, visibleGraph(graph, view), view, naming), view.groups, groupNaming);
    expect(data.nodes.map((n) => n.kind)).not.toContain('GROUP');
  });

  it('round-trips groups, pinned places and the supernode threshold through the URL', () => {
    let view = groupNodes(initialView([CAIFU]), '名称~带,逗号%', [TOUZI, 'ADDRESS:南京市,中山北路']);
    view = setGroupCollapsed(groupNodes(view, '汇金', [HUIJIN]), 'g2', true);
    view = pinAt(view, { [TOUZI]: { x: -12.4, y: 340.5 } });
    view = setPinned(view, [LIU], true);
    view = setSupernodeThreshold(view, 5);
    const params = viewToParams({ view, selected: [] });
    expect(params.get('p')).toBe(`${TOUZI}@-12_341,${LIU}`);
    expect(params.get('n')).toBe('5');
    expect(paramsToView(new URLSearchParams(params.toString())).view).toEqual(view);
    // A group item that makes no sense is dropped, not guessed at.
    expect(paramsToView(new URLSearchParams(`keys=${CAIFU}&g=x1~0~a~b,g2~0~~b,g3~0~c`)).view.groups).toEqual([]);
  });
});
