import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { fetchCompany, fetchNeighborhood, isAbort, type Company, type EntitySummary } from '../../api.ts';
import { EntityDetail, type EntityRef } from '../../components/EntityDetail.tsx';
import { ErrorNotice, type LoadState } from '../../components/common.tsx';
import { SearchPanel } from '../../components/SearchPanel.tsx';
import { emptyGraph, isExpanded, loadNetwork, mergeNetwork, select, type GraphState } from '../../graph/graphState.ts';
import { Legend } from '../../graph/Legend.tsx';
import { NetworkCanvas } from '../../graph/NetworkCanvas.tsx';
import { toCanvasData, type LayoutName } from '../../graph/style.ts';
import { useI18n } from '../../i18n.ts';
import { useWorkspace } from '../../session/workspace.ts';

type Depth = 1 | 2 | 3;
const DEPTHS: readonly Depth[] = [1, 2, 3];
// Two hops shows the holders' holders and the sister firms: the first picture an investigator wants.
const DEFAULT_DEPTH: Depth = 2;
// Expanding adds one hop around one node; more would swamp what is already drawn.
const EXPAND_DEPTH = 1;

type NetworkLoad = { status: 'idle' | 'loading' | 'done' } | { status: 'error'; error: unknown };

export interface WorkbenchProps {
  /** Whether this session is shown full ID numbers now (an investigator with a 查询事由). */
  fullIdNumbers: boolean;
}

