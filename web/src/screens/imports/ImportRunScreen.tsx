import { ArrowLeftOutlined, DownloadOutlined, RedoOutlined, RollbackOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, type ButtonProps, Card, Descriptions, Input, Modal, Progress, Result, Space, Spin, Statistic, Table, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import type { ImportRunQuery } from '../../api/generated.ts';
import { useApiMutation, useApiQuery } from '../../api/hooks.ts';
import { ErrorNotice } from '../../components/common.tsx';
import { formatDateTime, useI18n, useMessages } from '../../i18n.ts';
import { paths } from '../../paths.ts';
import { importsMessages, type ImportsMessage } from './messages.ts';
import { formatBytes, runState } from './importText.ts';
import { BilingualText, kindLabel, RunStateTag } from './parts.tsx';
import './imports.css';

type Run = NonNullable<ImportRunQuery['importRun']>;
type Summary = NonNullable<Run['summary']>;

/** How often a run this server is importing is asked for its progress. */
const POLL_MS = 1000;
/** Search parameter: the cursor of the rejects page shown (none: the first). */
const REJECTS_PARAM = 'rejects';

const SEVERITY_COLOURS: Record<string, string> = { reject: 'red', flag: 'orange', inference: 'blue' };

/**
 * One import run at /imports/:runId: its progress, polled while this server imports it; once
 * finished, the rows read, written and rejected per file, the warnings with their codes, the
 * rejected rows themselves (a page at a time, the page in the URL) and the rejects file; resume
 * an interrupted run, retract one (with its reason, recorded by the server).
 */
export function ImportRunScreen() {
  const { runId = '' } = useParams();
  const m = useMessages(importsMessages);
  const { lang } = useI18n();
  const [search, setSearch] = useSearchParams();
  const rejectsAfter = search.get(REJECTS_PARAM);
  const queryClient = useQueryClient();
  const query = useApiQuery('ImportRun', { id: runId, rejectsAfter }, { refetchInterval: (q) => (q.state.data?.importRun?.status === 'RUNNING' && q.state.data.importRun.activeHere ? POLL_MS : false) });
  const run = query.data?.importRun ?? null;
  const state = run ? runState(run.status, run.activeHere) : null;

  // A run that has just finished or been retracted changed the data every other screen shows.
  const lastState = useRef(state);
  useEffect(() => {
    if (lastState.current && state && lastState.current !== state) void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'ImportRun' });
    lastState.current = state;
  }, [state, queryClient]);

  const resume = useApiMutation('ResumeImport', { onSuccess: () => void query.refetch() });

  if (query.isPending) {
    return (
      <main className="imports-screen" role="status">
        <Spin description={m('runLoading')}>
          <div className="imports-spin-space" />
        </Spin>
      </main>
    );
  }
  if (query.isError) {
    return (
      <main className="imports-screen">
        <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />
      </main>
    );
  }
  if (!run || !state) {
    return (
      <main className="imports-screen">
        <Result status="404" title={m('runNotFound', { id: runId })} extra={<Link to={paths.imports()}>{m('back')}</Link>} />
      </main>
    );
  }

  return (
    <main className="imports-screen" data-testid="import-run" data-status={run.status.toLowerCase()} data-state={state} data-run-id={run.id}>
      <Link to={paths.imports()} className="imports-back">
        <ArrowLeftOutlined /> {m('back')}
      </Link>
      <Space align="center" wrap className="imports-run-title">
        <Typography.Title level={3}>{m('runTitle', { id: run.id })}</Typography.Title>
        <RunStateTag status={run.status} activeHere={run.activeHere} m={m} />
      </Space>
      <Typography.Paragraph type="secondary">
        {run.fileNames.join('、')}
        {' · '}
        {m('startedBy', { user: run.user ?? '—', time: run.startedAt ? formatDateTime(run.startedAt) : '—' })}
        {run.finishedAt && `，${m('finishedAt', { time: formatDateTime(run.finishedAt) })}`}
      </Typography.Paragraph>

      {state === 'running' && <RunProgress run={run} />}
      {(state === 'interrupted' || state === 'failed') && (
        <Alert
          type={state === 'failed' ? 'error' : 'warning'}
          showIcon
          data-testid="import-interrupted"
          title={state === 'failed' ? m('failed') : m('interrupted')}
          description={run.error ? <BilingualText message={run.error} lang={lang} /> : undefined}
          action={
            <Button icon={<RedoOutlined />} loading={resume.isPending} onClick={() => resume.mutate({ runId: run.id })} data-testid="import-resume">
              {m('resume')}
            </Button>
          }
        />
      )}
      {resume.isError && <ErrorNotice error={resume.error} />}
      {run.status === 'RETRACTED' && (
        <Alert type="info" showIcon data-testid="import-retracted" title={m('retracted', { user: run.retractedBy ?? '—', time: run.retractedAt ? formatDateTime(run.retractedAt) : '—' })} />
      )}

      {run.summary && <RunSummary summary={run.summary} />}
      {run.summary && (
        <RejectsSection
          run={run}
          onPage={(cursor) =>
            setSearch((previous) => {
              const next = new URLSearchParams(previous);
              if (cursor) next.set(REJECTS_PARAM, cursor);
              else next.delete(REJECTS_PARAM);
              return next;
            })
          }
          paged={rejectsAfter !== null}
        />
      )}
      {(state === 'completed' || state === 'failed' || state === 'interrupted') && <RetractButton runId={run.id} />}
    </main>
  );
}

