import { DownloadOutlined } from '@ant-design/icons';
import { Button, Dropdown, Tag, Tooltip, type MenuProps } from 'antd';
import type { ReportSavedQueryFieldsFragment, RunTrigger } from '../../api/generated.ts';
import { formatDateTime, useI18n, useMessages } from '../../i18n.ts';
import { analysisNames, reportsMessages, type ReportsMessage } from './messages.ts';
import { runExportFormats, runExportUrl } from './reportText.ts';

export type SavedQueryView = ReportSavedQueryFieldsFragment;

/**
 * 导出 of one run: plain links to the exports endpoint, so the browser downloads under the name the
 * server gives (the run's title and number) and nothing of the file passes through the app.
 */
export function ExportMenu({ runId }: { runId: string }) {
  const m = useMessages(reportsMessages);
  const { lang } = useI18n();
  const items: MenuProps['items'] = runExportFormats.map((format) => ({
    key: format,
    label: (
      <a href={runExportUrl(runId, format, lang)} download data-testid={`export-${format}`} rel="noopener">
        {m(`export.${format}`)}
      </a>
    ),
  }));
  return (
    <Tooltip title={m('export.hint')} placement="left">
      <span>
        <Dropdown menu={{ items }} trigger={['click']} placement="bottomRight">
          <Button icon={<DownloadOutlined />} data-testid="export-menu">
            {m('exportMenu')}
          </Button>
        </Dropdown>
      </span>
    </Tooltip>
  );
}

export function useAnalysisName(): (name: string) => string {
  const { lang } = useI18n();
  return (name) => analysisNames[lang][name] ?? name;
}

export function ScheduleText({ query }: { query: Pick<SavedQueryView, 'schedule' | 'nextRunAt'> }) {
  const m = useMessages(reportsMessages);
  if (!query.schedule) return <span className="reports-muted">{m('notWatched')}</span>;
  const { kind, cron, timezone } = query.schedule;
  return (
    <span title={`${cron} (${timezone})`}>
      {m(`schedule.${kind}`, { cron })}
      {query.nextRunAt && <span className="reports-muted"> · {m('nextRun', { date: formatDateTime(query.nextRunAt) })}</span>}
    </span>
  );
}

export function SharedWithText({ sharing }: { sharing: SavedQueryView['sharedWith'] }) {
  const m = useMessages(reportsMessages);
  if (sharing.roles.length === 0 && sharing.users.length === 0) return <span className="reports-muted">{m('nobody')}</span>;
  return (
    <span className="reports-tags">
      {sharing.roles.map((role) => (
        <Tag key={role} color="blue">
          {m(`role.${role}` as ReportsMessage)}
        </Tag>
      ))}
      {sharing.users.map((user) => (
        <Tag key={user.name} title={user.name}>
          {user.displayName}
        </Tag>
      ))}
    </span>
  );
}

export function TriggerTag({ trigger }: { trigger: RunTrigger }) {
  const m = useMessages(reportsMessages);
  return <Tag color={trigger === 'SCHEDULE' ? 'purple' : undefined}>{m(`trigger.${trigger}`)}</Tag>;
}

export function ExhaustiveTag({ exhaustive }: { exhaustive: boolean }) {
  const m = useMessages(reportsMessages);
  return exhaustive ? (
    <Tag color="green">{m('exhaustive')}</Tag>
  ) : (
    <Tooltip title={m('notExhaustiveHint')}>
      <Tag color="orange" data-testid="not-exhaustive">
        {m('notExhaustive')}
      </Tag>
    </Tooltip>
  );
}
