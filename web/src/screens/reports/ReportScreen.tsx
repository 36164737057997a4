import { ArrowLeftOutlined, DeleteOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Card, Checkbox, Descriptions, Form, Input, Popconfirm, Result, Select, Space, Spin, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api.ts';
import type { ReportRunSummaryFieldsFragment, Role, ScheduleKind } from '../../api/generated.ts';
import { useApiMutation, useApiQuery } from '../../api/hooks.ts';
import { describeError, ErrorNotice } from '../../components/common.tsx';
import { formatDateTime, useI18n, useMessages } from '../../i18n.ts';
import { paths } from '../../paths.ts';
import { useWorkspace } from '../../session/workspace.ts';
import { reportsMessages, type ReportsMessage } from './messages.ts';
import { ExhaustiveTag, ExportMenu, ScheduleText, SharedWithText, TriggerTag, useAnalysisName, type SavedQueryView } from './parts.tsx';
import { paramsSummary } from './reportText.ts';
import './reports.css';

const RUNS_PAGE = 20;
const shareableRoles: Role[] = ['INVESTIGATOR', 'REGULATOR', 'VIEWER'];
const scheduleKinds: ScheduleKind[] = ['DAILY', 'WEEKLY', 'MONTHLY', 'CRON'];

/** The caches a change of one saved query makes stale: the list, the query, its runs. */
function useRefreshReports() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all(['ReportSavedQueries', 'ReportSavedQuery', 'ReportRuns'].map((operation) => queryClient.invalidateQueries({ queryKey: [operation] })));
}

/**
 * One saved query at /reports/:id: its definition, 立即运行, its runs (each opens as it ran, or
 * compared with the one before), and — for its owner — the watch schedule, the sharing and delete.
 */
export function ReportScreen() {
  const { id = '' } = useParams();
  const m = useMessages(reportsMessages);
  const query = useApiQuery('ReportSavedQuery', { id });
  if (query.isPending) {
    return (
      <main className="reports-screen" role="status">
        <Spin description={m('loading')}>
          <div className="spin-space" />
        </Spin>
      </main>
    );
  }
  if (query.error) {
    return (
      <main className="reports-screen">
        {query.error instanceof ApiError && query.error.code === 'NOT_FOUND' ? (
          <Result status="404" title={m('notFound')} extra={<Link to={paths.reports()}>{m('back')}</Link>} data-testid="report-not-found" />
        ) : (
          <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />
        )}
      </main>
    );
  }
  return <ReportView query={query.data.savedQuery} />;
}

