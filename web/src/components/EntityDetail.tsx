import type { ReactNode } from 'react';
import type { Company, EntityKind, EntitySummary, Shareholding } from '../api.ts';
import { edgesOf, type GraphEdge, type GraphState } from '../graph/graphState.ts';
import { formatRatio } from '../graph/style.ts';
import { useI18n, type Translate } from '../i18n.ts';
import { ErrorNotice, KindIcon, StatusBadge, type LoadState } from './common.tsx';

/** What we know of an entity without asking the server: from a search row or a drawn node. */
export interface EntityRef {
  key: string;
  kind: EntityKind;
  name: string;
  status: string | null;
  inactive: boolean;
  identifier: string | null;
  /** A person's ID number as the server sent it: full only to an investigator who gave a 查询事由. */
  idNumber: string | null;
  address: string | null;
}

export interface EntityDetailProps {
  entity: EntityRef | null;
  company: LoadState<Company | null>;
  graph: GraphState;
  /** Selects a drawn entity, or opens one that is not drawn as a new centre. */
  onOpen: (entity: Pick<EntitySummary, 'key' | 'kind' | 'name'>) => void;
  onRetryCompany: () => void;
}

export function EntityDetail({ entity, company, graph, onOpen, onRetryCompany }: EntityDetailProps) {
  const { t } = useI18n();
  if (!entity) {
    return (
      <div className="detail detail-empty">
        <p className="muted">{t('detail.none')}</p>
      </div>
    );
  }

  const firm = company.status === 'done' ? company.value : null;
  return (
    <article className="detail" data-testid="detail" data-key={entity.key}>
      <header className="detail-head">
        <KindIcon kind={entity.kind} />
        <div>
          <h2>{firm?.name ?? entity.name}</h2>
          <StatusBadge status={firm?.status ?? entity.status} inactive={firm ? firm.inactive : entity.inactive} />
        </div>
      </header>

      {entity.kind === 'COMPANY' && (
        <>
          {company.status === 'loading' && <p className="muted">{t('detail.loading')}</p>}
          {company.status === 'error' && <ErrorNotice error={company.error} onRetry={onRetryCompany} />}
          {company.status === 'done' && company.value == null && <p className="muted">{t('detail.notFound')}</p>}
          {firm && <CompanyFacts company={firm} graph={graph} onOpen={onOpen} />}
        </>
      )}

      {entity.kind === 'PERSON' && (
        <>
          <dl className="facts">
            <PersonIdNumber entity={entity} />
          </dl>
          <Relations graph={graph} id={entity.key} onOpen={onOpen} />
        </>
      )}
    </article>
  );
}

/** The label says what the reader sees: the full number, or the masked one. */
function PersonIdNumber({ entity }: { entity: EntityRef }) {
  const { t } = useI18n();
  const shown = entity.idNumber ?? entity.identifier;
  const full = shown != null && !shown.includes('*');
  return (
    <Fact label={full ? t('detail.idNumber') : t('detail.identifier')}>
      {shown ? (
        <span className="mono" data-testid="person-id">
          {shown}
        </span>
      ) : null}
    </Fact>
  );
}

function Fact({ label, children, wide }: { label: string; children: ReactNode; wide?: boolean }) {
  const { t } = useI18n();
  const empty = children == null || children === '' || (Array.isArray(children) && children.length === 0);
  return (
    <div className={`fact${wide ? ' fact-wide' : ''}`}>
      <dt>{label}</dt>
      <dd>{empty ? <span className="muted">{t('detail.unknown')}</span> : children}</dd>
    </div>
  );
}

function CompanyFacts({ company, graph, onOpen }: { company: Company; graph: GraphState; onOpen: EntityDetailProps['onOpen'] }) {
  const { t } = useI18n();
  const rep = company.legalRepresentative;
  return (
    <>
      {company.keyUnverified && <div className="notice notice-warn">{t('detail.keyUnverified')}</div>}
      <dl className="facts">
        {company.uscc || !company.registrationNumber ? (
          <Fact label={t('detail.uscc')}>{company.uscc ? <span className="mono">{company.uscc}</span> : null}</Fact>
        ) : (
          <Fact label={t('detail.regNo')}>
            <span className="mono">{company.registrationNumber}</span>
          </Fact>
        )}
        <Fact label={t('detail.legalRep')}>
          {rep ? <EntityLink entity={rep} graph={graph} onOpen={onOpen} /> : null}
        </Fact>
        <Fact label={t('detail.status')}>{company.status}</Fact>
        <Fact label={t('detail.capital')}>{company.registeredCapital?.text}</Fact>
        <Fact label={t('detail.established')}>{company.establishedOn}</Fact>
        <Fact label={t('detail.companyType')}>{company.companyType}</Fact>
        <Fact label={t('detail.address')} wide>
          {company.registeredAddress}
        </Fact>
        <Fact label={t('detail.authority')} wide>
          {company.registrationAuthority}
        </Fact>
        {company.regionName && (
          <Fact label={t('detail.region')} wide>
            {company.regionName}
            {company.regionCode && <span className="muted mono"> ({company.regionCode})</span>}
          </Fact>
        )}
        <Fact label={t('detail.formerNames')} wide>
          {company.formerNames.length ? company.formerNames.join('；') : null}
        </Fact>
        <Fact label={t('detail.scope')} wide>
          {company.businessScope ? <span className="scope">{company.businessScope}</span> : null}
        </Fact>
      </dl>

      <h3>{t('detail.shareholders')}</h3>
      <HoldingTable
        rows={company.shareholders}
        nameHeader={t('detail.holder')}
        empty={t('detail.noShareholders')}
        graph={graph}
        onOpen={onOpen}
        testId="shareholders"
      />
      <h3>{t('detail.holdings')}</h3>
      <HoldingTable
        rows={company.holdings}
        nameHeader={t('detail.investee')}
        empty={t('detail.noHoldings')}
        graph={graph}
        onOpen={onOpen}
        testId="holdings"
      />
      <Officers graph={graph} id={company.key} onOpen={onOpen} />
    </>
  );
}

