import { useQueryClient } from '@tanstack/react-query';
import { Button, Checkbox, List, Space, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useApiMutation, useApiQuery } from '../../api/hooks.ts';
import { ErrorNotice } from '../../components/common.tsx';
import { formatDateTime, useMessages } from '../../i18n.ts';
import { paths, withParams } from '../../paths.ts';
import { useWorkspace } from '../../session/workspace.ts';
import { reportsMessages } from './messages.ts';
import './reports.css';

const PAGE_SIZE = 50;

/**
 * 收件箱 at /inbox: the watch runs that found changes, unread first, each opening its run with the
 * diff against the run it was compared with. `unread=1` shows the unread alone; `pages` keeps the
 * cursors of the pages before (as on the reports list).
 */
export function InboxScreen() {
  const m = useMessages(reportsMessages);
  const { me } = useWorkspace();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const unreadOnly = params.get('unread') === '1';
  const trail = (params.get('pages') ?? '').split(',').filter(Boolean);
  const inbox = useApiQuery('ReportInbox', { first: PAGE_SIZE, after: trail.at(-1) ?? null, unreadOnly });
  const mayMark = me.user.role === 'investigator' || me.user.role === 'regulator';
  const markRead = useApiMutation('ReportMarkRead', { onSuccess: () => queryClient.invalidateQueries({ queryKey: ['ReportInbox'] }) });

  const page = inbox.data?.inbox;
  // Unread first, each part newest first as the server lists them.
  const items = useMemo(() => [...(page?.nodes ?? [])].sort((a, b) => Number(a.readAt != null) - Number(b.readAt != null)), [page]);
  // Another filter starts again at the first page.
  const setParam = (name: string, value: string | null) =>
    setParams((current) => withParams(current, name === 'pages' ? { pages: value } : { [name]: value, pages: null }), { replace: true });

  return (
    <main className="reports-screen" data-testid="inbox">
      <Typography.Title level={3}>{m('inboxTitle')}</Typography.Title>
      <Typography.Paragraph type="secondary">{m('inboxIntro')}</Typography.Paragraph>
      <Checkbox checked={unreadOnly} onChange={(e) => setParam('unread', e.target.checked ? '1' : null)} data-testid="inbox-unread-only">
        {m('unreadOnly')}
      </Checkbox>
      {inbox.error ? (
        <ErrorNotice error={inbox.error} onRetry={() => void inbox.refetch()} />
      ) : (
        <List
          loading={inbox.isPending}
          bordered
          dataSource={items}
          locale={{ emptyText: m('inboxEmpty') }}
          renderItem={(item) => {
            const open = () => {
              if (!item.readAt && mayMark) markRead.mutate({ id: item.id });
            };
            return (
              <List.Item
                className={item.readAt ? undefined : 'reports-inbox-unread'}
                data-testid="inbox-item"
                data-item-id={item.id}
                data-read={item.readAt ? 'true' : 'false'}
                actions={[
                  <Link key="diff" to={paths.reportRun(item.queryId, item.runId, item.diff.fromRunId)} onClick={open} data-testid="inbox-open-diff">
                    {m('openDiff')}
                  </Link>,
                  <Link key="run" to={paths.report(item.queryId)} onClick={open}>
                    {m('openRun')}
                  </Link>,
                  ...(!item.readAt && mayMark
                    ? [
                        <Button key="read" size="small" onClick={() => markRead.mutate({ id: item.id })} loading={markRead.isPending && markRead.variables?.id === item.id} data-testid="inbox-mark-read">
                          {m('markRead')}
                        </Button>,
                      ]
                    : []),
                ]}
              >
                <List.Item.Meta
                  title={
                    <Space>
                      {item.readAt ? <Tag>{m('read', { date: formatDateTime(item.readAt) })}</Tag> : <Tag color="red">{m('unread')}</Tag>}
                      <span>
                        {m('inboxItem', {
                          title: item.queryTitle,
                          new: item.diff.newFindings.length,
                          gone: item.diff.goneFindings.length,
                          changed: item.diff.changedFindings.length,
                        })}
                      </span>
                    </Space>
                  }
                  description={formatDateTime(item.createdAt)}
                />
              </List.Item>
            );
          }}
        />
      )}
      {(trail.length > 0 || page?.pageInfo.hasNextPage) && (
        <Space className="reports-pager">
          <Button disabled={trail.length === 0} onClick={() => setParam('pages', trail.slice(0, -1).join(',') || null)}>
            {m('page.prev')}
          </Button>
          <Button disabled={!page?.pageInfo.hasNextPage} onClick={() => setParam('pages', [...trail, page!.pageInfo.endCursor!].join(','))}>
            {m('page.next')}
          </Button>
        </Space>
      )}
    </main>
  );
}
