// 股权穿透图: one firm in the middle, its holders above and its investments below, as users of
// registry charts know it. Two API queries (UP and DOWN) make one chart; everything the user sets
// (levels, threshold, rules, active only, folded nodes, the node selected) is in the URL.

import { keepPreviousData } from '@tanstack/react-query';
import { Alert, Segmented, Select, Slider, Space, Spin, Switch, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../api.ts';
import { useApiQuery } from '../../api/hooks.ts';
import type { Core } from '../../graph/cytoscape.ts';
import { ChartExportButton } from '../../graph/export/ChartExportButton.tsx';
import { PenetrationCanvas } from '../../graph/penetration/PenetrationCanvas.tsx';
import { chartElements, omissions, ROOT_ID, toggleCollapsed, type ChartNodeData, type ChartText } from '../../graph/penetration/chartElements.ts';
import { useI18n, useMessages } from '../../i18n.ts';
import { paths } from '../../paths.ts';
import { DEFAULT_SETTINGS, MAX_LEVELS, MAX_THRESHOLD, MIN_THRESHOLD, readSettings, settingsLink, showMore, type ChartSettings } from './chartSettings.ts';
import { messages } from './messages.ts';
import { NodePanel } from './NodePanel.tsx';
import { PenetrationLegend } from './PenetrationLegend.tsx';
import './penetration.css';

const RULES_ENUM = { 'cn-2024': 'CN_2024', 'cn-2017': 'CN_2017' } as const;

export function PenetrationScreen() {
  const m = useMessages(messages);
  const { lang } = useI18n();
  const { key = '' } = useParams();
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const settings = useMemo(() => readSettings(search), [search]);
  const [cy, setCy] = useState<Core | null>(null);

  /** Every change of the chart is a new URL: back undoes it, reload and a shared link restore it. Selecting only replaces. */
  const update = useCallback(
    (next: ChartSettings, options: { replace?: boolean } = {}) => navigate(paths.penetration(key, settingsLink(next)), { replace: options.replace ?? false }),
    [key, navigate],
  );

  const common = { firm: key, threshold: settings.threshold, rules: RULES_ENUM[settings.rules], activeOnly: settings.activeOnly } as const;
  const up = useApiQuery(
    'Penetration',
    { ...common, direction: 'UP', levels: Math.max(1, settings.levelsUp), maxChildren: settings.maxChildrenUp },
    { enabled: key !== '' && settings.levelsUp > 0, placeholderData: keepPreviousData },
  );
  const down = useApiQuery(
    'Penetration',
    { ...common, direction: 'DOWN', levels: Math.max(1, settings.levelsDown), maxChildren: settings.maxChildrenDown },
    { enabled: key !== '' && settings.levelsDown > 0, placeholderData: keepPreviousData },
  );
  // A half set to 0 levels is not drawn, even while the query cache still holds it.
  const upTree = settings.levelsUp > 0 ? (up.data?.penetration ?? null) : null;
  const downTree = settings.levelsDown > 0 ? (down.data?.penetration ?? null) : null;

  const text = useMemo<ChartText>(
    () => ({
      effective: (percent) => m('effective', { percent }),
      beneficialOwner: m('beneficialOwner'),
      controller: (half) => m(half === 'up' ? 'controllerUp' : 'controllerDown'),
      more: (n, reason) => m(reason === 'levels' ? 'moreLevels' : 'moreChildren', { n }),
      collapsed: (n) => m('collapsed', { n }),
      cycle: m('cycle'),
      control: (basis) => (basis ? m('controlBasis', { basis }) : m('control')),
      unknownRatio: m('unknownRatio'),
    }),
    [m],
  );
  const collapsedIds = settings.collapsed.join(',');
  const collapsed = useMemo(() => new Set(collapsedIds.split(',').filter(Boolean)), [collapsedIds]);
  const model = useMemo(() => chartElements({ up: upTree, down: downTree, collapsed, text }), [upTree, downTree, collapsed, text]);
  const cut = omissions(upTree, downTree);
  const root = model.nodes.find((n) => n.data.id === ROOT_ID)?.data ?? null;
  const selected = model.nodes.find((n) => n.data.id === settings.selected)?.data ?? null;

  // The threshold slider moves freely; the chart is asked again only when the handle is let go.
  const [thresholdPercent, setThresholdPercent] = useState(Math.round(settings.threshold * 100));
  useEffect(() => setThresholdPercent(Math.round(settings.threshold * 100)), [settings.threshold]);

  const onMore = useCallback(
    (node: ChartNodeData) => {
      if (node.moreReason && node.place !== 'root') update(showMore(settings, node.place, node.moreReason, node.moreCount));
    },
    [settings, update],
  );
  const onToggle = useCallback((id: string) => update({ ...settings, collapsed: toggleCollapsed(settings.collapsed, id) }), [settings, update]);
  const onSelect = useCallback((id: string | null) => update({ ...settings, selected: id }, { replace: true }), [settings, update]);

  const levelOptions = Array.from({ length: MAX_LEVELS + 1 }, (_, n) => ({ value: n, label: n === 0 ? m('levelsNone') : m('levelsOption', { n }) }));
  const error = (settings.levelsUp > 0 ? up.error : null) ?? (settings.levelsDown > 0 ? down.error : null);
  const fetching = up.isFetching || down.isFetching;
  const limitNames = cut.limitsHit.map((l) => {
    const name = l.split(':')[0] ?? l;
    const known = ['depth', 'nodes', 'fanOut', 'time', 'convergence'] as const;
    return (known as readonly string[]).includes(name) ? m(`limit_${name as (typeof known)[number]}`) : l;
  });

  return (
    <main className="penetration-screen" data-testid="penetration-screen">
      <div className="penetration-toolbar">
        <Typography.Title level={1} className="penetration-title">
          {m('title')}
          {root && <span className="penetration-firm"> · {root.name}</span>}
        </Typography.Title>
        <Space wrap size="middle" className="penetration-controls">
            <Space size={4}>
              <Tooltip title={m('levelsUpTitle')}>
                <span className="penetration-label">{m('levelsUp')}</span>
              </Tooltip>
              <span data-testid="penetration-levels-up">
                <Select
                  aria-label={m('levelsUp')}
                  value={settings.levelsUp}
                  options={levelOptions}
                  onChange={(levelsUp: number) => update({ ...settings, levelsUp })}
                  style={{ width: 96 }}
                />
              </span>
            </Space>
            <Space size={4}>
              <Tooltip title={m('levelsDownTitle')}>
                <span className="penetration-label">{m('levelsDown')}</span>
              </Tooltip>
              <span data-testid="penetration-levels-down">
                <Select
                  aria-label={m('levelsDown')}
                  value={settings.levelsDown}
                  options={levelOptions}
                  onChange={(levelsDown: number) => update({ ...settings, levelsDown })}
                  style={{ width: 96 }}
                />
              </span>
            </Space>
            <Space size={8} className="penetration-threshold">
              <Tooltip title={m('thresholdTitle')}>
                <span className="penetration-label">{m('threshold')}</span>
              </Tooltip>
              <span data-testid="penetration-threshold">
                <Slider
                  aria-label={m('threshold')}
                  min={Math.round(MIN_THRESHOLD * 100)}
                  max={Math.round(MAX_THRESHOLD * 100)}
                  value={thresholdPercent}
                  tooltip={{ formatter: (v) => `${v}%` }}
                  onChange={setThresholdPercent}
                  onChangeComplete={(value: number) => update({ ...settings, threshold: value / 100 })}
                  style={{ width: 140 }}
                />
              </span>
              <span className="penetration-threshold-value" data-testid="penetration-threshold-value">
                {thresholdPercent}%
              </span>
            </Space>
            <Space size={4}>
              <span data-testid="penetration-active-only">
                <Switch
                  aria-label={m('activeOnly')}
                  checked={settings.activeOnly}
                  onChange={(activeOnly) => update({ ...settings, activeOnly })}
                />
              </span>
              <Tooltip title={m('activeOnlyTitle')}>
                <span className="penetration-label">{m('activeOnly')}</span>
              </Tooltip>
            </Space>
            <Space size={4}>
              <Tooltip title={m('rulesTitle')}>
                <span className="penetration-label">{m('rules')}</span>
              </Tooltip>
              <span data-testid="penetration-rules">
                <Segmented
                  value={settings.rules}
                  options={[
                    { value: 'cn-2024', label: m('rules2024') },
                    { value: 'cn-2017', label: m('rules2017') },
                  ]}
                  onChange={(rules) => update({ ...settings, rules: rules as ChartSettings['rules'] })}
                />
              </span>
            </Space>
          <span data-testid="penetration-export">
            <ChartExportButton cy={cy} fileName={`${m('title')}-${root?.name ?? key}`} />
          </span>
        </Space>
      </div>

      <div className="penetration-notices">
        {error && (
          <Alert
            type="error"
            showIcon
            data-testid="penetration-error"
            message={error instanceof ApiError && error.code === 'NOT_FOUND' ? m('notFound') : error.message}
          />
        )}
        {settings.levelsUp === 0 && settings.levelsDown === 0 && <Alert type="info" showIcon message={m('empty')} />}
        {cut.limitsHit.length > 0 && (
          <Alert type="warning" showIcon data-testid="penetration-limits" message={m('limitsNotice', { limits: limitNames.join('、') })} />
        )}
        {cut.inactiveCut > 0 && <Alert type="info" showIcon data-testid="penetration-inactive-cut" message={m('inactiveNotice', { n: cut.inactiveCut })} />}
        {cut.cutUp + cut.cutDown > 0 && (
          <Alert type="info" showIcon data-testid="penetration-cut" message={m('cutNotice', { parts: [...(cut.cutUp ? [m('cutUp', { n: cut.cutUp })] : []), ...(cut.cutDown ? [m('cutDown', { n: cut.cutDown })] : [])].join(lang === 'zh' ? '，' : ', ') })} />
        )}
      </div>

      <div className="penetration-body">
        <div className="penetration-main">
          <PenetrationCanvas
            model={model}
            selectedId={settings.selected}
            onSelect={onSelect}
            onToggle={onToggle}
            onMore={onMore}
            onCy={setCy}
            text={{ fit: m('fit'), nodesList: m('nodesList'), edgesList: m('edgesList') }}
          />
          {fetching && (
            <div className="penetration-loading" role="status" data-testid="penetration-loading">
              <Spin />
              <span>{m('loading')}</span>
            </div>
          )}
          <p className="penetration-hint">{m('hint')}</p>
        </div>
        <aside className="penetration-side">
          <NodePanel
            node={selected}
            model={model}
            onToggle={onToggle}
            onProfile={(entityKey) => navigate(paths.entity(entityKey))}
            onRecenter={(firmKey) =>
              navigate(paths.penetration(firmKey, settingsLink({ ...settings, collapsed: [], selected: null, maxChildrenUp: DEFAULT_SETTINGS.maxChildrenUp, maxChildrenDown: DEFAULT_SETTINGS.maxChildrenDown })))
            }
          />
          <PenetrationLegend />
        </aside>
      </div>
    </main>
  );
}