function byRatioDesc(a: Shareholding, b: Shareholding): number {
  return (b.ratio ?? -1) - (a.ratio ?? -1);
}

function HoldingTable(props: {
  rows: Shareholding[];
  nameHeader: string;
  empty: string;
  graph: GraphState;
  onOpen: EntityDetailProps['onOpen'];
  testId: string;
}) {
  const { t } = useI18n();
  if (props.rows.length === 0) return <p className="muted">{props.empty}</p>;
  return (
    <table className="holdings" data-testid={props.testId}>
      <thead>
        <tr>
          <th>{props.nameHeader}</th>
          <th className="num">{t('detail.ratio')}</th>
          <th className="num">{t('detail.subscribed')}</th>
        </tr>
      </thead>
      <tbody>
        {[...props.rows].sort(byRatioDesc).map((row) => (
          <tr key={row.holder.key}>
            <td>
              <span className="cell-entity">
                <KindIcon kind={row.holder.kind} />
                <EntityLink entity={row.holder} graph={props.graph} onOpen={props.onOpen} />
                <StatusBadge status={row.holder.status} inactive={row.holder.inactive} />
              </span>
            </td>
            <td className="num">{row.ratio == null ? '—' : formatRatio(row.ratio)}</td>
            <td className="num">{row.subscribedAmount?.text ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function EntityLink({
  entity,
  graph,
  onOpen,
}: {
  entity: Pick<EntitySummary, 'key' | 'kind' | 'name'>;
  graph: GraphState;
  onOpen: EntityDetailProps['onOpen'];
}) {
  const { t } = useI18n();
  const drawn = graph.nodes.has(entity.key);
  return (
    <button
      type="button"
      className={`entity-link${drawn ? '' : ' not-drawn'}`}
      title={drawn ? t('detail.inGraph') : t('detail.notInGraph')}
      onClick={() => onOpen(entity)}
    >
      {entity.name}
    </button>
  );
}

/** Everything linking the entity to one other entity in the current network, weightiest first. */
interface RelationGroup {
  other: Pick<EntitySummary, 'key' | 'kind' | 'name'>;
  texts: string[];
}

const WEIGHT = { HOLDS_SHARES: 0, LEGAL_REPRESENTATIVE_OF: 1, OFFICER_OF: 2 } as const;

function describe(
  graph: GraphState,
  id: string,
  t: Translate,
  only?: (edge: GraphEdge) => boolean,
): RelationGroup[] {
  const groups = new Map<string, RelationGroup>();
  const edges = edgesOf(graph, id)
    .filter((edge) => !only || only(edge))
    .sort((a, b) => WEIGHT[a.type] - WEIGHT[b.type]);
  for (const edge of edges) {
    const outgoing = edge.source === id;
    const otherNode = graph.nodes.get(outgoing ? edge.target : edge.source);
    if (!otherNode) continue;
    const ratio = edge.ratio == null ? '' : formatRatio(edge.ratio);
    let text: string;
    switch (edge.type) {
      case 'HOLDS_SHARES':
        text = outgoing ? t('detail.rel.holds', { ratio }) : t('detail.rel.heldBy', { ratio });
        break;
      case 'LEGAL_REPRESENTATIVE_OF':
        text = t('detail.rel.legalRep');
        break;
      case 'OFFICER_OF':
        text = edge.role ?? t('edge.officer');
        break;
    }
    const group = groups.get(otherNode.id) ?? {
      other: { key: otherNode.id, kind: otherNode.kind, name: otherNode.label },
      texts: [],
    };
    group.texts.push(text.trim());
    groups.set(otherNode.id, group);
  }
  return [...groups.values()];
}

function Relations({ graph, id, onOpen }: { graph: GraphState; id: string; onOpen: EntityDetailProps['onOpen'] }) {
  const { t } = useI18n();
  const groups = describe(graph, id, t);
  return (
    <>
      <h3>{t('detail.relations')}</h3>
      {groups.length === 0 ? (
        <p className="muted">{t('detail.noRelations')}</p>
      ) : (
        <RelationList groups={groups} graph={graph} onOpen={onOpen} />
      )}
    </>
  );
}

/** Officers are not part of the Company record; the network is the only place they appear. */
function Officers({ graph, id, onOpen }: { graph: GraphState; id: string; onOpen: EntityDetailProps['onOpen'] }) {
  const { t } = useI18n();
  const groups = describe(graph, id, t, (edge) => edge.type === 'OFFICER_OF' && edge.target === id);
  if (groups.length === 0) return null;
  return (
    <>
      <h3>{t('detail.officers')}</h3>
      <RelationList groups={groups} graph={graph} onOpen={onOpen} />
    </>
  );
}

function RelationList({ groups, graph, onOpen }: { groups: RelationGroup[]; graph: GraphState; onOpen: EntityDetailProps['onOpen'] }) {
  return (
    <ul className="relations">
      {groups.map((group) => (
        <li key={group.other.key}>
          <span className="cell-entity">
            <KindIcon kind={group.other.kind} />
            <EntityLink entity={group.other} graph={graph} onOpen={onOpen} />
          </span>
          <span className="relation-tags">
            {group.texts.map((text, i) => (
              <span key={i} className="tag">
                {text}
              </span>
            ))}
          </span>
        </li>
      ))}
    </ul>
  );
}
