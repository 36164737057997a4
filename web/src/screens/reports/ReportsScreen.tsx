import { Button, Checkbox, Input, Segmented, Select, Space, Table, Typography, type TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useApiQuery } from '../../api/hooks.ts';
import { ErrorNotice } from '../../components/common.tsx';
import { formatDateTime, useMessages } from '../../i18n.ts';
import { paths, withParams } from '../../paths.ts';
import { useWorkspace } from '../../session/workspace.ts';
import { analysisNames, reportsMessages } from './messages.ts';
import { ScheduleText, SharedWithText, useAnalysisName, type SavedQueryView } from './parts.tsx';
import { paramsSummary } from './reportText.ts';
import './reports.css';

const PAGE_SIZE = 50;
type Whose = 'all' | 'mine' | 'shared';

/**
 * 报告与监测 at /reports: the saved queries the user owns or has been shared, newest first, a page
 * at a time (the API's cursors; the cursors of the pages before are kept in `pages` so that 上一页
 * and a reload find the same page). Filters (title text, whose, analysis, watched) are in the address
 * too; the API applies them before paging, and a changed filter starts again at the first page. A
 * viewer's home: the reports shared with them.
 */
export function ReportsScreen() {
  const m = useMessages(reportsMessages);
  const { me } = useWorkspace();
  const analysisName = useAnalysisName();
  const [params, setParams] = useSearchParams();
  const trail = (params.get('pages') ?? '').split(',').filter(Boolean);
  const after = trail.at(-1) ?? null;
  const text = params.get('q') ?? '';
  const whose = (['mine', 'shared'].includes(params.get('whose') ?? '') ? params.get('whose') : 'all') as Whose;
  const analysis = params.get('analysis') ?? '';
  const watched = params.get('watched') === '1';
  const viewer = me.user.role === 'viewer';

  const filter = {
    text: text.trim() || null,
    analysis: analysis || null,
    whose: whose === 'all' ? null : whose === 'mine' ? ('MINE' as const) : ('SHARED' as const),
    watched: watched || null,
  };
  const query = useApiQuery('ReportSavedQueries', { first: PAGE_SIZE, after, filter });
  const page = query.data?.savedQueries;
  const rows = page?.nodes ?? [];

  // A changed filter starts again at the first page: the cursors kept are of the list before.
  const setParam = (name: string, value: string | null) =>
    setParams((current) => withParams(current, name === 'pages' ? { pages: value } : { [name]: value, pages: null }), { replace: true });
  const goToPages = (pages: string[]) => setParam('pages', pages.length > 0 ? pages.join(',') : null);

  const columns: TableColumnsType<SavedQueryView> = [
    {
      title: m('col.title'),
      key: 'title',
      render: (_, q) => (
        <div className="reports-title-cell">
          <Link to={paths.report(q.id)} data-testid="report-link">
            {q.title}
          </Link>
          {q.description && <div className="reports-muted reports-description">{q.description}</div>}
        </div>
      ),
    },
    { title: m('col.owner'), key: 'owner', width: 150, render: (_, q) => <span title={q.owner.name}>{q.owner.displayName}</span> },
    { title: m('col.analysis'), key: 'analysis', width: 180, render: (_, q) => <span title={q.analysis}>{analysisName(q.analysis)}</span> },
    {
      title: m('col.params'),
      key: 'params',
      render: (_, q) => <span className="reports-params">{paramsSummary(q.params) || <span className="reports-muted">{m('noParams')}</span>}</span>,
    },
    { title: m('col.schedule'), key: 'schedule', width: 200, render: (_, q) => <ScheduleText query={q} /> },
    {
      title: m('col.lastRun'),
      key: 'lastRun',
      width: 220,
      render: (_, q) =>
        q.lastRun ? (
          <Link to={paths.reportRun(q.id, q.lastRun.id)}>{m('lastRun', { date: formatDateTime(q.lastRun.ranAt), n: q.lastRun.number, count: q.lastRun.findingCount })}</Link>
        ) : (
          <span className="reports-muted">{m('noRun')}</span>
        ),
    },
    { title: m('col.sharedWith'), key: 'sharedWith', width: 200, render: (_, q) => <SharedWithText sharing={q.sharedWith} /> },
  ];

  return (
    <main className="reports-screen" data-testid="reports">
      <Typography.Title level={3}>{m('title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{viewer ? m('viewerIntro') : m('intro')}</Typography.Paragraph>
      <Space wrap className="reports-filters">
        <Input.Search
          allowClear
          defaultValue={text}
          placeholder={m('filter.text')}
          onSearch={(value) => setParam('q', value.trim() || null)}
          className="reports-filter-text"
          data-testid="reports-filter-text"
        />
        {!viewer && (
          <Segmented<Whose>
            value={whose}
            onChange={(value) => setParam('whose', value === 'all' ? null : value)}
            options={(['all', 'mine', 'shared'] as const).map((value) => ({ value, label: m(`filter.whose.${value}`) }))}
          />
        )}
        <Select
          allowClear
          value={analysis || undefined}
          placeholder={m('filter.analysis')}
          onChange={(value?: string) => setParam('analysis', value ?? null)}
          options={Object.keys(analysisNames.zh).map((name) => ({ value: name, label: analysisName(name) }))}
          className="reports-filter-analysis"
        />
        <Checkbox checked={watched} onChange={(e) => setParam('watched', e.target.checked ? '1' : null)}>
          {m('filter.watched')}
        </Checkbox>
        {(page?.pageInfo.hasNextPage || trail.length > 0) && <span className="reports-muted">{m('filter.note')}</span>}
      </Space>
      {query.error ? (
        <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table<SavedQueryView>
          rowKey="id"
          size="middle"
          loading={query.isPending}
          columns={columns}
          dataSource={rows}
          pagination={false}
          onRow={(q) => ({ 'data-testid': 'report-row', 'data-report-id': q.id }) as HTMLAttributes<HTMLElement>}
          locale={{ emptyText: page && page.nodes.length > 0 ? m('emptyFiltered') : viewer ? m('emptyViewer') : m('empty') }}
        />
      )}
      {(trail.length > 0 || page?.pageInfo.hasNextPage) && (
        <Space className="reports-pager">
          <Button disabled={trail.length === 0} onClick={() => goToPages([])}>
            {m('page.first')}
          </Button>
          <Button disabled={trail.length === 0} onClick={() => goToPages(trail.slice(0, -1))}>
            {m('page.prev')}
          </Button>
          <Button disabled={!page?.pageInfo.hasNextPage || !page.pageInfo.endCursor} onClick={() => goToPages([...trail, page!.pageInfo.endCursor!])} data-testid="reports-next">
            {m('page.next')}
          </Button>
        </Space>
      )}
    </main>
  );
}
