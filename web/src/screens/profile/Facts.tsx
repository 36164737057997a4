import { Card, Descriptions, Space, Table, Tag, Tooltip, Typography, type DescriptionsProps, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { formatDate } from '../../format.ts';
import { useMessages } from '../../i18n.ts';
import { profileMessages } from './messages.ts';
import { EntityLink, IdentifierText, MoneyText, StatusTag } from './parts.tsx';
import type { Identity, PriorValue, Profile, Registration } from './profileTypes.ts';
import { SourceButton } from './Source.tsx';

type Item = NonNullable<DescriptionsProps['items']>[number];

/** A line of the facts only when the registry gave the fact: an empty line says nothing a clerk can use. */
function item(key: string, label: string, value: ReactNode | null | undefined, span?: number): Item[] {
  return value == null || value === '' ? [] : [{ key, label, children: value, span }];
}

/** The facts of the entity: registration (a firm) or identity (a person), what later sources replaced, merged keys. */
export function Facts({ profile }: { profile: Profile }) {
  const m = useMessages(profileMessages);
  return (
    <Space orientation="vertical" size="middle" className="profile-block" data-testid="facts">
      {profile.registration && <RegistrationCard profile={profile} registration={profile.registration} />}
      {profile.identity && <IdentityCard profile={profile} identity={profile.identity} />}
      {profile.priorValues.nodes.length > 0 && (
        <Card size="small" title={m('priorValues')} data-testid="prior-values">
          <PriorValuesTable values={profile.priorValues.nodes} />
        </Card>
      )}
      {profile.aliases.length > 0 && (
        <Card size="small" title={m('aliases')} data-testid="aliases">
          <Space size={[4, 4]} wrap>
            {profile.aliases.map((a) => (
              <Tag key={a}>{a}</Tag>
            ))}
          </Space>
        </Card>
      )}
    </Space>
  );
}

function RegistrationCard({ profile, registration: r }: { profile: Profile; registration: Registration }) {
  const m = useMessages(profileMessages);
  const legalRep = profile.legalRepresentative;
  const items: Item[] = [
    ...item('name', m('name'), r.name),
    ...item('uscc', m('uscc'), r.uscc),
    ...item('regNo', m('regNo'), r.registrationNumber),
    ...item('status', m('status'), r.status && <StatusTag status={r.status} inactive={r.inactive} />),
    ...item('type', m('companyType'), r.companyType),
    ...item(
      'legalRep',
      m('legalRep'),
      legalRep && (
        <Space size={4}>
          <EntityLink entity={legalRep.person} showStatus={false} />
          <IdentifierText entity={legalRep.person} />
          <SourceButton provenance={legalRep.roles.flatMap((x) => x.provenance)} label={m('legalRep')} />
        </Space>
      ),
    ),
    ...item('capital', m('capital'), r.registeredCapital && <MoneyText money={r.registeredCapital} />),
    ...item('established', m('established'), r.establishedOn && formatDate(r.establishedOn)),
    ...item('authority', m('authority'), r.registrationAuthority),
    ...item('region', m('region'), r.regionName ?? r.regionCode),
    ...item('industry', m('industry'), r.industry),
    ...item('formerNames', m('formerNames'), r.formerNames.length > 0 && r.formerNames.join('；')),
    ...item('registeredAddress', m('registeredAddress'), r.registeredAddress, 2),
    ...item('operatingAddress', m('operatingAddress'), r.operatingAddress, 2),
    ...(r.venue
      ? [
          ...item('venue', m('venue'), <Tag color="purple">{m('yes')}</Tag>),
          ...item('venueCategory', m('venueCategory'), r.venueCategory),
          ...item('tradingModel', m('tradingModel'), r.tradingModel),
        ]
      : []),
    ...(r.branch
      ? [
          ...item(
            'headOffice',
            m('branchOf'),
            profile.headOffice ? (
              <Space size={4}>
                <EntityLink entity={profile.headOffice.firm} />
                <SourceButton provenance={profile.headOffice.provenance} label={m('headOffice')} />
              </Space>
            ) : (
              r.headOfficeName
            ),
          ),
          ...item('personInCharge', m('personInCharge'), r.personInCharge),
          ...item('premises', m('premises'), r.premisesAddress, 2),
        ]
      : []),
    ...item('scope', m('scope'), r.businessScope, 3),
  ];
  return (
    <Card
      size="small"
      title={m('registration')}
      data-testid="registration"
      extra={
        <Space size={0}>
          <SourceButton provenance={r.provenance} label={m('registration')} />
        </Space>
      }
    >
      {r.keyUnverified && (
        <Typography.Paragraph type="warning">
          <Tooltip title={m('keyUnverifiedHint')}>
            <Tag color="orange">{m('keyUnverified')}</Tag>
          </Tooltip>
          {m('keyUnverifiedHint')}
        </Typography.Paragraph>
      )}
      <Descriptions size="small" bordered column={{ xs: 1, md: 2, xl: 3 }} items={items} />
      <EntityProvenance profile={profile} />
    </Card>
  );
}

function IdentityCard({ profile, identity: i }: { profile: Profile; identity: Identity }) {
  const m = useMessages(profileMessages);
  const items: Item[] = [
    ...item('name', m('personName'), i.name),
    ...item(
      'id',
      m('idNumber'),
      <Space size={4} wrap>
        <IdentifierText entity={profile.entity} />
        {i.idInvalid && <Tag color="orange">{m('idInvalid')}</Tag>}
      </Space>,
    ),
    ...item('idKind', m('idKind'), i.idKind),
    ...item('sex', m('sex'), i.sex),
    ...item('nationality', m('nationality'), i.nationality),
    ...item('keyBasis', m('keyBasis'), i.keyBasis),
  ];
  return (
    <Card size="small" title={m('identity')} data-testid="identity" extra={<SourceButton provenance={i.provenance} label={m('identity')} />}>
      <Descriptions size="small" bordered column={{ xs: 1, md: 2, xl: 3 }} items={items} />
      <EntityProvenance profile={profile} />
    </Card>
  );
}

/** Every row that names the entity at all, for the clerk who wants the whole trail. */
function EntityProvenance({ profile }: { profile: Profile }) {
  const m = useMessages(profileMessages);
  if (profile.provenance.length === 0) return null;
  return (
    <Typography.Paragraph type="secondary" className="profile-entity-provenance">
      {m('entityProvenance')} <SourceButton provenance={profile.provenance} label={m('entityProvenance')} />
    </Typography.Paragraph>
  );
}

function PriorValuesTable({ values }: { values: readonly PriorValue[] }) {
  const m = useMessages(profileMessages);
  const columns: TableColumnsType<PriorValue> = [
    { key: 'property', title: m('priorProperty'), render: (_, v) => v.property },
    { key: 'value', title: m('priorValue'), render: (_, v) => v.value ?? m('none') },
    { key: 'replacedAt', title: m('replacedAt'), sorter: (a, b) => a.replacedAt.localeCompare(b.replacedAt), render: (_, v) => dayjs(v.replacedAt).format('YYYY-MM-DD HH:mm') },
    { key: 'source', title: m('source'), width: 80, render: (_, v) => <SourceButton provenance={v.provenance} label={v.property} /> },
    { key: 'replacedBy', title: m('replacedBy'), width: 96, render: (_, v) => v.replacedBy && <SourceButton provenance={[v.replacedBy]} label={m('replacedBy')} /> },
  ];
  return <Table<PriorValue> size="small" rowKey={(v) => `${v.property}-${v.replacedAt}`} columns={columns} dataSource={values} pagination={false} />;
}

