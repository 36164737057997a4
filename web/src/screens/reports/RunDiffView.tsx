import { FileSearchOutlined } from '@ant-design/icons';
import { Button, Empty, List, Tag, Tooltip, Typography } from 'antd';
import type { ReportRunDiffFieldsFragment } from '../../api/generated.ts';
import { inLanguage, useI18n, useMessages } from '../../i18n.ts';
import { reportsMessages } from './messages.ts';
import { changeFigure, changeFirm } from './reportText.ts';
import { EntityName } from './RunFindings.tsx';

type Change = ReportRunDiffFieldsFragment['changedFindings'][number]['changes'][number];

/** One change: its kind, the server's sentence, and the figures before and after (a share as a percentage). */
function ChangeLine({ change, names }: { change: Change; names: ReadonlyMap<string, string> }) {
  const m = useMessages(reportsMessages);
  const { lang } = useI18n();
  const firm = changeFirm(change.code, change.field, names);
  const shown = change.before !== null || change.after !== null;
  return (
    <div className="reports-change" data-testid="diff-change" data-code={change.code}>
      <Tag color={change.code.startsWith('CONTROL') || change.code === 'NEWLY_FLAGGED' ? 'red' : 'blue'}>{m(`change.${change.code}`)}</Tag>
      <span title={change.text}>{inLanguage(change.text, lang)}</span>
      {shown && (
        <span className="reports-change-figures">
          {firm && (
            <span>
              {m('change.firm')}：<span data-testid="diff-firm">{firm}</span>；
            </span>
          )}
          {m('diff.before')} <span className="reports-change-before" data-testid="diff-before">{changeFigure(change.code, change.before)}</span> → {m('diff.after')}{' '}
          <span className="reports-change-after" data-testid="diff-after">
            {changeFigure(change.code, change.after)}
          </span>
        </span>
      )}
    </div>
  );
}

/**
 * What changed from one run to another: new, gone and changed findings, and for each changed one
 * what changed (a share across 25% or 50% with the firm and both figures, a firm newly flagged …).
 * A finding of this run opens its evidence; a gone one is only named (its evidence is in the other run).
 */
export function RunDiffView({
  diff,
  againstNumber,
  names,
  linked,
  onEvidence,
}: {
  diff: ReportRunDiffFieldsFragment;
  againstNumber: number | null;
  names: ReadonlyMap<string, string>;
  linked: boolean;
  onEvidence: (key: string) => void;
}) {
  const m = useMessages(reportsMessages);
  const nothing = diff.newFindings.length === 0 && diff.goneFindings.length === 0 && diff.changedFindings.length === 0;
  const evidenceButton = (key: string) => (
    <Tooltip title={m('finding.evidence')}>
      <Button size="small" type="text" icon={<FileSearchOutlined />} aria-label={m('finding.evidence')} onClick={() => onEvidence(key)} data-testid="diff-evidence" />
    </Tooltip>
  );
  return (
    <div data-testid="run-diff" data-from-run={diff.fromRunId} data-to-run={diff.toRunId}>
      <Typography.Paragraph data-testid="diff-summary">
        {m('diffSummary', {
          n: againstNumber ?? '?',
          new: diff.newFindings.length,
          gone: diff.goneFindings.length,
          changed: diff.changedFindings.length,
          same: diff.unchangedCount,
        })}
        {diff.resolvedAliases.length > 0 && <span className="reports-muted"> {m('diff.aliases', { n: diff.resolvedAliases.length })}</span>}
      </Typography.Paragraph>
      {nothing && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={m('diffNothing')} />}
      {diff.changedFindings.length > 0 && (
        <List
          size="small"
          header={<strong>{m('diff.changed')}</strong>}
          dataSource={diff.changedFindings}
          renderItem={(item) => (
            <List.Item data-testid="diff-changed" data-key={item.subject.key} extra={evidenceButton(item.subject.key)}>
              <div>
                <strong>
                  <EntityName entity={item.subject} linked={linked} />
                </strong>
                {item.changes.map((change, i) => (
                  <ChangeLine key={i} change={change} names={names} />
                ))}
              </div>
            </List.Item>
          )}
        />
      )}
      {diff.newFindings.length > 0 && (
        <List
          size="small"
          header={<strong>{m('diff.new')}</strong>}
          dataSource={diff.newFindings}
          renderItem={(subject) => (
            <List.Item data-testid="diff-new" data-key={subject.key} extra={evidenceButton(subject.key)}>
              <Tag color="green">{m('diff.new')}</Tag>
              <EntityName entity={subject} linked={linked} />
            </List.Item>
          )}
        />
      )}
      {diff.goneFindings.length > 0 && (
        <List
          size="small"
          header={<strong>{m('diff.gone')}</strong>}
          dataSource={diff.goneFindings}
          renderItem={(subject) => (
            <List.Item data-testid="diff-gone" data-key={subject.key}>
              <Tag>{m('diff.gone')}</Tag>
              <EntityName entity={subject} linked={linked} />
            </List.Item>
          )}
        />
      )}
    </div>
  );
}
