import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Card, Descriptions, Result, Select, Space, Spin, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../api.ts';
import { useApiQuery } from '../../api/hooks.ts';
import { ErrorNotice } from '../../components/common.tsx';
import { formatDate } from '../../format.ts';
import { formatDateTime, useI18n, useMessages } from '../../i18n.ts';
import { paths, withParams } from '../../paths.ts';
import { useWorkspace } from '../../session/workspace.ts';
import { reportsMessages } from './messages.ts';
import { LinkToCase } from './LinkToCase.tsx';
import { ExhaustiveTag, ExportMenu, TriggerTag } from './parts.tsx';
import { paramsSummary } from './reportText.ts';
import { namesByKey, readRunDocument, type ImportRunSource } from './runDocument.ts';
import { RunDiffView } from './RunDiffView.tsx';
import { EvidenceModal, FindingsTable } from './RunFindings.tsx';
import './reports.css';

/** Runs listed to compare with: a query run more often than this is compared through the address. */
const RUNS_LISTED = 100;

/**
 * One run at /reports/:id/runs/:runId, opened as it ran (its stored document, never re-computed):
 * what changed against the previous run or the one chosen (`against`), the findings with their
 * evidence (`evidence` names the finding whose evidence is open), the parameters as resolved, the
 * data it ran on, and its exports.
 */
