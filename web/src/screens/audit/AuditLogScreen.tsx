import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, DatePicker, Descriptions, Drawer, Dropdown, Input, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, type HTMLAttributes } from 'react';
import { useSearchParams } from 'react-router';
import type { AuditExportFormat, AuditFilter, AuditLogQuery } from '../../api/generated.ts';
import { apiQueryOptions, useApiQuery } from '../../api/hooks.ts';
import { describeError, ErrorNotice } from '../../components/common.tsx';
import { saveBlob } from '../../graph/export/download.ts';
import { formatDateTime, useI18n, useMessages } from '../../i18n.ts';
import { withParams } from '../../paths.ts';
import '../admin/admin.css';
import { auditMessages } from './messages.ts';

type Entry = AuditLogQuery['auditLog']['entries'][number];

const PAGE_SIZE = 50;
// The server's categories (audit/types.ts auditActions); the web app may not import them from there.
const actions = ['signIn', 'signOut', 'session', 'query', 'analysis', 'export', 'import', 'retract', 'personLink', 'account', 'vocabulary', 'case', 'backup', 'restore', 'migrate', 'audit', 'denied'] as const;
const outcomes = ['ok', 'denied', 'failed'] as const;
const outcomeColor: Record<string, string> = { ok: 'green', denied: 'orange', failed: 'red' };
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The filter the address holds, as the API takes it: days are the browser's local days, `to` inclusive on screen and exclusive for the API. */
function filterOf(search: URLSearchParams): AuditFilter {
  const text = (name: string) => search.get(name)?.trim() || null;
  const from = text('from');
  const to = text('to');
  return {
    actor: text('actor'),
    action: text('action'),
    operation: text('operation'),
    outcome: text('outcome'),
    from: from && DAY.test(from) ? dayjs(from).startOf('day').toISOString() : null,
    to: to && DAY.test(to) ? dayjs(to).startOf('day').add(1, 'day').toISOString() : null,
  };
}

/**
 * 审计日志 (auditor only): the trail's entries, newest first, filtered by user, category,
 * operation, outcome and time, a page at a time; an entry's details with its 查询事由 and
 * parameters; the filtered entries exported as CSV or JSONL; and whether the chain is intact.
 */
