// One run of an analysis: its limits said plainly, the findings as a sortable, filterable table
// (exported as CSV or XLSX), the evidence of all of them as a network, and one finding's evidence
// open beside it and highlighted on the network. The run can be saved as a report.

import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Dropdown, Form, Input, Modal, Space, Spin, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { RunAnalysisQuery } from '../../api/generated.ts';
import { useApiMutation, useApiQuery } from '../../api/hooks.ts';
import { describeError, ErrorNotice } from '../../components/common.tsx';
import { formatMoneyWan, formatPercent } from '../../format.ts';
import { vocabulary } from '../../graph/explorer/vocabulary.ts';
import { downloadTable, type TableColumn } from '../../graph/export/tableExport.ts';
import type { Core } from '../../graph/cytoscape.ts';
import type { Position } from '../../graph/graphState.ts';
import { FIT_PADDING } from '../../graph/style.ts';
import { NetworkCanvas, type CanvasCommand, type CanvasMenuLabels } from '../../graph/NetworkCanvas.tsx';
import { formatDateTime, useI18n, useMessages, type Lang } from '../../i18n.ts';
import { useFactLabel } from '../../findings/factLabels.ts';
import { paths, withParams } from '../../paths.ts';
import type { AnalysisInfo } from './AnalysesScreen.tsx';
import { EvidencePanel, useLimitText } from './EvidencePanel.tsx';
import { evidenceNetwork } from './evidence.ts';
import { analysesMessages, type AnalysesMessageKey } from './messages.ts';

type Envelope = RunAnalysisQuery['runAnalysis'];
export type Finding = Envelope['findings'][number];
type FactValue = string | number | boolean | null | string[];

export interface Row {
  /** The finding's key on the page (its subject's, numbered when two findings share one). */
  key: string;
  index: number;
  finding: Finding;
  facts: Record<string, FactValue>;
}

/** More findings than this are listed but not drawn: a network of thousands of chains is unreadable. */
const NETWORK_MAX = 100;

function readFacts(value: unknown): Record<string, FactValue> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, FactValue>) : {};
}

export function factText(name: string, value: FactValue, lang: Lang, yesNo: (v: boolean) => string): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join('；');
  if (typeof value === 'boolean') return yesNo(value);
  if (typeof value === 'number') {
    if (/Wan$/.test(name)) return formatMoneyWan(value, 'CNY', lang);
    if (/[Rr]atio$/.test(name)) return formatPercent(value);
    return String(value);
  }
  return value;
}