export function ReportRunScreen() {
  const { id = '', runId = '' } = useParams();
  const m = useMessages(reportsMessages);
  const { lang } = useI18n();
  const { me } = useWorkspace();
  const [params, setParams] = useSearchParams();
  const linked = me.user.role === 'investigator' || me.user.role === 'regulator';

  const opened = useApiQuery('ReportRunDocument', { id: runId });
  const runs = useApiQuery('ReportRuns', { queryId: id, first: RUNS_LISTED });
  const summary = opened.data?.reportRun;
  const doc = useMemo(() => (summary ? readRunDocument(summary.document) : null), [summary]);
  const names = useMemo(() => (doc ? namesByKey(doc) : new Map<string, string>()), [doc]);

  const earlier = (runs.data?.reportRuns.nodes ?? []).filter((r) => summary && r.number < summary.number);
  const previous = earlier[0] ?? null;
  const against = params.get('against') ?? previous?.id ?? null;
  const againstNumber = runs.data?.reportRuns.nodes.find((r) => r.id === against)?.number ?? null;
  const diff = useApiQuery('ReportRunDiff', { fromRunId: against ?? '', toRunId: runId }, { enabled: against != null && against !== runId });

  const setParam = (name: string, value: string | null) =>
    // Opening a finding's evidence is a step back undoes; closing it replaces that step.
    setParams((current) => withParams(current, { [name]: value }), { replace: !(name === 'evidence' && value) });
  const evidenceKey = params.get('evidence');
  const evidenceFinding = doc?.envelope.findings.find((f) => f.subject.key === evidenceKey) ?? null;

  if (opened.isPending) {
    return (
      <main className="reports-screen" role="status">
        <Spin description={m('loading')}>
          <div className="spin-space" />
        </Spin>
      </main>
    );
  }
  if (opened.error || !summary || !doc) {
    const code = opened.error instanceof ApiError ? opened.error.code : null;
    return (
      <main className="reports-screen">
        {code === 'NOT_FOUND' || code === 'REPORT_TAMPERED' ? (
          <Result status={code === 'NOT_FOUND' ? '404' : 'error'} title={code === 'NOT_FOUND' ? m('runNotFound') : m('tampered')} extra={<Link to={paths.reports()}>{m('back')}</Link>} data-testid="run-not-found" />
        ) : (
          <ErrorNotice error={opened.error} onRetry={() => void opened.refetch()} />
        )}
      </main>
    );
  }

  const sourceColumns = [
    { title: m('source.file'), key: 'file', render: (_: unknown, s: ImportRunSource) => <span title={s.sha256 ?? undefined}>{s.file}</span> },
    { title: m('source.kind'), key: 'kind', render: (_: unknown, s: ImportRunSource) => s.kind },
    { title: m('source.finished'), key: 'finished', render: (_: unknown, s: ImportRunSource) => formatDate(s.finishedAt) },
    {
      title: m('source.counts'),
      key: 'counts',
      render: (_: unknown, s: ImportRunSource) =>
        Object.entries(s.counts)
          .map(([name, n]) => `${name} ${n}`)
          .join(' · '),
    },
  ];

  return (
    <main className="reports-screen" data-testid="report-run" data-run-id={summary.id} data-run-number={summary.number}>
      <Link to={paths.report(id)}>
        <ArrowLeftOutlined /> {doc.query.title}
      </Link>
      <div className="reports-header">
        <div>
          <Typography.Title level={3} data-testid="run-title">
            {doc.query.title} · {m('runTitle', { n: summary.number })}
          </Typography.Title>
          <Typography.Text type="secondary">{m('runAsWas')}</Typography.Text>
        </div>
        <Space>
          {linked && <LinkToCase runId={summary.id} title={`${doc.query.title} · ${m('runTitle', { n: summary.number })}`} />}
          <ExportMenu runId={summary.id} />
        </Space>
      </div>
      <Card size="small">
        <Descriptions
          size="small"
          column={3}
          items={[
            { key: 'analysis', label: m('analysis'), children: doc.query.analysisTitle[lang] },
            { key: 'at', label: m('run.at'), children: formatDateTime(summary.ranAt) },
            { key: 'by', label: m('run.by'), children: summary.ranBy },
            { key: 'trigger', label: m('run.trigger'), children: <TriggerTag trigger={summary.trigger} /> },
            { key: 'count', label: m('run.count'), children: <span data-testid="run-finding-count">{summary.findingCount}</span> },
            { key: 'exhaustive', label: m('run.exhaustive'), children: <ExhaustiveTag exhaustive={summary.exhaustive} /> },
            { key: 'params', label: m('resolvedParams'), span: 3, children: <span className="reports-params">{paramsSummary(doc.params)}</span> },
            { key: 'hash', label: m('contentHash'), span: 3, children: <span className="reports-hash">{summary.contentHash}</span> },
          ]}
        />
        {!summary.exhaustive && <Alert type="warning" showIcon title={m('notExhaustiveHint')} description={doc.envelope.limitsHit.join(', ')} />}
      </Card>

      <Card
        size="small"
        title={m('diff')}
        extra={
          earlier.length > 0 && (
            <Space>
              <span>{m('diffAgainst')}</span>
              <Select
                size="small"
                value={against ?? undefined}
                placeholder={m('diffPick')}
                onChange={(value: string) => setParam('against', value === previous?.id ? null : value)}
                options={earlier.map((r) => ({ value: r.id, label: `#${r.number} · ${formatDateTime(r.ranAt)}` }))}
                className="reports-against"
                data-testid="diff-against"
              />
            </Space>
          )
        }
      >
        {!against ? (
          <Typography.Text type="secondary">{m('diffNone')}</Typography.Text>
        ) : diff.error ? (
          <ErrorNotice error={diff.error} onRetry={() => void diff.refetch()} />
        ) : diff.data ? (
          <RunDiffView diff={diff.data.runDiff} againstNumber={againstNumber} names={names} linked={linked} onEvidence={(key) => setParam('evidence', key)} />
        ) : (
          <Spin />
        )}
      </Card>

      <Card size="small" title={`${m('findings')} (${doc.envelope.findings.length})`}>
        <FindingsTable findings={doc.envelope.findings} linked={linked} onEvidence={(f) => setParam('evidence', f.subject.key)} />
      </Card>

      <Card size="small" title={m('dataSources')}>
        <Table<ImportRunSource> rowKey="id" size="small" columns={sourceColumns} dataSource={doc.data.importRuns} pagination={false} />
      </Card>
      <EvidenceModal finding={evidenceFinding} linked={linked} onClose={() => setParam('evidence', null)} />
    </main>
  );
}