export function AuditLogScreen() {
  const { t } = useI18n();
  const m = useMessages(auditMessages);
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [search, setSearch] = useSearchParams();
  const filter = useMemo(() => filterOf(search), [search]);
  const page = Math.max(1, Number(search.get('page')) || 1);
  const selected = Number(search.get('seq')) || null;

  const log = useApiQuery('AuditLog', { filter, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }, { placeholderData: (previous) => previous });
  const verify = useApiQuery('AuditVerify', {});

  const set = (changes: Record<string, string | null>, keepPage = false) =>
    setSearch((current) => withParams(current, keepPage ? changes : { ...changes, page: null }), { replace: true });

  const exportAs = async (format: AuditExportFormat) => {
    try {
      const text = await queryClient.fetchQuery({ ...apiQueryOptions('AuditExport', { filter, format }), staleTime: 0 });
      const extension = format === 'CSV' ? 'csv' : 'jsonl';
      const file = `audit-${dayjs().format('YYYYMMDD-HHmmss')}.${extension}`;
      saveBlob(new Blob([text.auditExport], { type: format === 'CSV' ? 'text/csv;charset=utf-8' : 'application/x-ndjson' }), file);
      void message.success(m('exported', { file }));
    } catch (error) {
      void message.error(describeError(error, t).message);
    }
  };

  const entries = log.data?.auditLog.entries ?? [];
  const entry = entries.find((e) => e.seq === selected) ?? null;
  const label = (prefix: 'action_' | 'outcome_' | 'via_', value: string) => {
    const key = `${prefix}${value}` as keyof (typeof auditMessages)['zh'];
    return key in auditMessages.zh ? m(key) : value;
  };

  const columns: TableColumnsType<Entry> = [
    { title: m('colSeq'), dataIndex: 'seq', width: 80 },
    { title: m('colAt'), dataIndex: 'at', width: 150, render: (at: string) => <span title={at}>{formatDateTime(at)}</span> },
    {
      title: m('colActor'),
      key: 'actor',
      width: 200,
      render: (_, e) => (
        <Space size={4} wrap>
          <Typography.Text data-testid="audit-actor">{e.actor.name}</Typography.Text>
          {e.actor.role && <Tag>{t(`role.${e.actor.role.toLowerCase() as 'viewer'}`)}</Tag>}
        </Space>
      ),
    },
    { title: m('colAction'), dataIndex: 'action', width: 110, render: (action: string) => label('action_', action) },
    { title: m('colOperation'), dataIndex: 'operation', render: (op: string) => <Typography.Text code data-testid="audit-operation">{op}</Typography.Text> },
    {
      title: m('colOutcome'),
      dataIndex: 'outcome',
      width: 90,
      render: (outcome: string) => (
        <Tag color={outcomeColor[outcome]} data-testid="audit-outcome">
          {label('outcome_', outcome)}
        </Tag>
      ),
    },
    { title: m('colReason'), dataIndex: 'reason', ellipsis: true, render: (reason: string | null) => reason ?? '' },
    { title: m('colCount'), dataIndex: 'resultCount', width: 80, align: 'right' },
    { title: m('colDuration'), dataIndex: 'durationMs', width: 100, align: 'right', render: (ms: number | null) => (ms == null ? '' : m('durationMs', { ms })) },
  ];

  const range: [Dayjs, Dayjs] | null = search.get('from') && search.get('to') ? [dayjs(search.get('from')), dayjs(search.get('to'))] : null;
  const result = verify.data?.auditVerify;

  return (
    <main className="admin-screen" data-testid="audit-log">
      <div className="admin-head">
        <div>
          <Typography.Title level={3}>{m('title')}</Typography.Title>
          <Typography.Paragraph type="secondary">{m('intro')}</Typography.Paragraph>
        </div>
        <Space>
          <Button icon={<SafetyCertificateOutlined />} loading={verify.isFetching} onClick={() => void verify.refetch()} data-testid="audit-verify">
            {verify.isFetching ? m('verifying') : m('verify')}
          </Button>
          <Dropdown
            menu={{
              items: [
                { key: 'CSV', label: <span data-testid="audit-export-csv">{m('exportCsv')}</span> },
                { key: 'JSONL', label: <span data-testid="audit-export-jsonl">{m('exportJsonl')}</span> },
              ],
              onClick: ({ key }) => void exportAs(key as AuditExportFormat),
            }}
          >
            <Button icon={<DownloadOutlined />} data-testid="audit-export">
              {m('export')}
            </Button>
          </Dropdown>
        </Space>
      </div>

      {verify.error && <ErrorNotice error={verify.error} onRetry={() => void verify.refetch()} />}
      {result && (
        <Alert
          data-testid="audit-verification"
          data-ok={String(result.ok)}
          type={result.ok ? 'success' : 'error'}
          showIcon
          title={
            result.ok
              ? m('verifyOk', { entries: result.entries, checkpoints: result.checkpoints, head: result.headSeq ?? '—' })
              : m('verifyBroken', { message: result.firstBroken?.message ?? '' })
          }
          description={result.firstBroken ? m('verifyBrokenAt', { seq: result.firstBroken.seq ?? '—', code: result.firstBroken.code }) : undefined}
        />
      )}

      <Space className="admin-filters" wrap data-testid="audit-filters">
        <Input.Search
          key={`actor-${search.get('actor') ?? ''}`}
          allowClear
          placeholder={m('filterActor')}
          aria-label={m('filterActor')}
          defaultValue={search.get('actor') ?? ''}
          onSearch={(v) => set({ actor: v.trim() })}
          className="admin-search"
          data-testid="audit-filter-actor"
        />
        <Select
          allowClear
          placeholder={m('filterAction')}
          aria-label={m('filterAction')}
          value={search.get('action') || undefined}
          options={actions.map((a) => ({ value: a, label: label('action_', a) }))}
          onChange={(v?: string) => set({ action: v ?? null })}
          className="admin-role-filter"
          data-testid="audit-filter-action"
        />
        <Input.Search
          key={`operation-${search.get('operation') ?? ''}`}
          allowClear
          placeholder={m('filterOperation')}
          aria-label={m('filterOperation')}
          defaultValue={search.get('operation') ?? ''}
          onSearch={(v) => set({ operation: v.trim() })}
          className="admin-search"
          data-testid="audit-filter-operation"
        />
        <Select
          allowClear
          placeholder={m('filterOutcome')}
          aria-label={m('filterOutcome')}
          value={search.get('outcome') || undefined}
          options={outcomes.map((o) => ({ value: o, label: label('outcome_', o) }))}
          onChange={(v?: string) => set({ outcome: v ?? null })}
          className="admin-role-filter"
          data-testid="audit-filter-outcome"
        />
        <DatePicker.RangePicker
          aria-label={m('filterTime')}
          value={range}
          format="YYYY-MM-DD"
          onChange={(days) => set({ from: days?.[0]?.format('YYYY-MM-DD') ?? null, to: days?.[1]?.format('YYYY-MM-DD') ?? null })}
          data-testid="audit-filter-time"
        />
        <Button
          onClick={() => setSearch(new URLSearchParams(), { replace: true })}
          disabled={!['actor', 'action', 'operation', 'outcome', 'from', 'to'].some((p) => search.get(p))}
          data-testid="audit-filter-reset"
        >
          {m('filterReset')}
        </Button>
      </Space>

      {log.error && <ErrorNotice error={log.error} onRetry={() => void log.refetch()} />}
      <Table<Entry>
        rowKey="seq"
        size="small"
        loading={log.isFetching}
        dataSource={entries}
        columns={columns}
        data-testid="audit-table"
        data-total={log.data?.auditLog.total ?? ''}
        onRow={(e) =>
          ({
            'data-testid': 'audit-row',
            'data-seq': e.seq,
            'data-operation': e.operation,
            'data-actor': e.actor.name,
            'data-action': e.action,
            className: 'audit-row',
            onClick: () => set({ seq: String(e.seq) }, true),
          }) as HTMLAttributes<HTMLElement>
        }
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: log.data?.auditLog.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => m('total', { total }),
          onChange: (next) => set({ page: next > 1 ? String(next) : null }, true),
        }}
      />

      <Drawer open={entry != null} width={560} title={entry ? m('details', { seq: entry.seq }) : ''} onClose={() => set({ seq: null }, true)} destroyOnHidden>
        {entry && (
          <Descriptions column={1} bordered size="small" data-testid="audit-entry" data-seq={entry.seq}>
            <Descriptions.Item label={m('colAt')}>
              <span title={entry.at}>{formatDateTime(entry.at)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={m('colActor')}>{entry.actor.name}</Descriptions.Item>
            <Descriptions.Item label={m('detailRole')}>{entry.actor.role ? t(`role.${entry.actor.role.toLowerCase() as 'viewer'}`) : m('none')}</Descriptions.Item>
            <Descriptions.Item label={m('detailVia')}>{label('via_', entry.actor.via)}</Descriptions.Item>
            <Descriptions.Item label={m('detailAddress')}>{entry.address ?? m('none')}</Descriptions.Item>
            <Descriptions.Item label={m('colAction')}>{label('action_', entry.action)}</Descriptions.Item>
            <Descriptions.Item label={m('colOperation')}>
              <Typography.Text code>{entry.operation}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={m('colOutcome')}>
              <Tag color={outcomeColor[entry.outcome]}>{label('outcome_', entry.outcome)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={m('colReason')}>
              <span data-testid="audit-entry-reason">{entry.reason ?? m('none')}</span>
            </Descriptions.Item>
            <Descriptions.Item label={m('colCount')}>{entry.resultCount ?? m('none')}</Descriptions.Item>
            <Descriptions.Item label={m('colDuration')}>{entry.durationMs == null ? m('none') : m('durationMs', { ms: entry.durationMs })}</Descriptions.Item>
            <Descriptions.Item label={m('detailDetail')}>{entry.detail ?? m('none')}</Descriptions.Item>
            <Descriptions.Item label={m('detailParams')}>
              {entry.params == null ? m('none') : <pre className="audit-params" data-testid="audit-entry-params">{JSON.stringify(entry.params, null, 2)}</pre>}
            </Descriptions.Item>
            <Descriptions.Item label={m('detailHmac')}>
              <Typography.Text className="audit-hmac" copyable>
                {entry.hmac}
              </Typography.Text>
            </Descriptions.Item>
          </Descriptions>
        )}
      </Drawer>
    </main>
  );
}