function RunProgress({ run }: { run: Run }) {
  const m = useMessages(importsMessages);
  const { rowsRead, rowsTotal, bytes } = run.progress;
  return (
    <Card size="small" title={m('progress')} className="imports-card" data-testid="import-progress">
      <Progress percent={rowsTotal ? Math.min(99, Math.floor((rowsRead / Math.max(rowsTotal, 1)) * 100)) : 50} status="active" showInfo={rowsTotal !== null} />
      <Typography.Text>
        {rowsTotal !== null ? m('progressRowsOf', { read: rowsRead, total: rowsTotal }) : m('progressRows', { read: rowsRead })}
        {' · '}
        {m('progressBytes', { size: formatBytes(bytes) })}
      </Typography.Text>
    </Card>
  );
}

function RunSummary({ summary }: { summary: Summary }) {
  const m = useMessages(importsMessages);
  const { lang } = useI18n();
  return (
    <>
      <Card size="small" title={m('summary')} className="imports-card" data-testid="import-summary">
        <Space size="large" wrap className="imports-stats">
          <Statistic title={m('sum.read')} value={summary.rowsRead} />
          <Statistic title={m('sum.written')} value={summary.rowsWritten} />
          <Statistic title={m('sum.rejected')} value={summary.rowsRejected} styles={summary.rowsRejected ? { content: { color: '#c0392b' } } : undefined} />
          <Statistic title={m('sum.flagged')} value={summary.rowsFlagged} />
          <Statistic title={m('sum.samePersons')} value={summary.proposedSamePersons} />
          <Statistic title={m('sum.seconds')} value={summary.seconds} precision={1} />
        </Space>
        <Table
          size="small"
          pagination={false}
          rowKey={(f) => `${f.fileName}-${f.sheet ?? ''}-${f.kind}`}
          dataSource={summary.files}
          data-testid="import-files"
          columns={[
            { title: m('file.name'), key: 'file', render: (_, f) => (f.sheet ? `${f.fileName} · ${f.sheet}` : f.fileName) },
            { title: m('file.kind'), key: 'kind', render: (_, f) => <span title={f.kind}>{kindLabel(f.kind, m)}</span> },
            { title: m('file.read'), dataIndex: 'read', key: 'read', align: 'right' },
            { title: m('file.written'), dataIndex: 'written', key: 'written', align: 'right' },
            { title: m('file.rejected'), dataIndex: 'rejected', key: 'rejected', align: 'right' },
            { title: m('file.flagged'), dataIndex: 'flagged', key: 'flagged', align: 'right' },
            { title: m('file.blank'), dataIndex: 'blank', key: 'blank', align: 'right' },
          ]}
        />
      </Card>
      <Card size="small" title={m('warnings')} className="imports-card" data-testid="import-warnings">
        {summary.warnings.length === 0 ? (
          <Typography.Text type="secondary">{m('warningsNone')}</Typography.Text>
        ) : (
          <Table
            size="small"
            pagination={false}
            rowKey={(w) => `${w.code}-${w.value ?? ''}`}
            dataSource={summary.warnings}
            onRow={(w) => ({ 'data-testid': 'import-warning', 'data-code': w.code }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              { title: m('warning.code'), dataIndex: 'code', key: 'code', render: (code: string) => <Typography.Text code>{code}</Typography.Text> },
              { title: m('warning.severity'), dataIndex: 'severity', key: 'severity', render: (s: string) => <SeverityTag severity={s} /> },
              { title: m('warning.count'), dataIndex: 'count', key: 'count', align: 'right' },
              { title: m('warning.value'), dataIndex: 'value', key: 'value', render: (v: string | null) => v ?? '' },
              { title: m('warning.message'), dataIndex: 'message', key: 'message', render: (message: string) => <BilingualText message={message} lang={lang} /> },
            ]}
          />
        )}
      </Card>
    </>
  );
}

