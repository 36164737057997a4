import { CloseOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Form, Input, Select, Space, Spin, Table, Tag, Typography, Upload, type UploadFile, type UploadProps } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../api.ts';
import type { ImportKind, ImportRunsQuery, ImportUploadQuery } from '../../api/generated.ts';
import { useApiMutation, useApiQuery } from '../../api/hooks.ts';
import { ErrorNotice } from '../../components/common.tsx';
import { formatDateTime, inLanguage, useI18n, useMessages } from '../../i18n.ts';
import { paths } from '../../paths.ts';
import { importsMessages } from './messages.ts';
import { formatBytes, runState, uploadRefusal, type UploadAnswer } from './importText.ts';
import { BilingualText, kindLabel, RunStateTag } from './parts.tsx';
import './imports.css';

const UPLOADS_ENDPOINT = '/uploads';
const IMPORT_KINDS: ImportKind[] = ['registrations', 'shareholders', 'officers', 'members', 'branches', 'lists', 'approvals', 'changes', 'relations', 'boFilings'];
/** Search parameters: `uploads` the uploaded files shown (ids), `kind.<upload id>` a kind chosen over the detected one. */
const UPLOADS_PARAM = 'uploads';
const kindParam = (uploadId: string) => `kind.${uploadId}`;

/**
 * 数据导入 at /imports (investigators): files are uploaded with their progress, each shown with
 * the kind and column mapping the server detected, and started with a reason; below, the recent
 * runs. The uploads shown and any kind chosen are in the URL.
 */
