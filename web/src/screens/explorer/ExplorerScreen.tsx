// The network explorer (/explore?keys=…): the network around one or more entities, grown by
// expanding nodes and opening supernodes, cut by filters, grouped (编组) and pinned, with undo/redo,
// a table of the same elements, and 查关系 between selected parties. The view (graph/graphState.ts) lives in the URL
// (graph/explorer/viewUrl.ts), so reload, back and a shared link rebuild it by asking again.

import { Alert, Button, Checkbox, Divider, Dropdown, Input, InputNumber, Modal, Popover, Select, Space, Switch, Tooltip, Typography, type ButtonProps, type MenuProps } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { Core } from '../../graph/cytoscape.ts';
import { applyGroups } from '../../graph/explorer/groups.ts';
import { useExplorerAnswers } from '../../graph/explorer/useExplorerAnswers.ts';
import { paramsToView, viewToParams } from '../../graph/explorer/viewUrl.ts';
import { vocabulary } from '../../graph/explorer/vocabulary.ts';
import { ChartExportButton } from '../../graph/export/ChartExportButton.tsx';
import { downloadTable, type TableColumn } from '../../graph/export/tableExport.ts';
import {
  allKinds,
  allTypes,
  buildGraph,
  clearPaths,
  collapse,
  defaultFilters,
  expand,
  findPaths,
  groupNodes,
  groupOfNode,
  hiddenInGraph,
  hide,
  openMore,
  pinAt,
  record,
  redo,
  setDepth,
  setFilters,
  setGroupCollapsed,
  setLayout,
  setPinned,
  setSupernodeThreshold,
  showHidden,
  startHistory,
  undo,
  ungroup,
  visibleGraph,
  type GraphEdge,
  type GraphNode,
  type History,
  type LayoutName,
  type NodeKind,
  type Position,
  type RelationType,
  type View,
} from '../../graph/graphState.ts';
import { Legend } from '../../graph/Legend.tsx';
import { centreOn, NetworkCanvas, type CanvasCommand, type CanvasMenuLabels } from '../../graph/NetworkCanvas.tsx';
import { toCanvasData, type Naming } from '../../graph/style.ts';
import { formatPercent } from '../../format.ts';
import { useI18n, useMessages } from '../../i18n.ts';
import { ElementTable } from './ElementTable.tsx';
import { messages } from './messages.ts';
import { PathsPanel } from './PathsPanel.tsx';
import './explorer.css';

interface ScreenState {
  history: History;
  selected: string[];
}

function fromUrl(params: URLSearchParams): ScreenState {
  const { view, selected } = paramsToView(params);
  return { history: startHistory(view), selected };
}

const PARTY_KINDS = new Set(['COMPANY', 'PERSON']);
const MAX_PARTIES = 5;
const MINIMAP_ID = 'explorer-minimap';

