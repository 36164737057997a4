// Why one finding holds: its chains (who holds, controls or represents whom, with the ratios as
// registered and as computed, and each chain's product), the listings with their case figures, the
// rule applied and the limits hit. Shown beside the network, which highlights the same chains.

import { Alert, Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { formatDate, formatMoneyWan, formatPercent } from '../../format.ts';
import { useI18n, useMessages } from '../../i18n.ts';
import type { Chain, EvidenceEdge } from '../../api/evidence.ts';
import { chainLinks, readEvidence } from './evidence.ts';
import type { Row } from './AnalysisResults.tsx';
import { analysesMessages, type AnalysesMessageKey } from './messages.ts';

type FactValue = string | number | boolean | null | string[];

/** A limit the search hit (analyses/envelope.ts), as a reader understands it. */
export function useLimitText() {
  const m = useMessages(analysesMessages);
  return (limit: string) => {
    if (limit.startsWith('fanOut:')) return m('limit.fanOut', { key: limit.slice('fanOut:'.length) });
    const key = `limit.${limit}` as AnalysesMessageKey;
    return key in analysesMessages.zh ? m(key) : limit;
  };
}

interface Props {
  row: Row;
  rule: string | null;
  scoreText: string;
  factLabel: (name: string) => string;
  factText: (name: string, value: FactValue) => string;
  typeLabel: (type: string) => string;
  onClose: () => void;
}

export function EvidencePanel({ row, rule, scoreText, factLabel, factText, typeLabel, onClose }: Props) {
  const m = useMessages(analysesMessages);
  const limitText = useLimitText();
  const evidence = readEvidence(row.finding.evidence);
  const facts = Object.entries(row.facts).filter(([, v]) => v !== null && !(Array.isArray(v) && v.length === 0));
  return (
    <Card
      size="small"
      className="analyses-evidence"
      data-testid="finding-evidence"
      data-finding-key={row.key}
      title={m('evidenceTitle', { name: row.finding.subject.name })}
      extra={
        <Button size="small" type="text" onClick={onClose} data-testid="finding-evidence-close">
          {m('evidenceClose')}
        </Button>
      }
    >
      {!row.finding.exhaustive && (
        <Alert type="warning" showIcon title={m('limitsOfFinding', { limits: row.finding.limitsHit.map(limitText).join('；') })} />
      )}
      {evidence.chains.length === 0 ? (
        <Typography.Paragraph type="secondary">{m('evidenceNone')}</Typography.Paragraph>
      ) : (
        <ol className="analyses-chains" data-testid="finding-chains">
          {evidence.chains.map((chain, i) => (
            <ChainView key={i} chain={chain} typeLabel={typeLabel} />
          ))}
        </ol>
      )}
      <Descriptions size="small" column={1} bordered className="analyses-evidence-facts">
        {scoreText && <Descriptions.Item label={m('col.score')}>{scoreText}</Descriptions.Item>}
        {rule && (
          <Descriptions.Item label={m('rule')}>
            <span data-testid="finding-rule">{rule}</span>
          </Descriptions.Item>
        )}
        {facts.map(([name, value]) => (
          <Descriptions.Item key={name} label={factLabel(name)}>
            {factText(name, value)}
          </Descriptions.Item>
        ))}
      </Descriptions>
      {!evidence.chainsComplete && <Typography.Paragraph type="secondary">{m('chainsIncomplete')}</Typography.Paragraph>}
      {evidence.subgraph && <Typography.Paragraph type="secondary">{m('subgraph', { n: evidence.subgraph.edges.length })}</Typography.Paragraph>}
    </Card>
  );
}

function ChainView({ chain, typeLabel }: { chain: Chain; typeLabel: (type: string) => string }) {
  const m = useMessages(analysesMessages);
  const kindKey = `chain.${chain.kind}` as AnalysesMessageKey;
  const links = chainLinks(chain);
  return (
    <li className="analyses-chain" data-testid="finding-chain" data-kind={chain.kind}>
      <Space size={4} wrap>
        <Tag color={chain.kind === 'listing' ? 'red' : chain.kind === 'sameAs' ? 'default' : 'blue'}>{kindKey in analysesMessages.zh ? m(kindKey) : chain.kind}</Tag>
        {chain.kind === 'ownership' && (
          <Typography.Text strong data-testid="chain-product">
            {chain.product == null ? m('productUnknown') : m('product', { percent: formatPercent(chain.product) })}
          </Typography.Text>
        )}
      </Space>
      <div className="analyses-chain-path">
        {chain.path.map((entity, i) => {
          const edge = chain.edges[i];
          const link = links[i];
          const backwards = link && chain.path[i] && link.source !== chain.path[i]!.key;
          return (
            <span key={`${entity.key}-${i}`}>
              <span className="analyses-entity" title={entity.key}>
                {entity.name}
              </span>
              {edge && (
                <span className="analyses-edge" data-testid="chain-edge" data-type={edge.type}>
                  {backwards ? ' ←' : ' —'}
                  {edgeText(edge, typeLabel, m)}
                  {backwards ? '— ' : '→ '}
                </span>
              )}
            </span>
          );
        })}
      </div>
      {chain.edges.map((edge, i) => (edge.details || edge.note || edge.basisText ? <EdgeDetails key={i} edge={edge} /> : null))}
    </li>
  );
}

function edgeText(edge: EvidenceEdge, typeLabel: (type: string) => string, m: (key: AnalysesMessageKey, params?: Record<string, string | number>) => string): string {
  const parts = [edge.type === 'OFFICER_OF' && edge.role ? edge.role : typeLabel(edge.type)];
  if (edge.ratio != null) parts.push(formatPercent(edge.ratio));
  if (edge.adjustedRatio != null && edge.adjustedRatio !== edge.ratio) parts.push(`(${m('adjusted', { percent: formatPercent(edge.adjustedRatio) })})`);
  if (edge.type !== 'OFFICER_OF' && edge.role) parts.push(edge.role);
  if (edge.basis) parts.push(edge.basis);
  return ` ${parts.join(' ')} `;
}

/** A listing's case figures, a control agreement's wording, a ratio's adjustment: as the data has them. */
function EdgeDetails({ edge }: { edge: EvidenceEdge }) {
  const m = useMessages(analysesMessages);
  const { lang } = useI18n();
  const details = edge.details ?? {};
  const entries = Object.entries(details).filter(([name, v]) => v !== null && v !== '' && name !== 'reversed' && name !== 'currency');
  const label = (name: string) => {
    const key = `detail.${name}` as AnalysesMessageKey;
    return key in analysesMessages.zh ? m(key) : name;
  };
  const value = (name: string, v: string | number | boolean | string[]) => {
    if (Array.isArray(v)) return v.join('、');
    if (name === 'amountWan' && typeof v === 'number') return formatMoneyWan(v, typeof details.currency === 'string' ? details.currency : 'CNY', lang);
    if (/On$/.test(name)) return formatDate(String(v));
    return String(v);
  };
  const text = entries.map(([name, v]) => `${label(name)}：${value(name, v!)}`);
  if (edge.basisText) text.push(edge.basisText);
  if (edge.note) text.push(edge.note);
  if (edge.validFrom || edge.validTo) text.push(`${formatDate(edge.validFrom) || '…'} – ${formatDate(edge.validTo) || '…'}`);
  if (text.length === 0) return null;
  return <div className="analyses-edge-details">{text.join(' · ')}</div>;
}
