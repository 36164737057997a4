import { ApartmentOutlined, ClusterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Result, Space, Spin, Tabs, Tag, Typography } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../api.ts';
import { useApiQuery } from '../../api/hooks.ts';
import { ErrorNotice } from '../../components/common.tsx';
import { useMessages } from '../../i18n.ts';
import { paths } from '../../paths.ts';
import { rememberRecent } from '../../session/recentWork.ts';
import { useWorkspace } from '../../session/workspace.ts';
import { ChangesTimeline } from './ChangesTimeline.tsx';
import { Facts } from './Facts.tsx';
import { FlagBanner, FlagsTable } from './Flags.tsx';
import { HoldingsTable } from './HoldingsTable.tsx';
import { BranchesTable, ContactsTable, MembershipsTable } from './LinkTables.tsx';
import { profileMessages, type ProfileMessage } from './messages.ts';
import { IdentifierText, StatusTag } from './parts.tsx';
import { OfficersTable, PositionsTable } from './PeopleTables.tsx';
import type { Profile } from './profileTypes.ts';
import { SamePersonSection } from './SamePerson.tsx';
import './profile.css';

/** The sections of a profile, in the order of the tabs; `?tab=` names the one open. */
export const profileTabs = ['facts', 'flags', 'holders', 'holdings', 'officers', 'positions', 'branches', 'venues', 'contacts', 'changes', 'samePerson'] as const;
export type ProfileTab = (typeof profileTabs)[number];

interface Section {
  tab: ProfileTab;
  count: number | null;
  content: ReactNode;
}

/**
 * 一户一档 at /entity/:key: one firm's or person's facts, every one with its source a click away;
 * flags first and loud; holders, holdings, people, branches, venues, contacts, changes and
 * same-person candidates in tabs. The open tab is in the URL, so reload and a shared link reopen it.
 */
export function ProfileScreen() {
  const { key = '' } = useParams();
  const m = useMessages(profileMessages);
  const query = useApiQuery('Profile', { key });
  const profile = query.data?.profile ?? null;

  // Recorded once per entity shown (a refetch after a decision is no new visit): home's "recent work".
  const shownKey = profile?.entity.key;
  const shownName = profile?.entity.name;
  const shownKind = profile?.entity.kind;
  useEffect(() => {
    if (shownKey && shownName && shownKind) rememberRecent({ key: shownKey, name: shownName, kind: shownKind, screen: 'profile' });
  }, [shownKey, shownName, shownKind]);

  if (query.isPending) {
    return (
      <main className="profile-screen profile-loading" role="status">
        <Spin description={m('loading')}>
          <div className="profile-spin-space" />
        </Spin>
      </main>
    );
  }
  if (query.error) {
    return (
      <main className="profile-screen">
        {query.error instanceof ApiError && query.error.code === 'NOT_FOUND' ? (
          <Result status="404" title={m('notFound', { key })} data-testid="profile-not-found" />
        ) : (
          <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />
        )}
      </main>
    );
  }
  if (!profile) return <Result status="404" title={m('notFound', { key })} data-testid="profile-not-found" />;
  return <ProfileView profile={profile} />;
}

function ProfileView({ profile }: { profile: Profile }) {
  const m = useMessages(profileMessages);
  const { me } = useWorkspace();
  const [params, setParams] = useSearchParams();
  const sections = sectionsOf(profile, me.user.role === 'investigator');
  const requested = params.get('tab');
  const open = sections.find((s) => s.tab === requested)?.tab ?? 'facts';

  return (
    <main className="profile-screen" data-testid="profile" data-key={profile.entity.key}>
      <ProfileHeader profile={profile} />
      <FlagBanner profile={profile} />
      <IdNumberNotice profile={profile} />
      <Card size="small" className="profile-tabs-card">
        <Tabs
          activeKey={open}
          onChange={(tab) =>
            setParams(
              (current) => {
                const next = new URLSearchParams(current);
                if (tab === 'facts') next.delete('tab');
                else next.set('tab', tab);
                return next;
              },
              { preventScrollReset: true },
            )
          }
          items={sections.map((s) => ({
            key: s.tab,
            label: (
              <span data-testid={`tab-${s.tab}`}>
                {m(`tab.${s.tab}` as ProfileMessage)}
                {s.count != null && <span className="profile-tab-count">{s.count}</span>}
              </span>
            ),
            children: s.content,
          }))}
        />
      </Card>
    </main>
  );
}

/** The tabs this entity has: a firm's and a person's differ; branches and venues only where there are some. */
function sectionsOf(profile: Profile, mayDecide: boolean): Section[] {
  const firm = profile.kind === 'COMPANY';
  const venue = profile.registration?.venue === true;
  const sections: (Section | false)[] = [
    { tab: 'facts', count: null, content: <Facts profile={profile} /> },
    { tab: 'flags', count: profile.flags.total, content: <FlagsTable flags={profile.flags.nodes} total={profile.flags.total} /> },
    firm && { tab: 'holders', count: profile.holders.total, content: <HoldingsTable list={profile.holders} side="holders" testId="holders" /> },
    { tab: 'holdings', count: profile.holdings.total, content: <HoldingsTable list={profile.holdings} side="holdings" testId="holdings" /> },
    firm && { tab: 'officers', count: profile.officers.total, content: <OfficersTable officers={profile.officers.nodes} total={profile.officers.total} /> },
    !firm && { tab: 'positions', count: profile.positions.total, content: <PositionsTable positions={profile.positions.nodes} total={profile.positions.total} /> },
    profile.branches.total > 0 && { tab: 'branches', count: profile.branches.total, content: <BranchesTable branches={profile.branches.nodes} total={profile.branches.total} /> },
    (venue || profile.venueMemberships.length > 0 || profile.venueMembers.total > 0) && {
      tab: 'venues',
      count: profile.venueMemberships.length + profile.venueMembers.total,
      content: <Venues profile={profile} />,
    },
    { tab: 'contacts', count: profile.contacts.length, content: <ContactsTable contacts={profile.contacts} /> },
    (firm || profile.changes.total > 0) && { tab: 'changes', count: profile.changes.total, content: <ChangesTimeline changes={profile.changes.nodes} total={profile.changes.total} /> },
    { tab: 'samePerson', count: profile.samePersonCandidates.total, content: <SamePersonSection profile={profile} mayDecide={mayDecide} /> },
  ];
  return sections.filter((s): s is Section => s !== false);
}