export function ImportsScreen() {
  const m = useMessages(importsMessages);
  const { lang } = useI18n();
  const [search, setSearch] = useSearchParams();
  const uploadIds = (search.get(UPLOADS_PARAM) ?? '').split(',').filter(Boolean);
  const [files, setFiles] = useState<UploadFile<UploadAnswer>[]>([]);

  const addUpload = (id: string) =>
    setSearch((previous) => {
      const next = new URLSearchParams(previous);
      const ids = (next.get(UPLOADS_PARAM) ?? '').split(',').filter(Boolean);
      if (!ids.includes(id)) next.set(UPLOADS_PARAM, [...ids, id].join(','));
      return next;
    });
  const removeUpload = (id: string) =>
    setSearch((previous) => {
      const next = new URLSearchParams(previous);
      const ids = (next.get(UPLOADS_PARAM) ?? '').split(',').filter((x) => x && x !== id);
      if (ids.length) next.set(UPLOADS_PARAM, ids.join(','));
      else next.delete(UPLOADS_PARAM);
      next.delete(kindParam(id));
      return next;
    });
  const setKind = (id: string, kind: ImportKind | null) =>
    setSearch(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (kind) next.set(kindParam(id), kind);
        else next.delete(kindParam(id));
        return next;
      },
      { replace: true },
    );

  const onChange: UploadProps<UploadAnswer>['onChange'] = ({ file, fileList }) => {
    if (file.status === 'done' && file.response?.uploadId) addUpload(file.response.uploadId);
    // The list shows a failed file's `response` when it is text: the refusal in the reader's words.
    setFiles(fileList.map((f) => (f.status === 'error' && typeof f.response !== 'string' ? { ...f, response: uploadRefusal(f.response, (f.error as { status?: number } | undefined)?.status ?? 0, m, lang) as unknown as UploadAnswer } : f)));
  };
  const failures = files.filter((f) => f.status === 'error');

  return (
    <main className="imports-screen" data-testid="imports-screen">
      <Typography.Title level={3}>{m('title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{m('intro')}</Typography.Paragraph>
      <Upload.Dragger<UploadAnswer>
        name="file"
        multiple
        action={UPLOADS_ENDPOINT}
        headers={{ 'x-chuantou-csrf': '1' }}
        fileList={files}
        onChange={onChange}
        data-testid="upload-input"
        className="imports-dragger"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{m('dragHint')}</p>
        <p className="ant-upload-hint">{m('dragNote')}</p>
      </Upload.Dragger>
      {failures.length > 0 && (
        <Alert
          className="imports-failures"
          type="error"
          showIcon
          role="alert"
          data-testid="upload-error"
          title={failures.map((f) => (
            <div key={f.uid}>{m('uploadFailed', { file: f.name, reason: String(f.response) })}</div>
          ))}
        />
      )}
      {uploadIds.length > 0 && (
        <section className="imports-uploads">
          <Typography.Title level={4}>{m('uploadsTitle')}</Typography.Title>
          {uploadIds.map((id) => (
            <UploadCard key={id} uploadId={id} kind={(search.get(kindParam(id)) as ImportKind | null) ?? null} onKind={(kind) => setKind(id, kind)} onRemove={() => removeUpload(id)} />
          ))}
        </section>
      )}
      <RecentRuns />
    </main>
  );
}

type UploadView = NonNullable<ImportUploadQuery['upload']>;

function UploadCard({ uploadId, kind, onKind, onRemove }: { uploadId: string; kind: ImportKind | null; onKind: (kind: ImportKind | null) => void; onRemove: () => void }) {
  const m = useMessages(importsMessages);
  const { lang } = useI18n();
  const navigate = useNavigate();
  const [reason, setReason] = useState('');
  const query = useApiQuery('ImportUpload', { id: uploadId, kind });
  const start = useApiMutation('StartImport', { onSuccess: (data) => navigate(paths.importRun(data.startImport.id)) });
  const upload = query.data?.upload;

  const extra = (
    <Button size="small" type="text" icon={<CloseOutlined />} onClick={onRemove} aria-label={m('remove')}>
      {m('remove')}
    </Button>
  );
  if (query.isPending) {
    return (
      <Card size="small" className="imports-upload" extra={extra}>
        <Spin description={m('detecting')}>
          <div className="imports-spin-space" />
        </Spin>
      </Card>
    );
  }
  if (query.isError || !upload) {
    return (
      <Card size="small" className="imports-upload" extra={extra}>
        {query.isError ? <ErrorNotice error={query.error} onRetry={() => void query.refetch()} /> : <Alert type="warning" showIcon title={m('uploadGone')} />}
      </Card>
    );
  }
  const reasonOk = reason.trim().length >= 2;
  const importable = !upload.problem && upload.tables.length > 0;
  const startError = start.error instanceof ApiError && start.error.code === 'IMPORT_BUSY' ? m('startBusy') : null;

  return (
    <Card size="small" className="imports-upload" title={upload.fileName} extra={extra} data-testid="upload-card" data-upload-id={upload.id}>
      <Descriptions size="small" column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label={m('fileSize')}>{formatBytes(upload.bytes)}</Descriptions.Item>
        <Descriptions.Item label={m('format')}>{upload.format ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={m('encoding')}>{upload.encoding ?? '—'}</Descriptions.Item>
      </Descriptions>
      {upload.problem && (
        <Alert
          type="error"
          showIcon
          data-testid="upload-problem"
          title={m('problem')}
          description={
            <>
              <BilingualText message={upload.problem.message} lang={lang} /> <Tag>{m('problemCode', { code: upload.problem.code })}</Tag>
            </>
          }
        />
      )}
      {upload.tables.map((table, index) => (
        <DetectedTable key={`${table.sheet ?? ''}-${index}`} table={table} />
      ))}
      <Form layout="inline" className="imports-start" onFinish={() => start.mutate({ uploadId: upload.id, kind, reason: reason.trim() })}>
        <Form.Item label={m('kindOverride')}>
          <Select<ImportKind>
            className="imports-kind-select"
            allowClear
            placeholder={m('kindAuto')}
            value={kind ?? undefined}
            onChange={(value) => onKind(value ?? null)}
            options={IMPORT_KINDS.map((k) => ({ value: k, label: `${kindLabel(k, m)}（${k}）` }))}
            data-testid="upload-kind"
          />
        </Form.Item>
        <Form.Item label={m('reason')} required help={reason && !reasonOk ? m('reasonRequired') : undefined} validateStatus={reason && !reasonOk ? 'error' : undefined}>
          <Input className="imports-reason" value={reason} maxLength={500} placeholder={m('reasonPlaceholder')} onChange={(e) => setReason(e.target.value)} data-testid="upload-reason" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" disabled={!importable || !reasonOk} loading={start.isPending} data-testid="upload-start">
            {m('start')}
          </Button>
        </Form.Item>
      </Form>
      {start.isError && (startError ? <Alert type="warning" showIcon title={startError} /> : <ErrorNotice error={start.error} />)}
    </Card>
  );
}

function DetectedTable({ table }: { table: UploadView['tables'][number] }) {
  const m = useMessages(importsMessages);
  const { lang } = useI18n();
  return (
    <div className="imports-table" data-testid="detected-table" data-kind={table.kind}>
      <Space wrap className="imports-kind">
        <span>{m('detectedKind')}：</span>
        <Tag color="blue" data-testid="detected-kind">
          {table.caption ? inLanguage(table.caption, lang) : kindLabel(table.kind, m)}
        </Tag>
        <Typography.Text type="secondary" code>
          {table.kind}
        </Typography.Text>
        {table.sheet && (
          <span>
            {m('sheet')}：{table.sheet}
          </span>
        )}
      </Space>
      {table.mapping.length > 0 && (
        <Table
          size="small"
          pagination={false}
          rowKey={(row) => `${row.field}-${row.column}`}
          dataSource={table.mapping}
          data-testid="detected-mapping"
          title={() => m('mapping')}
          columns={[
            { title: m('mappingHeader'), dataIndex: 'header', key: 'header' },
            { title: m('mappingField'), dataIndex: 'field', key: 'field', render: (field: string) => <Typography.Text code>{field}</Typography.Text> },
            { title: m('mappingColumn'), dataIndex: 'column', key: 'column', render: (column: number) => column + 1, width: 90 },
          ]}
        />
      )}
      <div className="imports-unmatched">
        {m('unmatched')}：{table.unmatchedHeaders.length ? table.unmatchedHeaders.map((h) => <Tag key={h}>{h}</Tag>) : m('none')}
      </div>
    </div>
  );
}

type RunRow = ImportRunsQuery['importRuns']['nodes'][number];

function RecentRuns() {
  const m = useMessages(importsMessages);
  const query = useApiQuery(
    'ImportRuns',
    { first: 20 },
    // While a run goes on here, the list follows it.
    { refetchInterval: (q) => (q.state.data?.importRuns.nodes.some((r) => r.status === 'RUNNING' && r.activeHere) ? 2000 : false) },
  );
  return (
    <section className="imports-runs">
      <Typography.Title level={4}>{m('runsTitle')}</Typography.Title>
      {query.isError ? (
        <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table<RunRow>
          size="small"
          loading={query.isPending}
          rowKey="id"
          dataSource={query.data?.importRuns.nodes ?? []}
          pagination={false}
          locale={{ emptyText: m('runsEmpty') }}
          data-testid="import-runs"
          onRow={(row) => ({ 'data-testid': 'import-run-row', 'data-run-id': row.id }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: m('col.startedAt'), key: 'startedAt', render: (_, row) => (row.startedAt ? formatDateTime(row.startedAt) : '—'), width: 150 },
            { title: m('col.user'), dataIndex: 'user', key: 'user', render: (user: string | null) => user ?? '—' },
            { title: m('col.files'), key: 'files', render: (_, row) => row.fileNames.join('、') },
            { title: m('col.status'), key: 'status', render: (_, row) => <RunStateTag status={row.status} activeHere={row.activeHere} m={m} />, width: 100 },
            {
              title: m('col.rows'),
              key: 'rows',
              render: (_, row) => (row.summary ? `${row.summary.rowsRead} / ${row.summary.rowsWritten} / ${row.summary.rowsRejected}` : runState(row.status, row.activeHere) === 'running' ? row.progress.rowsRead : '—'),
            },
            {
              title: m('col.run'),
              key: 'run',
              render: (_, row) => (
                <Link to={paths.importRun(row.id)} data-testid="import-run-link">
                  {row.id}
                </Link>
              ),
            },
          ]}
        />
      )}
    </section>
  );
}
