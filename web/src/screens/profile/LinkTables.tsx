import { Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useMessages } from '../../i18n.ts';
import { profileMessages } from './messages.ts';
import { EntityLink, IdentifierText, messageOr, PeriodText } from './parts.tsx';
import { mergeProvenance, type Contact, type FirmLink, type Membership } from './profileTypes.ts';
import { SourceButton } from './Source.tsx';

/** A firm's branches (分支机构), by name. */
export function BranchesTable({ branches, total }: { branches: readonly FirmLink[]; total: number }) {
  const m = useMessages(profileMessages);
  const columns: TableColumnsType<FirmLink> = [
    { key: 'firm', title: m('branch'), sorter: (a, b) => a.firm.name.localeCompare(b.firm.name, 'zh-CN'), render: (_, b) => <EntityLink entity={b.firm} /> },
    { key: 'code', title: m('uscc'), render: (_, b) => <IdentifierText entity={b.firm} /> },
    { key: 'address', title: m('premises'), render: (_, b) => b.firm.address ?? m('none') },
    { key: 'period', title: m('period'), render: (_, b) => <PeriodText validFrom={b.validFrom} validTo={b.validTo} /> },
    { key: 'source', title: m('source'), width: 80, render: (_, b) => <SourceButton provenance={b.provenance} label={b.firm.name} /> },
  ];
  return (
    <div data-testid="branches">
      {branches.length < total && <Typography.Paragraph type="secondary">{m('listCapped', { shown: branches.length, total })}</Typography.Paragraph>}
      <Table<FirmLink> size="small" rowKey={(b) => b.firm.key} columns={columns} dataSource={branches} pagination={false} locale={{ emptyText: m('empty') }} />
    </div>
  );
}

/** Memberships of trading venues: the venues a firm belongs to, or a venue's members and agents. */
export function MembershipsTable({ memberships, side }: { memberships: readonly Membership[]; side: 'venues' | 'members' }) {
  const m = useMessages(profileMessages);
  const columns: TableColumnsType<Membership> = [
    {
      key: 'firm',
      title: side === 'venues' ? m('venue') : m('firm'),
      sorter: (a, b) => a.firm.name.localeCompare(b.firm.name, 'zh-CN'),
      render: (_, v) => <EntityLink entity={v.firm} />,
    },
    {
      key: 'type',
      title: m('memberType'),
      sorter: (a, b) => a.memberType.localeCompare(b.memberType, 'zh-CN'),
      render: (_, v) =>
        v.memberTypeText && v.memberTypeText !== v.memberType ? (
          <Tooltip title={v.memberTypeText}>
            <Tag>{v.memberType}</Tag>
          </Tooltip>
        ) : (
          <Tag>{v.memberType}</Tag>
        ),
    },
    { key: 'no', title: m('memberNo'), render: (_, v) => v.memberNo ?? m('none') },
    { key: 'status', title: m('memberStatus'), render: (_, v) => v.status ?? m('none') },
    { key: 'period', title: m('period'), render: (_, v) => <PeriodText validFrom={v.validFrom} validTo={v.validTo} /> },
    { key: 'source', title: m('source'), width: 80, render: (_, v) => <SourceButton provenance={v.provenance} label={v.firm.name} /> },
  ];
  return (
    <Table<Membership>
      size="small"
      data-testid={side === 'venues' ? 'venue-memberships' : 'venue-members'}
      rowKey={(v) => `${v.firm.key}-${v.memberType}-${v.memberNo ?? ''}`}
      columns={columns}
      dataSource={memberships}
      pagination={false}
      locale={{ emptyText: m('empty') }}
    />
  );
}

/** Addresses, phones, e-mail addresses and websites, each with the other firms that share it. */
export function ContactsTable({ contacts }: { contacts: readonly Contact[] }) {
  const m = useMessages(profileMessages);
  const columns: TableColumnsType<Contact> = [
    {
      key: 'kind',
      title: m('contactKind'),
      width: 80,
      filters: (['ADDRESS', 'PHONE', 'EMAIL', 'WEBSITE'] as const).filter((k) => contacts.some((c) => c.kind === k)).map((k) => ({ text: m(`contact.${k}`), value: k })),
      onFilter: (value, c) => c.kind === value,
      render: (_, c) => <Tag>{m(`contact.${c.kind}`)}</Tag>,
    },
    { key: 'text', title: m('contactText'), render: (_, c) => <Typography.Text data-testid="contact-text">{c.text}</Typography.Text> },
    {
      key: 'relationship',
      title: m('contactRelationship'),
      render: (_, c) => (
        <Space size={[4, 4]} wrap>
          {c.links.map((l, i) => (
            <Tag key={`${l.relationship}-${i}`} className={l.validTo ? 'profile-role-ended' : undefined}>
              {messageOr(m, `rel.${l.relationship}`, l.relationship)}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      key: 'shared',
      title: m('sharedWith'),
      sorter: (a, b) => a.sharedTotal - b.sharedTotal,
      render: (_, c) =>
        c.sharedTotal === 0 ? (
          <Typography.Text type="secondary">{m('sharedNone')}</Typography.Text>
        ) : (
          <div data-testid="shared-with">
            <Space size={[8, 2]} wrap>
              {c.sharedWith.map((e) => (
                <EntityLink key={e.key} entity={e} />
              ))}
            </Space>
            {c.sharedTotal > c.sharedWith.length && <Typography.Text type="secondary"> {m('sharedMore', { n: c.sharedTotal })}</Typography.Text>}
          </div>
        ),
    },
    { key: 'source', title: m('source'), width: 80, render: (_, c) => <SourceButton provenance={mergeProvenance(c.links.map((l) => l.provenance))} label={c.text} /> },
  ];
  return (
    <Table<Contact>
      size="small"
      data-testid="contacts"
      rowKey={(c) => `${c.kind}-${c.key}`}
      columns={columns}
      dataSource={contacts}
      pagination={false}
      locale={{ emptyText: m('empty') }}
    />
  );
}
