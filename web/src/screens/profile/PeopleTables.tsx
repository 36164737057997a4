import { Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { formatDate } from '../../format.ts';
import { useMessages } from '../../i18n.ts';
import { profileMessages } from './messages.ts';
import { EntityLink, IdentifierText } from './parts.tsx';
import { mergeProvenance, type Officer, type Position, type Role } from './profileTypes.ts';
import { SourceButton } from './Source.tsx';

/** Every role of one line, the legal representative first and marked; an ended role greyed with its dates. */
function RoleTags({ roles }: { roles: readonly Role[] }) {
  const m = useMessages(profileMessages);
  return (
    <Space size={[4, 4]} wrap>
      {roles.map((r, i) => {
        const dates = [r.validFrom && formatDate(r.validFrom), r.validTo && formatDate(r.validTo)].filter(Boolean).join(' ~ ');
        const tag = (
          <Tag key={`${r.role}-${i}`} color={r.validTo ? undefined : r.legalRepresentative ? 'gold' : 'blue'} className={r.validTo ? 'profile-role-ended' : undefined} data-testid="role-tag">
            {r.role}
            {r.validTo ? `（${m('endedRole')}）` : ''}
          </Tag>
        );
        return dates ? (
          <Tooltip key={`${r.role}-${i}`} title={dates}>
            {tag}
          </Tooltip>
        ) : (
          tag
        );
      })}
    </Space>
  );
}

const current = (roles: readonly Role[]) => (roles.some((r) => !r.validTo) ? 1 : 0);

/** A firm's people, one line a person with every role. */
export function OfficersTable({ officers, total }: { officers: readonly Officer[]; total: number }) {
  const m = useMessages(profileMessages);
  const columns: TableColumnsType<Officer> = [
    {
      key: 'person',
      title: m('person'),
      sorter: (a, b) => a.person.name.localeCompare(b.person.name, 'zh-CN'),
      render: (_, o) => <EntityLink entity={o.person} />,
    },
    { key: 'id', title: m('idNumber'), render: (_, o) => <IdentifierText entity={o.person} /> },
    { key: 'roles', title: m('roles'), sorter: (a, b) => current(a.roles) - current(b.roles), render: (_, o) => <RoleTags roles={o.roles} /> },
    { key: 'source', title: m('source'), width: 80, render: (_, o) => <SourceButton provenance={mergeProvenance(o.roles.map((r) => r.provenance))} label={o.person.name} /> },
  ];
  return (
    <div data-testid="officers">
      <Typography.Paragraph type="secondary">
        {m('officersTotal', { n: total })}
        {officers.length < total && ` ${m('listCapped', { shown: officers.length, total })}`}
      </Typography.Paragraph>
      <Table<Officer> size="small" rowKey={(o) => o.person.key} columns={columns} dataSource={officers} pagination={false} locale={{ emptyText: m('empty') }} />
    </div>
  );
}

/** A person's firms, one line a firm with every role held there. */
export function PositionsTable({ positions, total }: { positions: readonly Position[]; total: number }) {
  const m = useMessages(profileMessages);
  const columns: TableColumnsType<Position> = [
    {
      key: 'firm',
      title: m('firm'),
      sorter: (a, b) => a.firm.name.localeCompare(b.firm.name, 'zh-CN'),
      render: (_, p) => <EntityLink entity={p.firm} />,
    },
    { key: 'code', title: m('uscc'), render: (_, p) => <IdentifierText entity={p.firm} /> },
    { key: 'roles', title: m('roles'), sorter: (a, b) => current(a.roles) - current(b.roles), render: (_, p) => <RoleTags roles={p.roles} /> },
    { key: 'source', title: m('source'), width: 80, render: (_, p) => <SourceButton provenance={mergeProvenance(p.roles.map((r) => r.provenance))} label={p.firm.name} /> },
  ];
  return (
    <div data-testid="positions">
      <Typography.Paragraph type="secondary">
        {m('positionsTotal', { n: total })}
        {positions.length < total && ` ${m('listCapped', { shown: positions.length, total })}`}
      </Typography.Paragraph>
      <Table<Position> size="small" rowKey={(p) => p.firm.key} columns={columns} dataSource={positions} pagination={false} locale={{ emptyText: m('empty') }} />
    </div>
  );
}