/** Search, the network around the chosen entity and its details: the investigators' and regulators' screen. */
export function Workbench({ fullIdNumbers }: WorkbenchProps) {
  const { t, lang } = useI18n();

  const [center, setCenter] = useState<EntityRef | null>(null);
  const [depth, setDepth] = useState<Depth>(DEFAULT_DEPTH);
  const [layout, setLayout] = useState<LayoutName>('hierarchy');
  const [graph, setGraph] = useState<GraphState>(emptyGraph);
  const [networkLoad, setNetworkLoad] = useState<NetworkLoad>({ status: 'idle' });
  const [expanding, setExpanding] = useState<string | null>(null);
  const [expandError, setExpandError] = useState<unknown>(null);
  const [companies, setCompanies] = useState<ReadonlyMap<string, LoadState<Company | null>>>(new Map());

  // Identifiers and addresses learnt from search rows and company records: network nodes carry
  // only a label, and a person's ID number is shown only if a summary supplied it.
  const known = useRef(new Map<string, EntityRef>());
  const remember = (summary: EntitySummary) => {
    const previous = known.current.get(summary.key);
    known.current.set(summary.key, {
      key: summary.key,
      kind: summary.kind,
      name: summary.name,
      status: summary.status ?? previous?.status ?? null,
      inactive: summary.status != null ? summary.inactive : (previous?.inactive ?? false),
      identifier: summary.identifier ?? previous?.identifier ?? null,
      idNumber: summary.idNumber ?? previous?.idNumber ?? null,
      address: summary.address ?? previous?.address ?? null,
    });
  };

  // When the 查询事由 is set or cleared, what was fetched under the old rule must not stay on screen:
  // full numbers are forgotten (the masked identifier shows until asked again) and firms refetched.
  const idRule = useRef(fullIdNumbers);
  useEffect(() => {
    if (idRule.current === fullIdNumbers) return;
    idRule.current = fullIdNumbers;
    for (const [key, ref] of known.current) known.current.set(key, { ...ref, idNumber: null });
    setCenter((c) => (c ? { ...c, idNumber: null } : c));
    setCompanies(new Map());
  }, [fullIdNumbers]);

  // Bumped on every new centre so answers to superseded requests are dropped.
  const generation = useRef(0);
  const networkAbort = useRef<AbortController | null>(null);

  const loadCenter = useCallback((entity: EntityRef, d: Depth, sameCenter: boolean) => {
    const gen = ++generation.current;
    networkAbort.current?.abort();
    const controller = new AbortController();
    networkAbort.current = controller;
    setCenter(entity);
    setExpanding(null);
    setExpandError(null);
    setNetworkLoad({ status: 'loading' });
    // A new centre must not show the previous network while it loads; a new depth may.
    if (!sameCenter) setGraph(emptyGraph());
    fetchNeighborhood(entity.key, d, undefined, controller.signal).then(
      (network) => {
        if (gen !== generation.current) return;
        setGraph(loadNetwork(network, entity.key));
        setNetworkLoad({ status: 'done' });
      },
      (error: unknown) => {
        if (isAbort(error) || gen !== generation.current) return;
        setNetworkLoad({ status: 'error', error });
      },
    );
  }, []);

  useEffect(() => () => networkAbort.current?.abort(), []);

  const choose = (summary: EntitySummary) => {
    remember(summary);
    const entity = known.current.get(summary.key)!;
    loadCenter(entity, depth, entity.key === center?.key);
  };

  const changeDepth = (d: Depth) => {
    setDepth(d);
    if (center) loadCenter(center, d, true);
  };

  const expand = (id: string) => {
    if (expanding || isExpanded(graph, id) || !graph.nodes.has(id)) return;
    const gen = generation.current;
    setExpanding(id);
    setExpandError(null);
    fetchNeighborhood(id, EXPAND_DEPTH).then(
      (network) => {
        if (gen !== generation.current) return;
        setGraph((g) => select(mergeNetwork(g, network, { id, depth: EXPAND_DEPTH }), id));
        setExpanding(null);
      },
      (error: unknown) => {
        if (gen !== generation.current) return;
        setExpanding(null);
        setExpandError(error);
      },
    );
  };

  const refFor = (id: string): EntityRef | null => {
    const node = graph.nodes.get(id);
    const summary = known.current.get(id);
    if (node) {
      return {
        key: id,
        kind: node.kind,
        name: node.label,
        status: node.status ?? summary?.status ?? null,
        inactive: node.status != null ? node.inactive : (summary?.inactive ?? false),
        identifier: summary?.identifier ?? null,
        idNumber: summary?.idNumber ?? null,
        address: summary?.address ?? null,
      };
    }
    return summary ?? null;
  };

  // With nothing selected the panel shows the centre: that is the entity under investigation.
  const detailId = graph.selectedId ?? center?.key ?? null;
  const detailEntity = detailId ? refFor(detailId) : null;
  const detailKind = detailEntity?.kind;

  const loadCompany = useCallback((key: string) => {
    setCompanies((m) => new Map(m).set(key, { status: 'loading' }));
    fetchCompany(key).then(
      (company) => {
        if (company) {
          for (const row of [...company.shareholders, ...company.holdings]) remember(row.holder);
          if (company.legalRepresentative) remember(company.legalRepresentative);
        }
        setCompanies((m) => new Map(m).set(key, { status: 'done', value: company }));
      },
      (error: unknown) => setCompanies((m) => new Map(m).set(key, { status: 'error', error })),
    );
  }, []);

  useEffect(() => {
    if (detailId && detailKind === 'COMPANY' && !companies.has(detailId)) loadCompany(detailId);
  }, [detailId, detailKind, companies, loadCompany]);

  const openEntity = (entity: Pick<EntitySummary, 'key' | 'kind' | 'name'>) => {
    if (graph.nodes.has(entity.key)) {
      setGraph((g) => select(g, entity.key));
      return;
    }
    const summary = known.current.get(entity.key);
    choose({
      key: entity.key,
      kind: entity.kind,
      name: entity.name,
      identifier: summary?.identifier ?? null,
      idNumber: summary?.idNumber ?? null,
      status: summary?.status ?? null,
      inactive: summary?.inactive ?? false,
      address: summary?.address ?? null,
    });
  };

  const canvasData = useMemo(() => toCanvasData(graph, lang), [graph, lang]);
  const selected = graph.selectedId ? graph.nodes.get(graph.selectedId) : undefined;
  const selectedExpanded = selected ? isExpanded(graph, selected.id) : false;
  const listSeparator = lang === 'zh' ? '、' : ', ';

  return (
    <main className="workspace">
      <aside className="pane search-pane">
        <SearchPanel activeKey={center?.key ?? null} onChoose={choose} refreshKey={fullIdNumbers} />
      </aside>

      <section className="pane graph-pane" aria-label={t('graph.title')}>
        <div className="graph-toolbar">
          <div className="graph-title">
            <h2>{t('graph.title')}</h2>
            {graph.nodes.size > 0 && (
              <span className="muted" data-testid="graph-stats">
                {t('graph.stats', { nodes: graph.nodes.size, edges: graph.edges.size })}
              </span>
            )}
          </div>
          <div className="graph-controls">
            <label>
              {t('graph.depth')}
              <select
                data-testid="depth"
                value={depth}
                onChange={(event) => changeDepth(Number(event.target.value) as Depth)}
              >
                {DEPTHS.map((d) => (
                  <option key={d} value={d}>
                    {t('graph.depthOption', { n: d })}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('graph.layout')}
              <select value={layout} onChange={(event) => setLayout(event.target.value as LayoutName)}>
                <option value="hierarchy">{t('graph.layout.hierarchy')}</option>
                <option value="force">{t('graph.layout.force')}</option>
              </select>
            </label>
            <button
              type="button"
              data-testid="expand"
              title={t('graph.expandTitle')}
              disabled={!selected || selectedExpanded || expanding != null}
              onClick={() => selected && expand(selected.id)}
            >
              {expanding ? t('graph.expanding') : selectedExpanded ? t('graph.expanded') : t('graph.expand')}
            </button>
            <button
              type="button"
              title={t('graph.recenterTitle')}
              disabled={!selected || selected.id === graph.centerId}
              onClick={() => selected && openAsCenter(selected.id)}
            >
              {t('graph.recenter')}
            </button>
          </div>
        </div>

        {!graph.exhaustive && graph.nodes.size > 0 && (
          <div className="notice notice-warn" role="status" data-testid="truncated">
            {t('graph.truncated', { limits: graph.limitsHit.join(listSeparator) })}
          </div>
        )}
        {networkLoad.status === 'error' && (
          <ErrorNotice error={networkLoad.error} onRetry={() => center && loadCenter(center, depth, true)} />
        )}
        {expandError != null && <ErrorNotice error={expandError} />}

        <div className="graph-stage">
          <div className="network-wrap">
            <NetworkCanvas
              data={canvasData}
              selectedId={graph.selectedId}
              layout={layout}
              onSelect={(id) => setGraph((g) => select(g, id))}
              onExpand={expand}
            />
            {!center && <div className="stage-message">{t('graph.empty')}</div>}
            {networkLoad.status === 'loading' && (
              <div className="stage-message stage-loading" role="status">
                {t('graph.loading')}
              </div>
            )}
            {networkLoad.status === 'done' && graph.nodes.size <= 1 && graph.edges.size === 0 && (
              <div className="stage-note">{t('graph.noNeighbours')}</div>
            )}
          </div>
          <div className="stage-footer">
            <Legend />
            {graph.nodes.size > 0 && <span className="stage-hint muted">{t('graph.hint')}</span>}
          </div>
        </div>
      </section>

      <aside className="pane detail-pane" aria-label={t('detail.title')}>
        <EntityDetail
          entity={detailEntity}
          company={detailId ? (companies.get(detailId) ?? { status: 'idle' }) : { status: 'idle' }}
          graph={graph}
          onOpen={openEntity}
          onRetryCompany={() => detailId && loadCompany(detailId)}
        />
      </aside>
    </main>
  );

  function openAsCenter(id: string) {
    const entity = refFor(id);
    if (entity) loadCenter(entity, depth, false);
  }
}

/** The route's element: the workbench for the signed-in user (until the screens of Workbench I replace it). */
export function WorkbenchRoute() {
  const { me } = useWorkspace();
  return <Workbench fullIdNumbers={me.fullIdNumbers} />;
}
