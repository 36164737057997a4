import { Empty, Space, Timeline, Typography } from 'antd';
import { formatDate } from '../../format.ts';
import { useMessages } from '../../i18n.ts';
import { profileMessages } from './messages.ts';
import type { Change } from './profileTypes.ts';
import { SourceButton } from './Source.tsx';

/** 变更记录 as a timeline, newest first: what changed, from what to what, with the row it comes from. */
export function ChangesTimeline({ changes, total }: { changes: readonly Change[]; total: number }) {
  const m = useMessages(profileMessages);
  if (changes.length === 0) return <Empty description={m('empty')} />;
  return (
    <div data-testid="changes">
      {changes.length < total && <Typography.Paragraph type="secondary">{m('listCapped', { shown: changes.length, total })}</Typography.Paragraph>}
      <Timeline
        mode="start"
        titleSpan="120px"
        items={changes.map((c) => ({
          key: c.key,
          title: <span data-testid="change-date">{c.changedOn ? formatDate(c.changedOn) : m('changeUndated')}</span>,
          content: (
            <div className="profile-change" data-testid="change-item">
              <Space size={8} wrap>
                <Typography.Text strong>{c.item}</Typography.Text>
                <SourceButton provenance={c.provenance} label={c.item} />
              </Space>
              <dl className="profile-change-values">
                <dt>{m('changeBefore')}</dt>
                <dd>{c.before ?? m('none')}</dd>
                <dt>{m('changeAfter')}</dt>
                <dd>{c.after ?? m('none')}</dd>
              </dl>
            </div>
          ),
        }))}
      />
    </div>
  );
}