function SeverityTag({ severity }: { severity: string }) {
  const m = useMessages(importsMessages);
  const known = severity in SEVERITY_COLOURS;
  return <Tag color={SEVERITY_COLOURS[severity]}>{known ? m(`severity.${severity}` as ImportsMessage) : severity}</Tag>;
}

function RejectsSection({ run, onPage, paged }: { run: Run; onPage: (cursor: string | null) => void; paged: boolean }) {
  const m = useMessages(importsMessages);
  const { lang } = useI18n();
  const { nodes, pageInfo } = run.rejects;
  return (
    <Card
      size="small"
      title={m('rejects')}
      className="imports-card"
      data-testid="import-rejects"
      extra={
        run.rejectsUrl && (
          <Button icon={<DownloadOutlined />} href={run.rejectsUrl} download data-testid="import-rejects-download">
            {m('downloadRejects')}
          </Button>
        )
      }
    >
      {nodes.length === 0 && !paged ? (
        <Typography.Text type="secondary">{m('rejectsNone')}</Typography.Text>
      ) : (
        <>
          <Table
            size="small"
            pagination={false}
            rowKey={(r) => `${r.fileName}-${r.sheet ?? ''}-${r.row}-${r.column}-${r.code}`}
            dataSource={nodes}
            onRow={(r) => ({ 'data-testid': 'import-reject', 'data-row': r.row, 'data-code': r.code }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              { title: m('reject.file'), key: 'file', render: (_, r) => (r.sheet ? `${r.fileName} · ${r.sheet}` : r.fileName) },
              { title: m('reject.row'), dataIndex: 'row', key: 'row', align: 'right', width: 70 },
              { title: m('reject.column'), dataIndex: 'column', key: 'column' },
              { title: m('reject.value'), dataIndex: 'value', key: 'value', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
              { title: m('reject.code'), key: 'code', render: (_, r) => <Space orientation="vertical" size={0}><Typography.Text code>{r.code}</Typography.Text><SeverityTag severity={r.severity} /></Space> },
              { title: m('reject.reason'), key: 'reason', render: (_, r) => <span title={r.detail ?? undefined}><BilingualText message={r.message} lang={lang} /></span> },
            ]}
          />
          <Space className="imports-pager">
            {paged && <Button onClick={() => onPage(null)}>{m('rejectsFirst')}</Button>}
            {pageInfo.hasNextPage && (
              <Button onClick={() => onPage(pageInfo.endCursor)} data-testid="import-rejects-next">
                {m('rejectsNext')}
              </Button>
            )}
          </Space>
        </>
      )}
    </Card>
  );
}

function RetractButton({ runId }: { runId: string }) {
  const m = useMessages(importsMessages);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [redecided, setRedecided] = useState<number | null>(null);
  const queryClient = useQueryClient();
  const retract = useApiMutation('RetractImport', {
    onSuccess: (data) => {
      setOpen(false);
      setRedecided(data.retractImport.redecided);
      // What the run wrote is gone from every screen, the run's own page included.
      void queryClient.invalidateQueries();
    },
  });
  const reasonOk = reason.trim().length >= 2;
  return (
    <div className="imports-retract">
      {redecided !== null && <Alert type="success" showIcon title={m('retractDone', { n: redecided })} />}
      <Button danger icon={<RollbackOutlined />} onClick={() => setOpen(true)} data-testid="import-retract">
        {m('retract')}
      </Button>
      <Modal
        open={open}
        title={m('retractTitle')}
        okText={m('retractConfirm')}
        cancelText={m('cancel')}
        okButtonProps={{ danger: true, disabled: !reasonOk, loading: retract.isPending, 'data-testid': 'import-retract-confirm' } as ButtonProps}
        onOk={() => retract.mutate({ runId, reason: reason.trim() })}
        onCancel={() => setOpen(false)}
      >
        <Typography.Paragraph>{m('retractBody')}</Typography.Paragraph>
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={m('retractReason')}>
            <Input value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} data-testid="import-retract-reason" status={reason && !reasonOk ? 'error' : undefined} />
          </Descriptions.Item>
        </Descriptions>
        {!reasonOk && reason && <Typography.Text type="danger">{m('reasonRequired')}</Typography.Text>}
        {retract.isError && <ErrorNotice error={retract.error} />}
      </Modal>
    </div>
  );
}