export function AnalysisResults({ analysis, params, title }: { analysis: AnalysisInfo; params: Record<string, string>; title: string }) {
  const m = useMessages(analysesMessages);
  const factLabel = useFactLabel();
  const { lang } = useI18n();
  const limitText = useLimitText();
  const result = useApiQuery('RunAnalysis', { name: analysis.name, params });
  const [search, setSearch] = useSearchParams();
  const navigate = useNavigate();
  const typeName = useMessages(vocabulary);
  const filter = search.get('filter') ?? '';
  const openKey = search.get('finding');
  const evidenceRef = useRef<HTMLDivElement>(null);

  const envelope = result.data?.runAnalysis;
  const rows: Row[] = useMemo(() => {
    const seen = new Map<string, number>();
    return (envelope?.findings ?? []).map((finding, index) => {
      const count = seen.get(finding.subject.key) ?? 0;
      seen.set(finding.subject.key, count + 1);
      return { key: count ? `${finding.subject.key}#${count + 1}` : finding.subject.key, index, finding, facts: readFacts(finding.facts) };
    });
  }, [envelope]);

  const yesNo = (v: boolean) => m(v ? 'bool.true' : 'bool.false');
  const filtered = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    if (!needle) return rows;
    return rows.filter((row) => {
      const texts = [row.finding.subject.name, row.finding.subject.key, ...Object.entries(row.facts).map(([k, v]) => factText(k, v, lang, () => ''))];
      return texts.some((t) => t.toLowerCase().includes(needle));
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- yesNo is not part of what matches
  }, [rows, filter, lang]);

  const openRow = rows.find((r) => r.key === openKey) ?? null;
  const drawn = rows.slice(0, NETWORK_MAX);
  // The explorer's names for the relationships it draws; the screen's own for those only evidence shows.
  const typeLabel = (type: string) =>
    `type.${type}` in vocabulary.zh
      ? typeName(`type.${type}` as keyof (typeof vocabulary)['zh'])
      : `type.${type}` in analysesMessages.zh
        ? m(`type.${type}` as AnalysesMessageKey)
        : type;
  const network = useMemo(
    () => evidenceNetwork(drawn.map((r) => r.finding), openRow && openRow.index < NETWORK_MAX ? openRow.index : null, typeLabel),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- typeLabel follows lang
    [rows, openRow, lang],
  );
  const [hidden, setHidden] = useState<string[]>([]);
  // Where the reader put nodes (dragged or pinned): they stay there while the drawing changes.
  const [pinned, setPinned] = useState<Record<string, Position>>({});
  const [cy, setCy] = useState<Core | null>(null);
  const pinAt = (ids: string[]) => {
    if (!cy) return;
    setPinned((p) => ({ ...p, ...Object.fromEntries(ids.map((id) => [id, { ...cy.getElementById(id).position() }])) }));
  };
  const [selected, setSelected] = useState<string[]>([]);
  const shown = useMemo(() => {
    const gone = new Set(hidden);
    const pins = new Set(Object.keys(pinned));
    return { ...network, nodes: network.nodes.filter((n) => !gone.has(n.id)).map((n) => (pins.has(n.id) ? { ...n, pinned: true } : n)) };
  }, [network, hidden, pinned]);

  useEffect(() => {
    if (openRow) evidenceRef.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [openRow]);

  // The open finding's evidence is brought into view on the network, at a size its labels can be read
  // at; after a layout (the first drawing) too, which fits the whole drawing.
  const openIndex = openRow?.index ?? null;
  useEffect(() => {
    if (!cy || openIndex == null) return;
    const fitMarked = () => {
      const marked = cy.elements('[?path]');
      if (marked.nonempty()) cy.animate({ fit: { eles: marked, padding: FIT_PADDING } }, { duration: 250 });
    };
    const timer = setTimeout(fitMarked, 0);
    let later: ReturnType<typeof setTimeout> | undefined;
    const afterLayout = () => {
      later = setTimeout(fitMarked, 50);
    };
    cy.on('layoutstop', afterLayout);
    return () => {
      clearTimeout(timer);
      clearTimeout(later);
      cy.off('layoutstop', afterLayout);
    };
  }, [cy, openIndex]);

  const setParam = (name: string, value: string | null) => setSearch((current) => withParams(current, { [name]: value }), { replace: name === 'filter' });

  if (result.isPending) {
    return (
      <div className="analyses-running" role="status">
        <Spin /> {m('running')}
      </div>
    );
  }
  if (result.error || !envelope) return <ErrorNotice error={result.error} onRetry={() => void result.refetch()} />;

  const factNames = [...new Set(rows.flatMap((r) => Object.keys(r.facts)))];
  const scores = rows.map((r) => r.finding.score).filter((s): s is number => s != null);
  const scoreIsRatio = scores.length > 0 && scores.every((s) => s >= 0 && s <= 1) && scores.some((s) => !Number.isInteger(s));
  const scoreText = (score: number | null) => (score == null ? '' : scoreIsRatio ? formatPercent(score) : String(score));

  const columns: TableColumnsType<Row> = [
    {
      title: m('col.subject'),
      key: 'subject',
      fixed: 'left',
      width: 220,
      sorter: (a, b) => a.finding.subject.name.localeCompare(b.finding.subject.name, 'zh'),
      render: (_, row) =>
        row.finding.subject.kind === 'COMPANY' || row.finding.subject.kind === 'PERSON' ? (
          <Link to={paths.entity(row.finding.subject.key)} title={row.finding.subject.key} onClick={(e) => e.stopPropagation()}>
            {row.finding.subject.name}
          </Link>
        ) : (
          <span title={row.finding.subject.key}>{row.finding.subject.name}</span>
        ),
    },
    {
      title: m('col.kind'),
      key: 'kind',
      width: 90,
      filters: [...new Set(rows.map((r) => r.finding.subject.kind))].map((k) => ({ text: kindName(k, typeName), value: k })),
      onFilter: (value, row) => row.finding.subject.kind === value,
      render: (_, row) => kindName(row.finding.subject.kind, typeName),
    },
    {
      title: m('col.score'),
      key: 'score',
      width: 90,
      align: 'right',
      sorter: (a, b) => (a.finding.score ?? -Infinity) - (b.finding.score ?? -Infinity),
      render: (_, row) => (
        <Space size={4}>
          {scoreText(row.finding.score)}
          {!row.finding.exhaustive && (
            <Tooltip title={row.finding.limitsHit.map(limitText).join('；')}>
              <Tag color="warning">{m('incompleteTag')}</Tag>
            </Tooltip>
          )}
        </Space>
      ),
    },
    ...factNames.map((name) => {
      const values = rows.map((r) => r.facts[name]);
      const numeric = values.every((v) => v == null || typeof v === 'number');
      const distinct = [...new Set(values.flatMap((v) => (Array.isArray(v) ? v : v == null || typeof v === 'number' ? [] : [String(v)])))];
      const column: TableColumnsType<Row>[number] = {
        title: factLabel(name),
        key: `fact.${name}`,
        align: numeric ? 'right' : 'left',
        sorter: numeric
          ? (a, b) => ((a.facts[name] as number | null) ?? -Infinity) - ((b.facts[name] as number | null) ?? -Infinity)
          : (a, b) => factText(name, a.facts[name] ?? null, lang, yesNo).localeCompare(factText(name, b.facts[name] ?? null, lang, yesNo), 'zh'),
        render: (_, row) => {
          const text = factText(name, row.facts[name] ?? null, lang, yesNo);
          return <span className="analyses-fact" title={text}>{text}</span>;
        },
      };
      // Few distinct values (list types, ways, statuses): a column filter picks among them.
      if (!numeric && distinct.length > 1 && distinct.length <= 15) {
        column.filters = distinct.map((v) => ({ text: v, value: v }));
        column.onFilter = (value, row) => {
          const v = row.facts[name];
          return Array.isArray(v) ? v.includes(String(value)) : String(v) === value;
        };
      }
      return column;
    }),
    {
      title: m('col.evidence'),
      key: 'evidence',
      fixed: 'right',
      width: 110,
      render: (_, row) => (
        <Button
          size="small"
          type={row.key === openKey ? 'primary' : 'default'}
          data-testid="finding-open"
          onClick={(e) => {
            e.stopPropagation();
            setParam('finding', row.key);
          }}
        >
          {m('evidenceButton')}
        </Button>
      ),
    },
  ];

  const exportColumns: TableColumn<Row>[] = [
    { title: m('col.subject'), value: (r) => r.finding.subject.name },
    { title: m('col.kind'), value: (r) => kindName(r.finding.subject.kind, typeName) },
    { title: m('col.key'), value: (r) => r.finding.subject.key },
    { title: m('col.score'), value: (r) => r.finding.score },
    ...factNames.map(
      (name): TableColumn<Row> => ({
        title: factLabel(name),
        value: (r) => {
          const v = r.facts[name];
          return typeof v === 'number' ? v : factText(name, v ?? null, lang, yesNo);
        },
      }),
    ),
    { title: m('incompleteTag'), value: (r) => (r.finding.exhaustive ? '' : r.finding.limitsHit.join(', ')) },
  ];

  const menu: CanvasMenuLabels = {
    expand: m('menu.expand'),
    more: m('menu.more'),
    collapse: m('menu.collapse'),
    hide: m('menu.hide'),
    pin: m('menu.pin'),
    unpin: m('menu.unpin'),
    selectNeighbours: m('menu.selectNeighbours'),
    fit: m('menu.fit'),
    showHidden: m('menu.showHidden'),
    // No groups are drawn here: the explorer's group commands never show.
    collapseGroup: '',
    expandGroup: '',
    ungroup: '',
  };
  const command = (name: CanvasCommand, id: string) => {
    if (name === 'expand' || name === 'more') navigate(paths.explore([id]));
    else if (name === 'hide') setHidden((h) => [...h, id]);
    else if (name === 'pin') pinAt([id]);
    else if (name === 'unpin')
      setPinned((p) => {
        const next = { ...p };
        delete next[id];
        return next;
      });
    else if (name === 'select-neighbours') {
      const near = shown.edges.flatMap((e) => (e.source === id ? [e.target] : e.target === id ? [e.source] : []));
      setSelected([id, ...near]);
    }
  };
  const onSelect = (ids: string[]) => {
    setSelected(ids);
    // Clicking a finding's subject on the network opens its evidence.
    const row = ids.length === 1 ? rows.find((r) => r.finding.subject.key === ids[0]) : undefined;
    if (row && row.key !== openKey) setParam('finding', row.key);
  };

  const ruleParams = envelope.params as Record<string, unknown> | null;
  const rule =
    ruleParams && typeof ruleParams.rules === 'string'
      ? m('ruleText', {
          rules: `rules.${ruleParams.rules}` in analysesMessages.zh ? m(`rules.${ruleParams.rules}` as AnalysesMessageKey) : ruleParams.rules,
          threshold: typeof ruleParams.threshold === 'number' ? formatPercent(ruleParams.threshold) : '',
        })
      : null;

  return (
    <section className="analyses-results" data-testid="analysis-envelope" data-exhaustive={String(envelope.exhaustive)}>
      {!envelope.exhaustive && (
        <Alert
          type="warning"
          showIcon
          data-testid="analysis-incomplete"
          title={m('incompleteTitle')}
          description={m('incompleteText', { limits: envelope.limitsHit.map(limitText).join('；') })}
        />
      )}
      <ListTypesNote value={envelope.listTypes} />
      <div className="analyses-toolbar">
        <Typography.Text data-testid="analysis-count">
          {m('findings', { n: rows.length })}
          {filtered.length !== rows.length && ` · ${m('shown', { n: filtered.length })}`}
        </Typography.Text>
        <Typography.Text type="secondary">{m('ranAt', { time: formatDateTime(envelope.ranAt) })}</Typography.Text>
        <Input.Search
          allowClear
          className="analyses-filter"
          placeholder={m('filterPlaceholder')}
          aria-label={m('filter')}
          defaultValue={filter}
          onSearch={(value) => setParam('filter', value.trim() || null)}
          onChange={(e) => setParam('filter', e.target.value || null)}
          data-testid="analysis-filter"
        />
        <Dropdown
          menu={{
            items: [
              { key: 'csv', label: 'CSV', 'data-testid': 'analysis-export-csv' } as { key: string; label: string },
              { key: 'xlsx', label: 'XLSX', 'data-testid': 'analysis-export-xlsx' } as { key: string; label: string },
            ],
            onClick: ({ key }) => void downloadTable(filtered, exportColumns, `${title}-${envelope.ranAt.slice(0, 10)}`, key as 'csv' | 'xlsx'),
          }}
        >
          <Button data-testid="analysis-export">{m('exportTable')}</Button>
        </Dropdown>
        <SaveAsReport analysis={analysis.name} params={params} title={title} />
      </div>
      <Table<Row>
        data-testid="analysis-results"
        size="small"
        rowKey="key"
        columns={columns}
        dataSource={filtered}
        scroll={{ x: 'max-content' }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true, hideOnSinglePage: true }}
        locale={{ emptyText: envelope.exhaustive ? m('none') : m('noneIncomplete') }}
        rowClassName={(row) => (row.key === openKey ? 'analyses-row-open' : '')}
        onRow={(row) => ({ 'data-testid': 'finding-row', 'data-finding-key': row.key, onClick: () => setParam('finding', row.key) }) as React.HTMLAttributes<HTMLElement>}
      />
      <div className="analyses-graph" ref={evidenceRef}>
        <div className="analyses-network-pane">
          <Typography.Text type="secondary" className="analyses-network-title">
            {m('networkTitle')}
            {rows.length > NETWORK_MAX && ` ${m('networkCapped', { n: NETWORK_MAX })}`}
          </Typography.Text>
          <div className="analyses-network">
            {shown.nodes.length === 0 ? (
              <Typography.Text type="secondary">{m('networkEmpty')}</Typography.Text>
            ) : (
              <NetworkCanvas
                data={shown}
                layout="fcose"
                layoutRun={0}
                fitRun={0}
                selected={selected}
                menu={menu}
                onSelect={onSelect}
                onDoubleClick={(id) => {
                  const node = shown.nodes.find((n) => n.id === id);
                  if (node && (node.kind === 'COMPANY' || node.kind === 'PERSON')) navigate(paths.entity(id));
                }}
                onCommand={command}
                onShowHidden={() => setHidden([])}
                onDragged={pinAt}
                positions={pinned}
                label={m('networkTitle')}
                onCore={setCy}
              />
            )}
          </div>
        </div>
        {openRow && (
          <EvidencePanel
            row={openRow}
            rule={rule}
            scoreText={scoreText(openRow.finding.score)}
            factLabel={factLabel}
            factText={(name, value) => factText(name, value, lang, yesNo)}
            typeLabel={typeLabel}
            onClose={() => setParam('finding', null)}
          />
        )}
      </div>
    </section>
  );
}

