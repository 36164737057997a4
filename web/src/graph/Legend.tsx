// The key to the canvas, drawn from the same palette as the stylesheet so the two cannot drift.

import type { ReactNode } from 'react';
import { useI18n, type MessageKey } from '../i18n.ts';
import { palette } from './style.ts';

const W = 34;
const H = 18;

function Swatch({ children }: { children: ReactNode }) {
  return (
    <svg width={W} height={H} viewBox={`0 0 ${W} ${H}`} aria-hidden="true">
      {children}
    </svg>
  );
}

const nodeItems: { key: MessageKey; swatch: ReactNode }[] = [
  {
    key: 'legend.company',
    swatch: <rect x="2" y="3" width="30" height="12" rx="3" fill={palette.companyFill} stroke={palette.companyBorder} strokeWidth="1.5" />,
  },
  {
    key: 'legend.person',
    swatch: <circle cx="17" cy="9" r="7" fill={palette.personFill} stroke={palette.personBorder} strokeWidth="1.5" />,
  },
  {
    key: 'legend.inactive',
    swatch: (
      <rect x="2" y="3" width="30" height="12" rx="3" fill={palette.inactiveFill} stroke={palette.inactiveBorder} strokeWidth="1.5" strokeDasharray="3 2" />
    ),
  },
  {
    key: 'legend.center',
    swatch: <rect x="3" y="3" width="28" height="12" rx="3" fill={palette.companyFill} stroke={palette.center} strokeWidth="3" />,
  },
];

function line(color: string, width: number, dash?: string) {
  return (
    <>
      <line x1="2" y1="9" x2="26" y2="9" stroke={color} strokeWidth={width} strokeDasharray={dash} />
      <path d="M25 4.5 L32 9 L25 13.5 Z" fill={color} />
    </>
  );
}

const edgeItems: { key: MessageKey; swatch: ReactNode }[] = [
  { key: 'legend.holds', swatch: line(palette.holdsMajor, 3) },
  { key: 'legend.legalRep', swatch: line(palette.legalRep, 1.5, '4 3') },
  { key: 'legend.officer', swatch: line(palette.officer, 1.5, '1.5 2.5') },
];

export function Legend() {
  const { t } = useI18n();
  return (
    <section className="legend" aria-label={t('legend.title')} data-testid="legend">
      <h3>{t('legend.title')}</h3>
      <ul>
        {[...nodeItems, ...edgeItems].map((item) => (
          <li key={item.key}>
            <Swatch>{item.swatch}</Swatch>
            <span>{t(item.key)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
