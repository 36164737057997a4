// The key to the penetration chart, drawn from the same palette as the chart's stylesheet.

import { Card } from 'antd';
import type { CSSProperties } from 'react';
import { chartPalette as c } from '../../graph/penetration/chartStyle.ts';
import { useMessages } from '../../i18n.ts';
import { messages, type PenetrationMessageKey } from './messages.ts';

const NODE_KEYS: { label: PenetrationMessageKey; style: CSSProperties }[] = [
  { label: 'legendRoot', style: { background: c.rootFill, borderColor: c.rootFill } },
  { label: 'legendCompany', style: { background: c.companyFill, borderColor: c.companyBorder } },
  { label: 'legendPerson', style: { background: c.personFill, borderColor: c.personBorder } },
  { label: 'legendOwner', style: { background: c.ownerFill, borderColor: c.ownerBorder, borderWidth: 3 } },
  { label: 'legendController', style: { background: c.companyFill, borderColor: c.controllerBorder, borderWidth: 4, borderStyle: 'double' } },
  { label: 'legendInactive', style: { background: c.inactiveFill, borderColor: c.inactiveBorder, borderStyle: 'dashed' } },
  { label: 'legendMore', style: { background: c.moreFill, borderColor: c.moreBorder, borderStyle: 'dashed' } },
  { label: 'legendCollapsed', style: { background: c.companyFill, borderColor: c.companyBorder, outline: `3px solid ${c.collapsed}`, outlineOffset: 2, opacity: 0.9 } },
];

const EDGE_KEYS: { label: PenetrationMessageKey; style: CSSProperties }[] = [
  { label: 'legendHolds', style: { borderTopColor: c.holds, borderTopStyle: 'solid' } },
  { label: 'legendControls', style: { borderTopColor: c.control, borderTopStyle: 'dashed' } },
  { label: 'legendCycle', style: { borderTopColor: c.cycle, borderTopStyle: 'solid', borderTopWidth: 3 } },
];

export function PenetrationLegend() {
  const m = useMessages(messages);
  return (
    <Card size="small" title={m('legend')} data-testid="penetration-legend" className="penetration-legend">
      <ul>
        {NODE_KEYS.map((k) => (
          <li key={k.label}>
            <span className="legend-node" style={k.style} aria-hidden="true" />
            {m(k.label)}
          </li>
        ))}
        {EDGE_KEYS.map((k) => (
          <li key={k.label}>
            <span className="legend-edge" style={k.style} aria-hidden="true" />
            {m(k.label)}
          </li>
        ))}
      </ul>
    </Card>
  );
}