function kindName(kind: string, typeName: (key: keyof (typeof vocabulary)['zh']) => string): string {
  const key = `kind.${kind}`;
  return key in vocabulary.zh ? typeName(key as keyof (typeof vocabulary)['zh']) : kind;
}

interface ListTypeCount {
  listType: string;
  code: string | null;
  meaning?: string;
  entries: number;
}

/** Screens that count by list type say what they counted and what in the data they did not. */
function ListTypesNote({ value }: { value: unknown }) {
  const m = useMessages(analysesMessages);
  if (!value || typeof value !== 'object') return null;
  const note = value as { vocabularyVersion?: number; counted?: ListTypeCount[]; notCounted?: ListTypeCount[] };
  const counted = note.counted ?? [];
  const notCounted = note.notCounted ?? [];
  const meaning = (t: ListTypeCount) => {
    const key = `listMeaning.${t.meaning ?? ''}` as AnalysesMessageKey;
    return key in analysesMessages.zh ? m(key) : (t.meaning ?? '');
  };
  return (
    <Descriptions size="small" column={1} className="analyses-listtypes" data-testid="analysis-list-types">
      <Descriptions.Item label={m('listTypesCounted', { version: note.vocabularyVersion ?? '' })}>
        <Space size={[4, 4]} wrap>
          {counted.map((t) => (
            <Tag key={t.listType} color="red" title={t.code ?? ''}>
              {t.listType} · {m('entries', { n: t.entries })}
            </Tag>
          ))}
        </Space>
      </Descriptions.Item>
      {notCounted.length > 0 && (
        <Descriptions.Item label={m('listTypesNotCounted')}>
          <Space size={[4, 4]} wrap>
            {notCounted.map((t) => (
              <Tag key={t.listType} title={t.code ?? ''}>
                {t.listType}（{meaning(t)}）· {m('entries', { n: t.entries })}
              </Tag>
            ))}
          </Space>
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

/** "Save as report": the analysis and its parameters as a saved query, then a link to it. */
function SaveAsReport({ analysis, params, title }: { analysis: string; params: Record<string, string>; title: string }) {
  const m = useMessages(analysesMessages);
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ title: string; description?: string }>();
  const save = useApiMutation('SaveAnalysisAsReport', {
    onSuccess: () => {
      setOpen(false);
      // The reports screens' lists now miss this one; the analysis's own queries are unchanged.
      void queryClient.invalidateQueries({ predicate: (q) => !['AnalysisCatalogue', 'AnalysisVocabularies', 'RunAnalysis'].includes(String(q.queryKey[0])) });
    },
  });
  const saved = save.data?.saveQuery;
  return (
    <>
      <Button
        data-testid="save-as-report"
        onClick={() => {
          form.setFieldsValue({ title: `${title} ${new Date().toISOString().slice(0, 10)}`, description: '' });
          save.reset();
          setOpen(true);
        }}
      >
        {m('save')}
      </Button>
      {saved && (
        <span className="analyses-saved" data-testid="saved-report">
          {m('saved')}
          <Link to={paths.report(saved.id)} data-testid="saved-report-link" data-report-id={saved.id}>
            {saved.title}
          </Link>
        </span>
      )}
      <Modal
        open={open}
        title={m('saveTitle')}
        okText={m('saveOk')}
        cancelText={m('saveCancel')}
        confirmLoading={save.isPending}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okButtonProps={{ 'data-testid': 'save-as-report-ok' } as React.ComponentProps<typeof Button>}
        destroyOnHidden
        forceRender
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={(values) => save.mutate({ input: { title: values.title.trim(), description: values.description?.trim() || null, analysis, params } })}
        >
          <Form.Item name="title" label={m('saveName')} rules={[{ required: true, whitespace: true, message: m('required', { name: m('saveName') }) }]}>
            <Input maxLength={200} data-testid="save-as-report-title" />
          </Form.Item>
          <Form.Item name="description" label={m('saveDescription')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          {save.error && <Alert type="error" showIcon title={m('saveFailed', { message: describeError(save.error, t).message })} />}
        </Form>
      </Modal>
    </>
  );
}
