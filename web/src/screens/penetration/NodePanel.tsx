// The side panel of the penetration chart: the facts of the node clicked, why it is marked, and
// where to go from it (its profile, a chart of its own, folding what lies beyond it).

import { Button, Card, Descriptions, Space, Tag, Tooltip, Typography } from 'antd';
import { ROOT_ID, type ChartModel, type ChartNodeData } from '../../graph/penetration/chartElements.ts';
import { formatPercent } from '../../format.ts';
import { useMessages } from '../../i18n.ts';
import { messages } from './messages.ts';

export interface NodePanelProps {
  node: ChartNodeData | null;
  model: ChartModel;
  onToggle: (id: string) => void;
  onProfile: (key: string) => void;
  onRecenter: (key: string) => void;
}

const RULE_KEYS = { threshold: 'rule_threshold', control: 'rule_control', 'senior-manager': 'rule_senior-manager' } as const;

export function NodePanel({ node, model, onToggle, onProfile, onRecenter }: NodePanelProps) {
  const m = useMessages(messages);
  if (!node) {
    return (
      <Card size="small" title={m('panelTitle')} data-testid="penetration-panel">
        <Typography.Text type="secondary">{m('panelNone')}</Typography.Text>
      </Card>
    );
  }
  const names = new Map(model.nodes.map((n) => [n.data.id, n.data.name]));
  const holdings = model.edges
    .filter((e) => !e.data.more && (e.data.source === node.id || e.data.target === node.id))
    .map((e) => {
      const percent = e.data.label;
      return e.data.source === node.id
        ? m('holdsIn', { name: names.get(e.data.target) ?? '', percent })
        : m('heldBy', { name: names.get(e.data.source) ?? '', percent });
    });
  const place =
    node.place === 'root' ? m('placeRoot') : m(node.place === 'up' ? 'placeUp' : 'placeDown', { n: node.level });
  const marks = [
    ...(node.beneficialOwner ? [m('beneficialOwner')] : []),
    ...(node.controller && node.place !== 'root' ? [m(node.place === 'up' ? 'controllerUp' : 'controllerDown')] : []),
  ];

  return (
    <Card size="small" title={m('panelTitle')} data-testid="penetration-panel">
      <Typography.Title level={2} className="penetration-panel-name" data-testid="penetration-panel-name">
        {node.name}
      </Typography.Title>
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={m(node.kind === 'PERSON' ? 'identifierPerson' : 'identifierCompany')}>{node.identifier ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={m('place')}>
          <Tag color={node.kind === 'PERSON' ? 'orange' : 'blue'}>{m(node.kind === 'PERSON' ? 'kind_PERSON' : 'kind_COMPANY')}</Tag>
          {place}
        </Descriptions.Item>
        {node.kind === 'COMPANY' && node.status && (
          <Descriptions.Item label={m('status')}>
            <Tag color={node.inactive ? 'default' : 'blue'}>{node.status}</Tag>
          </Descriptions.Item>
        )}
        {node.place !== 'root' && node.effectiveRatio != null && (
          <Descriptions.Item label={<Tooltip title={m('effectiveTitle')}>{m(node.place === 'up' ? 'effectiveUp' : 'effectiveDown')}</Tooltip>}>
            <strong data-testid="penetration-panel-effective">{formatPercent(node.effectiveRatio)}</strong>
          </Descriptions.Item>
        )}
        {holdings.length > 0 && (
          <Descriptions.Item label={m('directHoldings')}>
            {holdings.map((line) => (
              <div key={line}>{line}</div>
            ))}
          </Descriptions.Item>
        )}
        {node.place !== 'root' && (
          <Descriptions.Item label={m('marks')}>
            {marks.length === 0 ? (
              <Typography.Text type="secondary">{m('marksNone')}</Typography.Text>
            ) : (
              <Space direction="vertical" size={2} data-testid="penetration-panel-marks">
                <Space wrap size={4}>
                  {marks.map((mark) => (
                    <Tag key={mark} color={mark === m('beneficialOwner') ? 'red' : 'purple'}>
                      {mark}
                    </Tag>
                  ))}
                </Space>
                {node.rulesMet.length > 0 && (
                  <span data-testid="penetration-panel-rules">
                    {m('rulesMet', { rules: node.rulesMet.map((r) => (r in RULE_KEYS ? m(RULE_KEYS[r as keyof typeof RULE_KEYS]) : r)).join(' / ') })}
                  </span>
                )}
                {node.ruleSet && (
                  <span>
                    {m('ruleSet')}
                    <Tag>{node.ruleSet}</Tag>
                  </span>
                )}
              </Space>
            )}
          </Descriptions.Item>
        )}
      </Descriptions>
      {node.cutHolders > 0 && <Typography.Paragraph type="secondary">{m('cutHere', { n: node.cutHolders })}</Typography.Paragraph>}
      {!node.holdersComplete && <Typography.Paragraph type="warning">{m('holdersIncomplete')}</Typography.Paragraph>}
      <Space wrap className="penetration-panel-actions">
        <Button size="small" data-testid="penetration-open-profile" onClick={() => onProfile(node.key)}>
          {m('openProfile')}
        </Button>
        {node.kind === 'COMPANY' && node.id !== ROOT_ID && (
          <Button size="small" type="primary" data-testid="penetration-recenter" onClick={() => onRecenter(node.key)}>
            {m('recenter')}
          </Button>
        )}
        {node.id !== ROOT_ID && (
          <Button size="small" data-testid="penetration-toggle" onClick={() => onToggle(node.id)}>
            {m(node.collapsed ? 'expand' : 'collapse')}
          </Button>
        )}
      </Space>
    </Card>
  );
}
