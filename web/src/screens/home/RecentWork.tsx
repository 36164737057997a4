import { HistoryOutlined } from '@ant-design/icons';
import { Button, Card, List, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { KindIcon } from '../../components/common.tsx';
import { formatDateTime, useMessages } from '../../i18n.ts';
import { paths } from '../../paths.ts';
import { forgetRecent, useRecentWork, type RecentItem } from '../../session/recentWork.ts';
import { homeMessages } from './messages.ts';

function pathOf(item: RecentItem): string {
  switch (item.screen) {
    case 'profile':
      return paths.entity(item.key);
    case 'penetration':
      return paths.penetration(item.key);
    case 'explorer':
      return paths.explore([item.key]);
  }
}

/** The last entities and charts this user opened in this browser, newest first. */
export function RecentWork() {
  const m = useMessages(homeMessages);
  const items = useRecentWork();
  return (
    <Card
      size="small"
      className="home-recent"
      data-testid="recent-work"
      title={
        <span>
          <HistoryOutlined /> {m('recentTitle')}
        </span>
      }
      extra={
        items.length > 0 && (
          <Button type="link" size="small" data-testid="recent-clear" onClick={forgetRecent}>
            {m('recentClear')}
          </Button>
        )
      }
    >
      {items.length === 0 ? (
        <Typography.Text type="secondary">{m('recentEmpty')}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={items}
          rowKey={(item) => `${item.screen}:${item.key}`}
          renderItem={(item) => (
            <List.Item data-testid="recent-item" data-key={item.key} data-screen={item.screen}>
              <List.Item.Meta
                avatar={<KindIcon kind={item.kind} />}
                title={
                  <Link to={pathOf(item)} className="recent-name">
                    {item.name}
                  </Link>
                }
                description={
                  <span className="recent-meta">
                    <Tag>{m(`screen.${item.screen}`)}</Tag>
                    {formatDateTime(item.at)}
                  </span>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
