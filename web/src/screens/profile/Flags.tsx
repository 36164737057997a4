import { Alert, Space, Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import { formatDate, formatMoneyWan } from '../../format.ts';
import { useI18n, useMessages } from '../../i18n.ts';
import { profileMessages } from './messages.ts';
import { MoneyText } from './parts.tsx';
import type { Flag, Profile } from './profileTypes.ts';
import { SourceButton } from './Source.tsx';

/** How many flags the banner names one by one; the rest are counted and in the tab. */
const BANNER_FLAGS = 5;

/** The list type as the vocabulary names it, the spelling of the source on hover when it differs. */
function ListTypeText({ flag }: { flag: Flag }) {
  return flag.listTypeText && flag.listTypeText !== flag.listType ? (
    <Tooltip title={flag.listTypeText}>
      <span className="profile-sourced">{flag.listType}</span>
    </Tooltip>
  ) : (
    <span>{flag.listType}</span>
  );
}

/**
 * A flagged entity is unmistakable: a red banner above everything, naming each list or case with
 * its case number, agency and source, and the rows it comes from.
 */
export function FlagBanner({ profile }: { profile: Profile }) {
  const m = useMessages(profileMessages);
  const { lang } = useI18n();
  const { flags } = profile;
  if (flags.total === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      className="profile-flag-banner"
      data-testid="flag-banner"
      title={<strong>{m('flaggedTitle', { kind: m(`kind.${profile.kind}`), n: flags.total })}</strong>}
      description={
        <ul className="profile-flag-list">
          {flags.nodes.slice(0, BANNER_FLAGS).map((f) => (
            <li key={f.key} data-testid="flag-item">
              <Space size={[8, 0]} wrap>
                <Typography.Text strong>
                  <ListTypeText flag={f} />
                </Typography.Text>
                {f.caseNo && <span>{m('flagCase', { caseNo: f.caseNo })}</span>}
                {f.filedOn && <span>{m('flagFiled', { date: formatDate(f.filedOn) })}</span>}
                {f.amount && <span title={f.amount.text}>{m('flagAmount', { amount: formatMoneyWan(f.amount.amountWan, f.amount.currency, lang) })}</span>}
                {f.victims != null && <span>{m('flagVictims', { n: f.victims })}</span>}
                {f.issuer && <span>{m('flagIssuer', { issuer: f.issuer })}</span>}
                {f.source && <span>{m('flagSource', { source: f.source })}</span>}
                <SourceButton provenance={f.provenance} label={f.caseNo ?? f.listType} />
              </Space>
            </li>
          ))}
          {flags.total > BANNER_FLAGS && <li>{m('flagsMore', { n: flags.total - BANNER_FLAGS })}</li>}
        </ul>
      }
    />
  );
}

/** Every list and case with all it says, newest filed first. */
export function FlagsTable({ flags, total }: { flags: readonly Flag[]; total: number }) {
  const m = useMessages(profileMessages);
  const columns: TableColumnsType<Flag> = [
    { key: 'type', title: m('listType'), render: (_, f) => <ListTypeText flag={f} /> },
    { key: 'caseNo', title: m('caseNo'), render: (_, f) => f.caseNo ?? m('none') },
    { key: 'name', title: m('flagName'), render: (_, f) => f.name ?? m('none') },
    { key: 'issuer', title: m('issuer'), render: (_, f) => f.issuer ?? m('none') },
    { key: 'filedOn', title: m('filedOn'), sorter: (a, b) => (a.filedOn ?? '').localeCompare(b.filedOn ?? ''), render: (_, f) => formatDate(f.filedOn) || m('none') },
    { key: 'amount', title: m('amount'), align: 'right', sorter: (a, b) => (a.amount?.amountWan ?? -1) - (b.amount?.amountWan ?? -1), render: (_, f) => <MoneyText money={f.amount} /> },
    { key: 'victims', title: m('victims'), align: 'right', sorter: (a, b) => (a.victims ?? -1) - (b.victims ?? -1), render: (_, f) => f.victims ?? m('none') },
    { key: 'source', title: m('flagSourceCol'), render: (_, f) => f.source ?? m('none') },
    { key: 'note', title: m('note'), render: (_, f) => f.note ?? m('none') },
    { key: 'provenance', title: m('source'), width: 80, render: (_, f) => <SourceButton provenance={f.provenance} label={f.caseNo ?? f.listType} /> },
  ];
  return (
    <div data-testid="flags">
      {flags.length < total && <Typography.Paragraph type="secondary">{m('listCapped', { shown: flags.length, total })}</Typography.Paragraph>}
      <Table<Flag> size="small" rowKey={(f) => f.key} columns={columns} dataSource={flags} pagination={false} locale={{ emptyText: m('empty') }} />
    </div>
  );
}