function ReportView({ query }: { query: SavedQueryView }) {
  const m = useMessages(reportsMessages);
  const { me } = useWorkspace();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const refresh = useRefreshReports();
  const analysisName = useAnalysisName();
  const isOwner = query.owner.name === me.user.name;
  const mayRun = me.user.role === 'investigator' || me.user.role === 'regulator';

  const runNow = useApiMutation('ReportRunNow', {
    onSuccess: async (data) => {
      await refresh();
      void message.success(m('ran', { n: data.runSavedQuery.number, count: data.runSavedQuery.findingCount }));
    },
  });
  const remove = useApiMutation('ReportDelete', {
    onSuccess: async () => {
      await refresh();
      void message.success(m('deleted'));
      navigate(paths.reports());
    },
  });

  return (
    <main className="reports-screen" data-testid="report" data-report-id={query.id}>
      <Link to={paths.reports()}>
        <ArrowLeftOutlined /> {m('back')}
      </Link>
      <div className="reports-header">
        <div>
          <Typography.Title level={3} data-testid="report-title">
            {query.title}
          </Typography.Title>
          {query.description && <Typography.Paragraph type="secondary">{query.description}</Typography.Paragraph>}
        </div>
        <Space>
          {mayRun && (
            <Button type="primary" icon={<PlayCircleOutlined />} loading={runNow.isPending} onClick={() => runNow.mutate({ id: query.id })} data-testid="report-run-now">
              {runNow.isPending ? m('running') : m('runNow')}
            </Button>
          )}
          {isOwner && (
            <Popconfirm title={m('deleteConfirm')} okText={m('deleteOk')} cancelText={m('cancel')} okButtonProps={{ danger: true }} onConfirm={() => remove.mutate({ id: query.id })}>
              <Button danger icon={<DeleteOutlined />} loading={remove.isPending} data-testid="report-delete">
                {m('delete')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      </div>
      {runNow.error && <ErrorNotice error={runNow.error} />}
      {remove.error && <ErrorNotice error={remove.error} />}
      <div className="reports-grid">
        <Space orientation="vertical" size="middle" className="reports-main">
          <Card size="small" title={m('definition')}>
            <Descriptions
              size="small"
              column={2}
              items={[
                { key: 'analysis', label: m('analysis'), children: <span title={query.analysis}>{analysisName(query.analysis)}</span> },
                { key: 'owner', label: m('owner'), children: <span title={query.owner.name}>{query.owner.displayName}</span> },
                { key: 'params', label: m('params'), span: 2, children: paramsSummary(query.params) || m('noParams') },
                { key: 'created', label: m('createdAt'), children: formatDateTime(query.createdAt) },
                { key: 'updated', label: m('updatedAt'), children: formatDateTime(query.updatedAt) },
                ...(query.caseId ? [{ key: 'case', label: m('caseId'), children: mayRun ? <Link to={paths.caseFile(query.caseId)}>{query.caseId}</Link> : query.caseId }] : []),
              ]}
            />
          </Card>
          <RunsCard query={query} />
        </Space>
        <div className="reports-side">
          <ScheduleCard query={query} isOwner={isOwner} />
          <SharingCard query={query} isOwner={isOwner} />
        </div>
      </div>
    </main>
  );
}

function RunsCard({ query }: { query: SavedQueryView }) {
  const m = useMessages(reportsMessages);
  // Cursors of the pages shown so far: 更多 appends the next page's runs below.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  return (
    <Card size="small" title={m('runs')}>
      {cursors.map((after, i) => (
        <RunsPage key={after ?? 'first'} query={query} after={after} last={i === cursors.length - 1} onMore={(next) => setCursors([...cursors, next])} />
      ))}
    </Card>
  );
}

function RunsPage({ query, after, last, onMore }: { query: SavedQueryView; after: string | null; last: boolean; onMore: (cursor: string) => void }) {
  const m = useMessages(reportsMessages);
  const runs = useApiQuery('ReportRuns', { queryId: query.id, first: RUNS_PAGE, after });
  if (runs.error) return <ErrorNotice error={runs.error} onRetry={() => void runs.refetch()} />;
  const page = runs.data?.reportRuns;
  const columns: TableColumnsType<ReportRunSummaryFieldsFragment> = [
    { title: m('run.number'), key: 'number', width: 70, render: (_, r) => <Link to={paths.reportRun(query.id, r.id)}>#{r.number}</Link> },
    { title: m('run.at'), key: 'at', render: (_, r) => formatDateTime(r.ranAt) },
    { title: m('run.by'), key: 'by', render: (_, r) => r.ranBy },
    { title: m('run.trigger'), key: 'trigger', render: (_, r) => <TriggerTag trigger={r.trigger} /> },
    { title: m('run.count'), key: 'count', align: 'right', render: (_, r) => <span data-testid="run-count">{r.findingCount}</span> },
    { title: m('run.exhaustive'), key: 'exhaustive', render: (_, r) => <ExhaustiveTag exhaustive={r.exhaustive} /> },
    {
      title: '',
      key: 'actions',
      render: (_, r) => (
        <Space size="small">
          <Link to={paths.reportRun(query.id, r.id)} data-testid="run-open">
            {m('run.open')}
          </Link>
          {r.number > 1 && <Link to={paths.reportRun(query.id, r.id)}>{m('run.diff')}</Link>}
          <ExportMenu runId={r.id} />
        </Space>
      ),
    },
  ];
  return (
    <>
      <Table<ReportRunSummaryFieldsFragment>
        rowKey="id"
        size="small"
        loading={runs.isPending}
        columns={columns}
        dataSource={page?.nodes ?? []}
        pagination={false}
        showHeader={after === null}
        onRow={(r) => ({ 'data-testid': 'run-row', 'data-run-id': r.id, 'data-run-number': r.number }) as HTMLAttributes<HTMLElement>}
        locale={{ emptyText: m('noRuns') }}
      />
      {last && page?.pageInfo.hasNextPage && page.pageInfo.endCursor && (
        <Button type="link" onClick={() => onMore(page.pageInfo.endCursor!)}>
          {m('page.next')}
        </Button>
      )}
    </>
  );
}

interface ScheduleForm {
  kind: ScheduleKind;
  cron?: string;
  timezone?: string;
}

/** A mutation's error as the screen says it: EDIT_CONFLICT reloads the query and asks to try again. */
function useConflictAware() {
  const m = useMessages(reportsMessages);
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const refresh = useRefreshReports();
  return (error: Error) => {
    if (error instanceof ApiError && error.code === 'EDIT_CONFLICT') {
      void refresh();
      void message.warning(m('conflict'));
    } else {
      void message.error(describeError(error, t).message);
    }
  };
}

function ScheduleCard({ query, isOwner }: { query: SavedQueryView; isOwner: boolean }) {
  const m = useMessages(reportsMessages);
  const { message } = AntApp.useApp();
  const refresh = useRefreshReports();
  const onError = useConflictAware();
  const [form] = Form.useForm<ScheduleForm>();
  const kind = Form.useWatch('kind', form);
  const save = useApiMutation('ReportSchedule', {
    onSuccess: async (data) => {
      await refresh();
      void message.success(data.scheduleSavedQuery.schedule ? m('schedule.saved') : m('schedule.cleared'));
    },
    onError,
  });
  return (
    <Card size="small" title={m('schedule')} data-testid="report-schedule">
      <p>
        <ScheduleText query={query} />
      </p>
      {isOwner ? (
        <Form<ScheduleForm>
          form={form}
          layout="vertical"
          size="small"
          initialValues={{ kind: query.schedule?.kind ?? 'WEEKLY', cron: query.schedule?.kind === 'CRON' ? query.schedule.cron : '', timezone: query.schedule?.timezone ?? 'Asia/Shanghai' }}
          onFinish={(values) =>
            save.mutate({
              id: query.id,
              version: query.version,
              schedule: { kind: values.kind, cron: values.kind === 'CRON' ? values.cron?.trim() : null, timezone: values.timezone?.trim() || null },
            })
          }
        >
          <Form.Item name="kind" label={m('schedule.kind')}>
            <Select options={scheduleKinds.map((k) => ({ value: k, label: m(`kind.${k}`) }))} data-testid="schedule-kind" />
          </Form.Item>
          {kind === 'CRON' && (
            <Form.Item name="cron" label={m('schedule.cron')} extra={m('schedule.cronHint')} rules={[{ required: true }]}>
              <Input placeholder="0 6 * * 1-5" data-testid="schedule-cron" />
            </Form.Item>
          )}
          <Form.Item name="timezone" label={m('schedule.timezone')}>
            <Input />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="schedule-set">
              {m('schedule.set')}
            </Button>
            {query.schedule && (
              <Button onClick={() => save.mutate({ id: query.id, version: query.version, schedule: null })} data-testid="schedule-clear">
                {m('schedule.clear')}
              </Button>
            )}
          </Space>
        </Form>
      ) : (
        <Typography.Text type="secondary">{m('schedule.ownerOnly')}</Typography.Text>
      )}
    </Card>
  );
}

function SharingCard({ query, isOwner }: { query: SavedQueryView; isOwner: boolean }) {
  const m = useMessages(reportsMessages);
  const { message } = AntApp.useApp();
  const refresh = useRefreshReports();
  const onError = useConflictAware();
  const [newUser, setNewUser] = useState('');
  const share = useApiMutation('ReportShare', {
    onSuccess: async () => {
      setNewUser('');
      await refresh();
      void message.success(m('share.saved'));
    },
    onError,
  });
  const roles = query.sharedWith.roles;
  const users = query.sharedWith.users.map((u) => u.name);
  const send = (next: { roles?: Role[]; users?: string[] }) => share.mutate({ id: query.id, roles: next.roles ?? roles, users: next.users ?? users });

  if (!isOwner) {
    return (
      <Card size="small" title={m('sharing')} data-testid="report-sharing">
        <SharedWithText sharing={query.sharedWith} />
        <p className="reports-muted">{m('share.ownerOnly')}</p>
      </Card>
    );
  }
  return (
    <Card size="small" title={m('sharing')} data-testid="report-sharing">
      <Typography.Text strong>{m('share.roles')}</Typography.Text>
      <div>
        <Checkbox.Group
          value={roles}
          disabled={share.isPending}
          onChange={(value) => send({ roles: value as Role[] })}
          options={shareableRoles.map((role) => ({ value: role, label: m(`role.${role}` as ReportsMessage) }))}
        />
      </div>
      <Typography.Text strong>{m('share.users')}</Typography.Text>
      <div className="reports-tags" data-testid="share-users">
        {query.sharedWith.users.map((user) => (
          <Tag
            key={user.name}
            closable
            title={user.name}
            closeIcon={<span aria-label={m('share.remove')} data-testid={`share-remove-${user.name}`}>×</span>}
            onClose={(event) => {
              event.preventDefault();
              send({ users: users.filter((u) => u !== user.name) });
            }}
            data-testid="share-user"
            data-user={user.name}
          >
            {user.displayName}
          </Tag>
        ))}
      </div>
      <Space.Compact className="reports-share-add">
        <Input
          value={newUser}
          onChange={(e) => setNewUser(e.target.value)}
          onPressEnter={() => newUser.trim() && send({ users: [...users, newUser.trim()] })}
          placeholder={m('share.userPlaceholder')}
          data-testid="share-user-input"
        />
        <Button disabled={!newUser.trim()} loading={share.isPending} onClick={() => send({ users: [...users, newUser.trim()] })} data-testid="share-user-add">
          {m('share.add')}
        </Button>
      </Space.Compact>
    </Card>
  );
}
