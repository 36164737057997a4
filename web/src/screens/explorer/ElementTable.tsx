// The explorer's elements as tables (nodes, relationships), selection shared with the canvas: a row
// clicked selects and centres its element; an element selected on the canvas highlights its row.
// With the table focused, ↑/↓ move the selection row by row in the order shown (sorted, filtered).

import { Space, Table, Tabs, Tag, Tooltip, type GetRef } from 'antd';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Link } from 'react-router';
import { formatPercent } from '../../format.ts';
import { vocabulary } from '../../graph/explorer/vocabulary.ts';
import type { GraphEdge, GraphNode, VisibleGraph } from '../../graph/graphState.ts';
import { pairId } from '../../graph/style.ts';
import { useMessages } from '../../i18n.ts';
import { paths } from '../../paths.ts';
import { messages } from './messages.ts';

export interface ElementTableProps {
  visible: VisibleGraph;
  selected: readonly string[];
  onChoose: (id: string) => void;
  pathsTab: ReactNode;
  tab: string;
  onTab: (tab: string) => void;
  /** Export buttons for the tab shown (the table export). */
  exportNodes?: ReactNode;
  exportEdges?: ReactNode;
}

export function ElementTable({ visible, selected, onChoose, pathsTab, tab, onTab, exportNodes, exportEdges }: ElementTableProps) {
  const m = useMessages(messages);
  const v = useMessages(vocabulary);
  const names = useMemo(() => new Map(visible.nodes.map((n) => [n.id, n.label])), [visible.nodes]);
  const chosen = new Set(selected);
  const wrap = useRef<HTMLDivElement>(null);
  // A virtual table needs its size in pixels; it follows the side panel's. (Virtual, besides
  // keeping thousands of rows fluid, skips rc-table's scrollbar measurement, whose <style> carries
  // no CSP nonce and would be refused by the server's policy.)
  const [size, setSize] = useState({ width: 420, height: 400 });
  useEffect(() => {
    const element = wrap.current;
    if (!element) return;
    const observer = new ResizeObserver(() => {
      // Tab bar, export button and table header above the rows.
      setSize({ width: Math.max(300, element.clientWidth), height: Math.max(160, element.clientHeight - 130) });
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const nodesTable = useRef<GetRef<typeof Table>>(null);
  const edgesTable = useRef<GetRef<typeof Table>>(null);
  // A row selected from the canvas is scrolled into view (the tables are virtual: by key, not by DOM).
  useEffect(() => {
    const first = selected[0];
    if (first == null) return;
    if (tab === 'nodes' && visible.nodes.some((n) => n.id === first)) nodesTable.current?.scrollTo({ key: first });
    if (tab === 'edges') {
      const edge = visible.edges.find((e) => pairId(e.source, e.target) === first);
      if (edge) edgesTable.current?.scrollTo({ key: edge.id });
    }
  }, [selected, tab, visible]);

  const nodeColumns = [
    {
      title: m('col.name'),
      dataIndex: 'label',
      key: 'label',
      sorter: (a: GraphNode, b: GraphNode) => a.label.localeCompare(b.label, 'zh'),
      render: (label: string, node: GraphNode) => (
        <Space size={4} wrap>
          <span>{label}</span>
          {node.flagged && <Tag color="red">{m('flagged')}</Tag>}
          {node.supernode && <Tag color="blue">{m('supernodeTag', { n: node.hiddenNeighbours.reduce((s, h) => s + h.count, 0) })}</Tag>}
        </Space>
      ),
    },
    {
      title: m('col.kind'),
      dataIndex: 'kind',
      key: 'kind',
      width: 90,
      filters: [...new Set(visible.nodes.map((n) => n.kind))].map((k) => ({ text: v(`kind.${k}`), value: k })),
      onFilter: (value: unknown, node: GraphNode) => node.kind === value,
      render: (kind: GraphNode['kind']) => v(`kind.${kind}`),
    },
    { title: m('col.status'), dataIndex: 'status', key: 'status', width: 90, render: (s: string | null) => s ?? '' },
    {
      title: m('col.actions'),
      key: 'actions',
      width: 110,
      render: (_: unknown, node: GraphNode) =>
        node.kind === 'COMPANY' || node.kind === 'PERSON' ? (
          <Space size={8} onClick={(e) => e.stopPropagation()}>
            <Link to={paths.entity(node.key)}>{m('profile')}</Link>
            {node.kind === 'COMPANY' && <Link to={paths.penetration(node.key)}>{m('penetration')}</Link>}
          </Space>
        ) : null,
    },
  ];

  const edgeColumns = [
    { title: m('col.from'), key: 'from', render: (_: unknown, e: GraphEdge) => names.get(e.source) ?? e.source },
    {
      title: m('col.type'),
      dataIndex: 'type',
      key: 'type',
      width: 110,
      filters: [...new Set(visible.edges.map((e) => e.type))].map((t) => ({ text: v(`type.${t}`), value: t })),
      onFilter: (value: unknown, e: GraphEdge) => e.type === value,
      render: (type: GraphEdge['type']) => v(`type.${type}`),
    },
    {
      title: m('col.detail'),
      key: 'detail',
      width: 100,
      sorter: (a: GraphEdge, b: GraphEdge) => (a.ratio ?? -1) - (b.ratio ?? -1),
      render: (_: unknown, e: GraphEdge) =>
        e.ratio != null ? (
          <Tooltip title={String(e.ratio)}>
            <span>{formatPercent(e.ratio)}</span>
          </Tooltip>
        ) : (
          (e.role ?? '')
        ),
    },
    { title: m('col.to'), key: 'to', render: (_: unknown, e: GraphEdge) => names.get(e.target) ?? e.target },
  ];

  // The rows in the order the table shows them, as its sorter and filters leave them.
  const shownNodes = useRef<readonly GraphNode[] | null>(null);
  const shownEdges = useRef<readonly GraphEdge[] | null>(null);
  useEffect(() => {
    shownNodes.current = null;
    shownEdges.current = null;
  }, [visible]);
  const step = (ids: readonly string[]) => (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    if (ids.length === 0) return;
    event.preventDefault();
    const at = ids.findIndex((id) => chosen.has(id));
    const next = at < 0 ? 0 : Math.min(ids.length - 1, Math.max(0, at + (event.key === 'ArrowDown' ? 1 : -1)));
    if (next !== at) onChoose(ids[next]!);
  };
  const nodeOrder = () => (shownNodes.current ?? visible.nodes).map((n) => n.id);
  const edgeOrder = () => [...new Set((shownEdges.current ?? visible.edges).map((e) => pairId(e.source, e.target)))];

  const rowProps = (id: string) => ({
    onClick: () => onChoose(id),
    'data-row-key': id,
  });

  return (
    <div ref={wrap} className="explorer-tables">
      <Tabs
        activeKey={tab}
        onChange={onTab}
        size="small"
        items={[
          {
            key: 'nodes',
            label: m('tab.nodes', { n: visible.nodes.length }),
            children: (
              <div data-testid="nodes-table" tabIndex={0} aria-label={m('tab.nodes', { n: visible.nodes.length })} onKeyDown={(e) => step(nodeOrder())(e)}>
                {exportNodes}
                <Table<GraphNode>
                  ref={nodesTable}
                  size="small"
                  rowKey="id"
                  columns={nodeColumns}
                  dataSource={visible.nodes}
                  pagination={false}
                  virtual
                  scroll={{ x: size.width - 8, y: size.height }}
                  rowClassName={(n) => (chosen.has(n.id) ? 'row-selected' : '')}
                  onRow={(n) => rowProps(n.id)}
                  onChange={(_p, _f, _s, extra) => {
                    shownNodes.current = extra.currentDataSource;
                  }}
                />
              </div>
            ),
          },
          {
            key: 'edges',
            label: m('tab.edges', { n: visible.edges.length }),
            children: (
              <div data-testid="edges-table" tabIndex={0} aria-label={m('tab.edges', { n: visible.edges.length })} onKeyDown={(e) => step(edgeOrder())(e)}>
                {exportEdges}
                <Table<GraphEdge>
                  ref={edgesTable}
                  size="small"
                  rowKey="id"
                  columns={edgeColumns}
                  dataSource={visible.edges}
                  pagination={false}
                  virtual
                  scroll={{ x: size.width - 8, y: size.height }}
                  rowClassName={(e) => (chosen.has(pairId(e.source, e.target)) ? 'row-selected' : '')}
                  onRow={(e) => rowProps(pairId(e.source, e.target))}
                  onChange={(_p, _f, _s, extra) => {
                    shownEdges.current = extra.currentDataSource;
                  }}
                />
              </div>
            ),
          },
          { key: 'paths', label: m('tab.paths'), children: pathsTab },
        ]}
      />
    </div>
  );
}
