// 查关系 as a clerk reads it: for each pair of parties (or the network joining three or more), each
// path hop by hop in a sentence ("A 持有 B 30.00% 的股权"), and plainly whether the search was exhaustive.

import { Alert, Button, Card, Empty, List, Space, Spin, Typography } from 'antd';
import { formatPercent } from '../../format.ts';
import type { Operations } from '../../api/generated.ts';
import { vocabulary } from '../../graph/explorer/vocabulary.ts';
import { allTypes, type RelationPath, type RelationType } from '../../graph/graphState.ts';
import { useMessages } from '../../i18n.ts';
import { messages } from './messages.ts';

type Relations = Operations['Relations']['result']['relations'];
type Hop = RelationPath['hops'][number];
type Message = Parameters<ReturnType<typeof useMessages<(typeof messages)['zh']>>>[0];

// A path hop follows any relationship the network draws except the flag to a list entry.
const HOP_TYPES = new Set<string>(allTypes.filter((type) => type !== 'FLAGGED'));

export interface PathsPanelProps {
  parties: readonly string[];
  relations: Relations | undefined;
  loading: boolean;
  error: Error | null;
  onClear: () => void;
}

export function PathsPanel({ parties, relations, loading, error, onClear }: PathsPanelProps) {
  const m = useMessages(messages);
  const v = useMessages(vocabulary);
  const typeName = (type: string) => (HOP_TYPES.has(type) || type === 'FLAGGED' ? v(`type.${type as RelationType}`) : type);

  /** The hop as a sentence, stated the way its relationship points (the holder holds, the officer serves). */
  const explain = (hop: Hop): string => {
    const [a, b] = hop.direction === 'FORWARD' ? [hop.from.name, hop.to.name] : [hop.to.name, hop.from.name];
    if (hop.relationship === 'HOLDS_SHARES') {
      return hop.ratio == null ? m('hop.HOLDS_SHARES.unknown', { a, b }) : m('hop.HOLDS_SHARES', { a, b, ratio: formatPercent(hop.ratio) });
    }
    if (hop.relationship === 'OFFICER_OF') return m('hop.OFFICER_OF', { a, b, role: hop.role ?? m('officerDefault') });
    if (HOP_TYPES.has(hop.relationship)) return m(`hop.${hop.relationship}` as Message, { a, b });
    return m('hop.other', { a, b, type: hop.relationship });
  };

  const pathList = (list: readonly RelationPath[]) => (
    <List
      size="small"
      dataSource={[...list]}
      locale={{ emptyText: m('paths.noPath') }}
      renderItem={(path, index) => (
        <List.Item data-testid="path">
          <div>
            <Typography.Text strong>{m('paths.path', { n: index + 1, hops: path.length })}</Typography.Text>
            <ol className="path-hops">
              {path.hops.map((hop, i) => (
                <li key={i} data-testid="path-hop">
                  {explain(hop)}
                  {hop.alsoLinkedBy.length > 0 && (
                    <Typography.Text type="secondary"> （{m('paths.also', { types: hop.alsoLinkedBy.map(typeName).join('、') })}）</Typography.Text>
                  )}
                </li>
              ))}
            </ol>
          </div>
        </List.Item>
      )}
    />
  );

  const scope = (exhaustive: boolean, limits: readonly string[]) =>
    exhaustive ? (
      <Alert type="success" showIcon title={m('paths.exhaustive')} data-testid="paths-exhaustive" />
    ) : (
      <Alert type="warning" showIcon title={m('paths.limited', { limits: limits.join(', ') })} data-testid="paths-limited" />
    );

  if (parties.length < 2) return <Empty description={m('paths.none')} />;
  if (error) return <Alert type="error" showIcon title={m('error', { message: error.message })} />;
  if (!relations) return <Spin description={m('paths.loading')}>{<div className="paths-spin" />}</Spin>;

  return (
    <div className="paths-panel" data-testid="paths-panel">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <Button size="small" onClick={onClear} data-testid="clear-paths">
            {m('clearPaths')}
          </Button>
          {loading && <Spin size="small" />}
        </Space>
        {scope(relations.exhaustive, relations.limitsHit)}
        {relations.connection && (
          <Card size="small" title={m('paths.connection')}>
            {relations.connection.apart.length > 0 && (
              <Alert type="info" title={m('paths.apart', { names: relations.connection.apart.map((p) => p.name).join('、') })} />
            )}
            {pathList(relations.connection.paths)}
          </Card>
        )}
        {relations.pairs.map((pair) => (
          <Card
            key={`${pair.from.key}|${pair.to.key}`}
            size="small"
            title={m('paths.pair', { a: pair.from.name, b: pair.to.name })}
            extra={m('paths.count', { n: pair.paths.length })}
            data-testid="path-pair"
          >
            {pathList(pair.paths)}
            {!pair.exhaustive && <Typography.Text type="warning">{m('paths.limited', { limits: pair.limitsHit.join(', ') })}</Typography.Text>}
            {pair.hubsSkipped.length > 0 && (
              <Typography.Paragraph type="secondary">
                {m('paths.hubs', { hubs: pair.hubsSkipped.map((h) => `${h.entity.name}（${h.relationships}）`).join('、') })}
              </Typography.Paragraph>
            )}
          </Card>
        ))}
      </Space>
    </div>
  );
}
