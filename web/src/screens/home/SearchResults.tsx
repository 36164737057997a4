import { ApartmentOutlined, ClusterOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, List, Skeleton, Space, Tag, Typography } from 'antd';
import { useState, type KeyboardEvent, type MouseEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import type { SearchHit } from '../../api.ts';
import { useApiQuery } from '../../api/hooks.ts';
import { describeError, KindIcon, StatusBadge } from '../../components/common.tsx';
import { useI18n, useMessages } from '../../i18n.ts';
import { paths } from '../../paths.ts';
import { rememberRecent, type RecentScreen } from '../../session/recentWork.ts';
import { homeMessages } from './messages.ts';

export const PAGE_SIZE = 20;

/** The rows of the results, in order: what ↑/↓ move through. */
function rowsOf(element: HTMLElement): HTMLElement[] {
  const list = element.closest('[data-testid="search-results"]');
  return list ? [...list.querySelectorAll<HTMLElement>('[data-result-row]')] : [];
}

/** Moves focus from one result row to the one `step` away; above the first is the search box. */
export function focusRow(from: HTMLElement, step: number, searchBox: () => void): void {
  const rows = rowsOf(from);
  const at = rows.indexOf(from);
  const next = at + step;
  if (next < 0) searchBox();
  else rows[Math.min(next, rows.length - 1)]?.focus();
}

interface ResultsProps {
  q: string;
  /** Give the search box focus back (↑ from the first row). */
  focusSearchBox: () => void;
  /** Esc on a row: clear the search. */
  clear: () => void;
}

/**
 * The hits of one search, a page at a time ("Load more" asks for the page after the last one
 * shown, by its cursor). Each page is its own cached query, so going back to a search shows
 * every page loaded before at once.
 */
export function SearchResults({ q, focusSearchBox, clear }: ResultsProps) {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  return (
    <div className="home-results" data-testid="search-results" aria-live="polite">
      {cursors.map((after, index) => (
        <ResultsPage
          key={after ?? ''}
          q={q}
          after={after}
          first={index === 0}
          last={index === cursors.length - 1}
          onMore={(cursor) => setCursors((shown) => [...shown, cursor])}
          focusSearchBox={focusSearchBox}
          clear={clear}
        />
      ))}
    </div>
  );
}

function ResultsPage(props: ResultsProps & { after: string | null; first: boolean; last: boolean; onMore: (cursor: string) => void }) {
  const { t } = useI18n();
  const m = useMessages(homeMessages);
  const result = useApiQuery('Search', { text: props.q, first: PAGE_SIZE, after: props.after });

  if (result.isPending) return props.first ? <Skeleton active paragraph={{ rows: 4 }} /> : <Skeleton active title={false} paragraph={{ rows: 2 }} />;
  if (result.isError) {
    return (
      <Alert
        type="error"
        showIcon
        role="alert"
        data-testid="error"
        title={describeError(result.error, t).message}
        action={
          <Button size="small" onClick={() => void result.refetch()}>
            {t('error.retry')}
          </Button>
        }
      />
    );
  }
  const { nodes, pageInfo } = result.data.search;
  if (props.first && nodes.length === 0) {
    return <Empty data-testid="search-empty" image={Empty.PRESENTED_IMAGE_SIMPLE} description={m('empty', { q: props.q })} />;
  }
  return (
    <>
      <List
        className="home-result-list"
        dataSource={nodes}
        rowKey={(hit) => hit.entity.key}
        renderItem={(hit) => <ResultRow hit={hit} focusSearchBox={props.focusSearchBox} clear={props.clear} />}
      />
      {props.last && (
        <div className="home-more">
          {pageInfo.hasNextPage && pageInfo.endCursor ? (
            <Button data-testid="search-more" onClick={() => props.onMore(pageInfo.endCursor!)}>
              {m('more')}
            </Button>
          ) : (
            <Typography.Text type="secondary">{m('noMore')}</Typography.Text>
          )}
        </div>
      )}
    </>
  );
}

function ResultRow({ hit, focusSearchBox, clear }: { hit: SearchHit; focusSearchBox: () => void; clear: () => void }) {
  const m = useMessages(homeMessages);
  const navigate = useNavigate();
  const { entity } = hit;
  const isFirm = entity.kind === 'COMPANY';

  const open = (screen: RecentScreen) => {
    rememberRecent({ key: entity.key, name: entity.name, kind: entity.kind, screen });
    navigate(screen === 'profile' ? paths.entity(entity.key) : screen === 'penetration' ? paths.penetration(entity.key) : paths.explore([entity.key]));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.target !== event.currentTarget) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      focusRow(event.currentTarget, event.key === 'ArrowDown' ? 1 : -1, focusSearchBox);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      open('profile');
    } else if (event.key === 'Escape') {
      event.preventDefault();
      clear();
    }
  };

  // A click on the row opens the profile; a click on one of its links or buttons does what that one says.
  const onClick = (event: MouseEvent<HTMLElement>) => {
    if ((event.target as Element).closest('a, button')) return;
    open('profile');
  };

  const id = isFirm ? entity.identifier : (entity.idNumber ?? entity.identifier);
  const matched = hit.matchedOn === 'NAME' ? null : m(`matched.${hit.matchedOn}`, { text: hit.matchedText });

  return (
    <List.Item
      className="home-result"
      data-result-row
      data-testid="search-result"
      data-key={entity.key}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onClick={onClick}
      actions={[
        ...(isFirm
          ? [
              <Button key="penetration" size="small" icon={<ClusterOutlined />} data-testid="result-penetration" tabIndex={-1} onClick={() => open('penetration')}>
                {m('penetration')}
              </Button>,
            ]
          : []),
        <Button key="explore" size="small" icon={<ApartmentOutlined />} data-testid="result-explore" tabIndex={-1} onClick={() => open('explorer')}>
          {m('explore')}
        </Button>,
      ]}
    >
      <List.Item.Meta
        avatar={<KindIcon kind={entity.kind} />}
        title={
          <Space size={8} wrap>
            <Link
              to={paths.entity(entity.key)}
              className="result-name"
              data-testid="result-name"
              tabIndex={-1}
              onClick={() => rememberRecent({ key: entity.key, name: entity.name, kind: entity.kind, screen: 'profile' })}
            >
              {entity.name}
            </Link>
            <StatusBadge status={entity.status} inactive={entity.inactive} />
            {matched && (
              <Tag color="blue" data-testid="result-matched" title={hit.matchedText}>
                {matched}
              </Tag>
            )}
          </Space>
        }
        description={
          <div className="result-lines">
            {id && (
              <span className="result-line">
                <span className="result-label">{isFirm ? m('uscc') : m('idNumber')}</span>
                <span className="result-id mono" data-testid="result-id">
                  {id}
                </span>
              </span>
            )}
            {hit.firms.length > 0 && (
              <span className="result-line" data-testid="result-firms">
                <span className="result-label">{m('firms')}</span>
                {hit.firms.map((firm, index) => (
                  <span key={firm.key}>
                    {index > 0 && '、'}
                    <Link to={paths.entity(firm.key)} tabIndex={-1}>
                      {firm.name}
                    </Link>
                  </span>
                ))}
              </span>
            )}
            {entity.address && <span className="result-line result-address">{entity.address}</span>}
          </div>
        }
      />
    </List.Item>
  );
}