function Venues({ profile }: { profile: Profile }) {
  const m = useMessages(profileMessages);
  return (
    <Space orientation="vertical" size="middle" className="profile-block">
      {profile.venueMemberships.length > 0 && (
        <Card size="small" title={m('memberships')}>
          <MembershipsTable memberships={profile.venueMemberships} side="venues" />
        </Card>
      )}
      {profile.venueMembers.total > 0 && (
        <Card size="small" title={m('members')}>
          {profile.venueMembers.nodes.length < profile.venueMembers.total && (
            <Typography.Paragraph type="secondary">{m('listCapped', { shown: profile.venueMembers.nodes.length, total: profile.venueMembers.total })}</Typography.Paragraph>
          )}
          <MembershipsTable memberships={profile.venueMembers.nodes} side="members" />
        </Card>
      )}
    </Space>
  );
}

function ProfileHeader({ profile }: { profile: Profile }) {
  const m = useMessages(profileMessages);
  const { entity, registration } = profile;
  return (
    <Card size="small" className="profile-header" data-testid="profile-header">
      <div className="profile-header-row">
        <div className="profile-header-main">
          <Space size={8} wrap align="center">
            <Typography.Title level={3} className="profile-name" data-testid="profile-name">
              {entity.name}
            </Typography.Title>
            <Tag color={entity.kind === 'COMPANY' ? 'blue' : 'cyan'}>{m(`kind.${entity.kind}`)}</Tag>
            {entity.status && <StatusTag status={entity.status} inactive={entity.inactive} />}
            {profile.flags.total > 0 && <Tag color="red">{m('flaggedTag')}</Tag>}
            {registration?.keyUnverified && <Tag color="orange">{m('keyUnverified')}</Tag>}
          </Space>
          <Space size={[16, 4]} wrap className="profile-codes">
            {registration?.uscc && (
              <span>
                {m('uscc')}：<Typography.Text copyable>{registration.uscc}</Typography.Text>
              </span>
            )}
            {registration?.registrationNumber && (
              <span>
                {m('regNo')}：<Typography.Text copyable>{registration.registrationNumber}</Typography.Text>
              </span>
            )}
            {entity.kind === 'PERSON' && (entity.idNumber ?? entity.identifier) && (
              <span>
                {m('idNumber')}：<IdentifierText entity={entity} />
              </span>
            )}
            {entity.address && <Typography.Text type="secondary">{entity.address}</Typography.Text>}
          </Space>
          {profile.requestedKey !== entity.key && <Alert type="info" showIcon className="profile-gap" title={m('mergedInto', { requested: profile.requestedKey })} />}
        </div>
        <Space wrap>
          <LinkButton to={paths.penetration(entity.key, entity.kind === 'PERSON' ? { direction: 'down' } : {})} primary icon={<ApartmentOutlined />} testId="open-penetration">
            {m('penetration')}
          </LinkButton>
          <LinkButton to={paths.explore([entity.key])} icon={<ClusterOutlined />} testId="open-explore">
            {m('explore')}
          </LinkButton>
        </Space>
      </div>
    </Card>
  );
}

/** A button that is a link: opens the screen in place, or in a new tab with a middle click. */
function LinkButton({ to, primary, icon, testId, children }: { to: string; primary?: boolean; icon: ReactNode; testId: string; children: ReactNode }) {
  const navigate = useNavigate();
  return (
    <Button
      type={primary ? 'primary' : 'default'}
      icon={icon}
      href={to}
      data-testid={testId}
      onClick={(event) => {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        navigate(to);
      }}
    >
      {children}
    </Button>
  );
}

/** ID numbers per the user's role: the API masks them; the screen says why and how an investigator sees them in full. */
function IdNumberNotice({ profile }: { profile: Profile }) {
  const m = useMessages(profileMessages);
  const { me } = useWorkspace();
  const showsPeople =
    profile.kind === 'PERSON' ||
    profile.officers.total > 0 ||
    profile.holders.nodes.some((h) => h.entity.kind === 'PERSON') ||
    profile.samePersonCandidates.total > 0;
  if (!showsPeople) return null;
  if (me.fullIdNumbers) return <Alert type="success" showIcon className="profile-id-notice" data-testid="id-notice" title={m('idFull')} />;
  if (me.user.role === 'investigator') return <Alert type="info" showIcon className="profile-id-notice" data-testid="id-notice" title={m('idMaskedHint')} />;
  return <Alert type="info" showIcon className="profile-id-notice" data-testid="id-notice" title={m('idMaskedRegulator')} />;
}