export function ExplorerScreen() {
  const { lang } = useI18n();
  const m = useMessages(messages);
  const v = useMessages(vocabulary);
  const [params, setParams] = useSearchParams();
  const [state, setState] = useState<ScreenState>(() => fromUrl(params));
  const view = state.history.present;
  const { selected } = state;

  // The URL this screen last wrote: a different one is a navigation (a link, back) to rebuild from.
  const written = useRef<string | null>(null);
  useEffect(() => {
    const text = params.toString();
    if (text === written.current) return;
    written.current = text;
    setState(fromUrl(params));
  }, [params]);
  useEffect(() => {
    const next = viewToParams({ view, selected });
    const text = next.toString();
    if (text === written.current) return;
    written.current = text;
    // Replace: each step is undone with Ctrl+Z, not with the browser's back button.
    setParams(next, { replace: true });
  }, [view, selected, setParams]);

  const change = useCallback((step: (view: View) => View) => {
    setState((s) => ({ ...s, history: record(s.history, step(s.history.present)) }));
  }, []);
  const travel = useCallback((how: (h: History) => History) => setState((s) => ({ ...s, history: how(s.history) })), []);
  const select = useCallback((ids: string[]) => {
    setState((s) => (s.selected.length === ids.length && s.selected.every((id, i) => id === ids[i]) ? s : { ...s, selected: ids }));
  }, []);

  const fetched = useExplorerAnswers(view);
  const graph = useMemo(() => buildGraph(view, fetched.answers), [view, fetched.answers]);
  const visible = useMemo(() => visibleGraph(graph, view), [graph, view]);
  const naming = useMemo<Naming>(
    () => ({ type: (t) => v(`type.${t}`), more: (n, t) => m('moreCount', { n, type: v(`type.${t}`) }) }),
    [v, m],
  );
  const canvasData = useMemo(
    () => applyGroups(toCanvasData(graph, visible, view, naming), view.groups, { collapsed: (name, n) => m('groupCollapsedLabel', { name, n }) }),
    [graph, visible, view, naming, m],
  );
  const hiddenNodes = hiddenInGraph(graph, view);

  const [cy, setCy] = useState<Core | null>(null);
  // The mini-map's element must exist before the extension looks it up by id.
  const [minimapReady, setMinimapReady] = useState(false);
  const [layoutRun, setLayoutRun] = useState(0);
  const [fitRun, setFitRun] = useState(0);
  const [tab, setTab] = useState(view.pathParties.length >= 2 ? 'paths' : 'nodes');
  // The 编组 dialog: open while the investigator names the selected nodes' group.
  const [grouping, setGrouping] = useState<{ ids: string[]; name: string } | null>(null);

  const selectedNodes = selected.map((id) => graph.nodes.get(id)).filter((n): n is GraphNode => n != null);
  const parties = selectedNodes.filter((n) => PARTY_KINDS.has(n.kind));
  const canFindPaths = parties.length >= 2 && parties.length <= MAX_PARTIES;

  const doubleClick = (id: string) => {
    const node = graph.nodes.get(id);
    if (!node) return;
    if (node.supernode) change((w) => openMore(w, id));
    else change((w) => expand(w, id));
  };

  /** Where the nodes are drawn now (model coordinates), to pin them there. */
  const placesOf = (ids: readonly string[]): Record<string, Position> => {
    const places: Record<string, Position> = {};
    for (const id of ids) {
      const node = cy?.getElementById(id);
      if (node && node.nonempty() && graph.nodes.has(id)) places[id] = { ...node.position() };
    }
    return places;
  };

  const command = (name: CanvasCommand, id: string) => {
    // A command on a node of a selection applies to the whole selection, as in other chart tools.
    const ids = selected.includes(id) ? selected.filter((s) => graph.nodes.has(s)) : [id];
    const group = groupOfNode(view, id);
    switch (name) {
      case 'group-collapse':
      case 'group-expand':
        if (group) change((w) => setGroupCollapsed(w, group.id, name === 'group-collapse'));
        break;
      case 'ungroup':
        if (group) change((w) => ungroup(w, group.id));
        select(selected.filter((s) => s !== id));
        break;
      case 'expand':
        change((w) => ids.reduce((acc, n) => (graph.nodes.get(n)?.supernode ? openMore(acc, n) : expand(acc, n)), w));
        break;
      case 'more':
        change((w) => openMore(w, id));
        break;
      case 'collapse':
        change((w) => ids.reduce(collapse, w));
        break;
      case 'hide':
        change((w) => hide(w, ids));
        select(selected.filter((s) => !ids.includes(s)));
        break;
      case 'pin': {
        const places = placesOf(ids);
        change((w) => setPinned(pinAt(w, places), ids, true));
        break;
      }
      case 'unpin':
        change((w) => setPinned(w, ids, false));
        break;
      case 'select-neighbours': {
        const around = new Set(ids);
        for (const e of visible.edges) {
          if (ids.includes(e.source)) around.add(e.target);
          if (ids.includes(e.target)) around.add(e.source);
        }
        select([...around]);
        break;
      }
    }
  };

  const menu = useMemo<CanvasMenuLabels>(
    () => ({
      expand: m('expand'),
      more: m('menuMore'),
      collapse: m('collapse'),
      hide: m('hide'),
      pin: m('pin'),
      unpin: m('unpin'),
      selectNeighbours: m('selectNeighbours'),
      fit: m('fit'),
      showHidden: m('menuShowHidden'),
      collapseGroup: m('group.collapse'),
      expandGroup: m('group.expand'),
      ungroup: m('group.ungroup'),
    }),
    [m],
  );

  // Ctrl+Z / Ctrl+Shift+Z (and Ctrl+Y) anywhere on the screen but in a text field.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
      if (!(event.ctrlKey || event.metaKey)) return;
      const key = event.key.toLowerCase();
      if (key === 'z') {
        event.preventDefault();
        travel(event.shiftKey ? redo : undo);
      } else if (key === 'y') {
        event.preventDefault();
        travel(redo);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [travel]);

  const choose = (id: string) => {
    select([id]);
    if (cy) centreOn(cy, id);
  };

  const names = new Map(visible.nodes.map((n) => [n.id, n.label]));
  const nodeColumns: TableColumn<GraphNode>[] = [
    { title: m('col.name'), value: (n) => n.label },
    { title: m('col.kind'), value: (n) => v(`kind.${n.kind}`) },
    { title: m('col.status'), value: (n) => n.status },
    { title: 'key', value: (n) => n.key },
  ];
  const edgeColumns: TableColumn<GraphEdge>[] = [
    { title: m('col.from'), value: (e) => names.get(e.source) ?? e.source },
    { title: m('col.type'), value: (e) => v(`type.${e.type}`) },
    { title: m('col.detail'), value: (e) => (e.ratio != null ? formatPercent(e.ratio) : e.role) },
    { title: m('col.to'), value: (e) => names.get(e.target) ?? e.target },
  ];
  const fileBase = `${m('title')}-${graph.nodes.get(view.centres[0] ?? '')?.label ?? view.centres[0] ?? ''}`;
  const tableExport = <R,>(rows: readonly R[], columns: TableColumn<R>[], name: string, testId: string) => (
    <Dropdown
      menu={{
        items: [
          { key: 'csv', label: 'CSV' },
          { key: 'xlsx', label: 'XLSX' },
        ],
        onClick: ({ key }) => void downloadTable(rows, columns, `${fileBase}-${name}`, key as 'csv' | 'xlsx'),
      }}
      trigger={['click']}
      autoFocus
    >
      <Button size="small" className="table-export" data-testid={testId}>
        {m('exportTable')}
      </Button>
    </Dropdown>
  );

  const groupable = selectedNodes.map((n) => n.id);
  const groupMenu: MenuProps['items'] = [
    { key: 'new', label: m('group.new', { n: groupable.length }), disabled: groupable.length < 2 },
    ...view.groups.map((g) => ({
      key: g.id,
      type: 'group' as const,
      label: m('group.heading', { name: g.name, n: g.members.length }),
      children: [
        { key: `toggle:${g.id}`, label: g.collapsed ? m('group.expand') : m('group.collapse') },
        { key: `ungroup:${g.id}`, label: m('group.ungroup') },
      ],
    })),
  ];
  const onGroupMenu: MenuProps['onClick'] = ({ key }) => {
    if (key === 'new') {
      setGrouping({ ids: groupable, name: '' });
      return;
    }
    const [action, groupId] = key.split(':') as [string, string];
    const group = view.groups.find((g) => g.id === groupId);
    if (!group) return;
    if (action === 'toggle') change((w) => setGroupCollapsed(w, groupId, !group.collapsed));
    else change((w) => ungroup(w, groupId));
  };
  const finishGrouping = () => {
    if (!grouping || !grouping.name.trim()) return;
    const { ids, name } = grouping;
    change((w) => groupNodes(w, name, ids));
    setGrouping(null);
  };

  if (view.centres.length === 0) {
    return (
      <main className="explorer">
        <Alert type="info" showIcon title={m('noKeys')} />
      </main>
    );
  }

  const filters = (
    <div className="explorer-filters" data-testid="filters-panel">
      <Typography.Text strong>{m('filters.kinds')}</Typography.Text>
      <Checkbox.Group
        value={[...view.filters.kinds]}
        onChange={(kinds) => change((w) => setFilters(w, { ...w.filters, kinds: kinds as NodeKind[] }))}
        options={allKinds.map((k) => ({ label: v(`kind.${k}`), value: k }))}
      />
      <Typography.Text strong>{m('filters.types')}</Typography.Text>
      <Checkbox.Group
        value={[...view.filters.types]}
        onChange={(types) => change((w) => setFilters(w, { ...w.filters, types: types as RelationType[] }))}
        options={allTypes.map((t) => ({ label: v(`type.${t}`), value: t }))}
      />
      <Space>
        <Switch
          size="small"
          checked={view.filters.activeOnly}
          onChange={(activeOnly) => change((w) => setFilters(w, { ...w.filters, activeOnly }))}
          data-testid="filter-active-only"
        />
        {m('filters.activeOnly')}
      </Space>
      <Space>
        <Tooltip title={m('supernodeThresholdTitle')}>
          <span>{m('supernodeThreshold')}</span>
        </Tooltip>
        <InputNumber
          size="small"
          min={1}
          max={500}
          value={view.supernodeThreshold}
          onChange={(n) => n != null && change((w) => setSupernodeThreshold(w, n))}
          data-testid="supernode-threshold"
        />
      </Space>
      <Button size="small" onClick={() => change((w) => setFilters(w, defaultFilters))}>
        {m('filters.reset')}
      </Button>
    </div>
  );

  return (
    <main className="explorer" data-testid="explorer">
      <div className="explorer-toolbar">
        <Space wrap size={[6, 6]}>
          <Typography.Title level={4} className="explorer-title">
            {m('title')}
          </Typography.Title>
          <Tooltip title={m('undoTitle')}>
            <Button onClick={() => travel(undo)} disabled={state.history.past.length === 0} data-testid="undo">
              {m('undo')}
            </Button>
          </Tooltip>
          <Tooltip title={m('redoTitle')}>
            <Button onClick={() => travel(redo)} disabled={state.history.future.length === 0} data-testid="redo">
              {m('redo')}
            </Button>
          </Tooltip>
          <Divider orientation="vertical" />
          <Select<LayoutName>
            value={view.layout}
            onChange={(layout) => change((w) => setLayout(w, layout))}
            options={[
              { value: 'fcose', label: m('layout.fcose') },
              { value: 'elk', label: m('layout.elk') },
            ]}
            aria-label={m('layout')}
            data-testid="layout"
            className="explorer-select"
          />
          <Select<number>
            value={view.depth}
            onChange={(depth) => change((w) => setDepth(w, depth))}
            options={[1, 2, 3].map((n) => ({ value: n, label: m('depthOption', { n }) }))}
            aria-label={m('depth')}
            data-testid="depth"
          />
          <Popover content={filters} trigger="click" placement="bottomLeft" title={m('filtersTitle')}>
            <Button data-testid="filters">{m('filters')}</Button>
          </Popover>
          <Divider orientation="vertical" />
          <Tooltip title={m('expandTitle')}>
            <Button disabled={selectedNodes.length === 0} onClick={() => selectedNodes[0] && command('expand', selectedNodes[0].id)} data-testid="expand">
              {m('expand')}
            </Button>
          </Tooltip>
          <Tooltip title={m('collapseTitle')}>
            <Button
              disabled={!selectedNodes.some((n) => view.expanded.includes(n.id) || n.id in view.opened)}
              onClick={() => selectedNodes[0] && command('collapse', selectedNodes[0].id)}
              data-testid="collapse"
            >
              {m('collapse')}
            </Button>
          </Tooltip>
          <Button disabled={selectedNodes.length === 0} onClick={() => selectedNodes[0] && command('hide', selectedNodes[0].id)} data-testid="hide">
            {m('hide')}
          </Button>
          <Button disabled={hiddenNodes.length === 0} onClick={() => change((w) => showHidden(w))} data-testid="show-hidden">
            {m('showHidden', { n: hiddenNodes.length })}
          </Button>
          <Tooltip title={m('pinTitle')}>
            <Button
              disabled={selectedNodes.length === 0}
              onClick={() => {
                const ids = selectedNodes.map((n) => n.id);
                const places = placesOf(ids);
                const allPinned = ids.every((id) => view.pinned.includes(id));
                change((w) => (allPinned ? setPinned(w, ids, false) : setPinned(pinAt(w, places), ids, true)));
              }}
              data-testid="pin"
            >
              {selectedNodes.length > 0 && selectedNodes.every((n) => view.pinned.includes(n.id)) ? m('unpin') : m('pin')}
            </Button>
          </Tooltip>
          <Dropdown menu={{ items: groupMenu, onClick: onGroupMenu }} trigger={['click']} autoFocus>
            <Button data-testid="group-menu">{m('group')}</Button>
          </Dropdown>
          <Tooltip title={m('findPathsTitle')}>
            <Button
              type="primary"
              disabled={!canFindPaths}
              onClick={() => {
                change((w) => findPaths(w, parties.map((p) => p.key)));
                setTab('paths');
              }}
              data-testid="find-paths"
            >
              {m('findPaths')}
            </Button>
          </Tooltip>
          <Divider orientation="vertical" />
          <Button onClick={() => setLayoutRun((n) => n + 1)} data-testid="relayout">
            {m('relayout')}
          </Button>
          <Button onClick={() => setFitRun((n) => n + 1)} data-testid="fit">
            {m('fit')}
          </Button>
          <ChartExportButton cy={cy} fileName={fileBase} />
        </Space>
        <Typography.Text type="secondary" data-testid="graph-stats">
          {m('stats', { nodes: visible.nodes.length, edges: visible.edges.length })}
        </Typography.Text>
      </div>

      {!graph.exhaustive && (
        <Alert
          type="warning"
          showIcon
          data-testid="truncated"
          title={m('truncated', { limits: graph.limitsHit.join(', '), nodes: graph.cut.nodes, edges: graph.cut.edges })}
        />
      )}
      {fetched.error && <Alert type="error" showIcon title={m('error', { message: fetched.error.message })} />}

      <div className="explorer-body">
        <div className="explorer-stage">
          <NetworkCanvas
            data={canvasData}
            layout={view.layout}
            layoutRun={layoutRun}
            fitRun={fitRun}
            selected={selected}
            menu={menu}
            onSelect={select}
            onDoubleClick={doubleClick}
            onCommand={command}
            onShowHidden={() => change((w) => showHidden(w))}
            onDragged={(ids) => {
              const places = placesOf(ids);
              if (Object.keys(places).length) change((w) => pinAt(w, places));
            }}
            positions={view.positions}
            label={m('canvasLabel')}
            onCore={setCy}
            navigatorId={minimapReady ? MINIMAP_ID : null}
          />
          <div ref={(el) => setMinimapReady(el != null)} id={MINIMAP_ID} className="explorer-minimap cytoscape-navigator" data-testid="minimap" />
          {fetched.loading && (
            <div className="explorer-loading" role="status">
              {m('loading')}
            </div>
          )}
          <div className="explorer-hint">{m('hint')}</div>
        </div>
        <aside className="explorer-side">
          <ElementTable
            visible={visible}
            selected={selected}
            onChoose={choose}
            tab={tab}
            onTab={setTab}
            exportNodes={tableExport(visible.nodes, nodeColumns, 'nodes', 'export-nodes')}
            exportEdges={tableExport(visible.edges, edgeColumns, 'edges', 'export-edges')}
            pathsTab={
              <PathsPanel
                parties={view.pathParties}
                relations={fetched.relations}
                loading={fetched.pathsLoading}
                error={fetched.pathsError}
                onClear={() => change(clearPaths)}
              />
            }
          />
        </aside>
      </div>
      <Legend kinds={view.filters.kinds} types={view.filters.types} />
      <Modal
        open={grouping != null}
        title={m('group.dialogTitle', { n: grouping?.ids.length ?? 0 })}
        okText={m('group.ok')}
        cancelText={m('group.cancel')}
        onOk={finishGrouping}
        onCancel={() => setGrouping(null)}
        okButtonProps={{ disabled: !grouping?.name.trim(), 'data-testid': 'group-ok' } as ButtonProps}
        destroyOnHidden
      >
        <Input
          autoFocus
          maxLength={40}
          placeholder={m('group.placeholder')}
          value={grouping?.name ?? ''}
          onChange={(e) => setGrouping((n) => (n ? { ...n, name: e.target.value } : n))}
          onPressEnter={finishGrouping}
          data-testid="group-name"
        />
      </Modal>
    </main>
  );
}
