import { FileSearchOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { Fragment, type HTMLAttributes } from 'react';
import { Link } from 'react-router';
import { formatDate, formatPercent } from '../../format.ts';
import { useFactLabel } from '../../findings/factLabels.ts';
import { useMessages } from '../../i18n.ts';
import { paths } from '../../paths.ts';
import { reportsMessages, type ReportsMessage } from './messages.ts';
import type { Chain, EntityRef, EvidenceEdge } from '../../api/evidence.ts';
import type { FactValue, Finding } from './runDocument.ts';

/** A fact as one cell: ratios as percentages, lists joined. */
export function factText(name: string, value: FactValue): string {
  if (value === null) return '—';
  if (Array.isArray(value)) return value.join('、');
  if (typeof value === 'number' && /Ratio$|Share$|^ratio$|^share$/.test(name)) return formatPercent(value);
  if (typeof value === 'boolean') return value ? '✓' : '✗';
  return String(value);
}

/**
 * A finding's figures in one line, as the table shows them (clamped; the whole line on hover):
 * the lists of keys the names already stand for, and the same-person hints, are left to the evidence.
 */
function factsLine(f: Finding, factLabel: (name: string) => string): string {
  return Object.entries(f.facts)
    .filter(([name, v]) => v !== null && !(Array.isArray(v) && v.length === 0) && !/Keys$/.test(name) && name !== 'sameAsHints')
    .map(([name, value]) => `${factLabel(name)}: ${factText(name, value)}`)
    .join(' · ');
}

/** A firm or person named in evidence: its profile a click away, for those who may open profiles. */
export function EntityName({ entity, linked }: { entity: EntityRef; linked: boolean }) {
  if (linked && (entity.kind === 'COMPANY' || entity.kind === 'PERSON')) {
    return (
      <Link to={paths.entity(entity.key)} title={entity.key}>
        {entity.name}
      </Link>
    );
  }
  return <span title={entity.kind === 'PERSON' ? undefined : entity.key}>{entity.name}</span>;
}

function edgeText(edge: EvidenceEdge): string {
  const parts = [edge.type];
  if (typeof edge.ratio === 'number') parts.push(formatPercent(edge.ratio));
  if (typeof edge.adjustedRatio === 'number' && edge.adjustedRatio !== edge.ratio) parts.push(`→ ${formatPercent(edge.adjustedRatio)}`);
  if (edge.role) parts.push(edge.role);
  if (edge.basisText) parts.push(edge.basisText);
  if (edge.validTo) parts.push(`–${formatDate(edge.validTo)}`);
  return parts.join(' ');
}

function ChainView({ chain, linked }: { chain: Chain; linked: boolean }) {
  const m = useMessages(reportsMessages);
  return (
    <div className="reports-chain" data-testid="evidence-chain" data-kind={chain.kind}>
      <Tag>{m(`chain.${chain.kind}` as ReportsMessage)}</Tag>
      {chain.product !== null && <Tag color="geekblue">{m('chain.product', { ratio: formatPercent(chain.product) })}</Tag>}
      <div className="reports-chain-path">
        {chain.path.map((entity, i) => (
          <Fragment key={`${entity.key}-${i}`}>
            {i > 0 && (
              <span className="reports-chain-edge" title={chain.edges[i - 1]?.note}>
                —{chain.edges[i - 1] ? edgeText(chain.edges[i - 1]!) : ''}→
              </span>
            )}
            <EntityName entity={entity} linked={linked} />
          </Fragment>
        ))}
      </div>
    </div>
  );
}

/** One finding's evidence, as the run stored it: each chain entity by entity, with its figures. */
export function EvidenceModal({ finding, linked, onClose }: { finding: Finding | null; linked: boolean; onClose: () => void }) {
  const m = useMessages(reportsMessages);
  return (
    <Modal open={finding != null} onCancel={onClose} footer={null} width={820} title={finding ? m('evidenceTitle', { name: finding.subject.name }) : ''} destroyOnHidden>
      {finding && (
        <div data-testid="evidence" data-finding-key={finding.subject.key}>
          {!finding.exhaustive && <Alert type="warning" showIcon title={m('notExhaustiveHint')} description={m('finding.limits', { limits: finding.limitsHit.join(', ') })} />}
          {!finding.evidence.chainsComplete && <Typography.Paragraph type="secondary">{m('chainsIncomplete')}</Typography.Paragraph>}
          {finding.evidence.chains.map((chain, i) => (
            <ChainView key={i} chain={chain} linked={linked} />
          ))}
        </div>
      )}
    </Modal>
  );
}

/** The findings of a run, as it stored them, each with its evidence one click away. */
export function FindingsTable({ findings, linked, onEvidence }: { findings: Finding[]; linked: boolean; onEvidence: (finding: Finding) => void }) {
  const m = useMessages(reportsMessages);
  const factLabel = useFactLabel();
  const columns: TableColumnsType<Finding> = [
    { title: '#', key: 'rank', width: 48, render: (_, __, i) => i + 1 },
    { title: m('finding.subject'), key: 'subject', width: 260, render: (_, f) => <EntityName entity={f.subject} linked={linked} /> },
    { title: m('finding.score'), key: 'score', width: 90, align: 'right', render: (_, f) => (f.score === null ? '—' : Math.round(f.score * 10000) / 10000) },
    {
      title: m('finding.facts'),
      key: 'facts',
      render: (_, f) => {
        const text = factsLine(f, factLabel);
        return (
          <span className="reports-facts">
            <span className="reports-facts-text" title={text}>
              {text}
            </span>
            {!f.exhaustive && (
            <Tag color="orange" className="reports-limit-tag">
              {m('finding.limits', { limits: f.limitsHit.join(', ') })}
              </Tag>
            )}
          </span>
        );
      },
    },
    {
      title: m('finding.evidence'),
      key: 'evidence',
      width: 90,
      render: (_, f) => (
        <Button size="small" icon={<FileSearchOutlined />} onClick={() => onEvidence(f)} data-testid="finding-evidence">
          {f.evidence.chains.length}
        </Button>
      ),
    },
  ];
  return (
    <Table<Finding>
      rowKey={(f, i) => `${f.subject.kind}:${f.subject.key}:${i}`}
      size="small"
      columns={columns}
      dataSource={findings}
      pagination={findings.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      onRow={(f) => ({ 'data-testid': 'run-finding', 'data-finding-key': f.subject.key }) as HTMLAttributes<HTMLElement>}
    />
  );
}
