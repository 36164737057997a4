// The key to the canvas, drawn from the same palette as the stylesheet so the two cannot drift.
// Only what the drawing can show under the current filters is listed.

import type { ReactNode } from 'react';
import { useMessages } from '../i18n.ts';
import { vocabulary, type VocabularyKey } from './explorer/vocabulary.ts';
import type { NodeKind, RelationType } from './graphState.ts';
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

function line(color: string, width: number, dash?: string) {
  return (
    <>
      <line x1="2" y1="9" x2="26" y2="9" stroke={color} strokeWidth={width} strokeDasharray={dash} />
      <path d="M25 4.5 L32 9 L25 13.5 Z" fill={color} />
    </>
  );
}

const box = (fill: string, stroke: string, width = 1.5, dash?: string) => (
  <rect x="2" y="3" width="30" height="12" rx="3" fill={fill} stroke={stroke} strokeWidth={width} strokeDasharray={dash} />
);

const kindSwatch: Record<NodeKind, ReactNode> = {
  COMPANY: box(palette.companyFill, palette.companyBorder),
  PERSON: <circle cx="17" cy="9" r="7" fill={palette.personFill} stroke={palette.personBorder} strokeWidth="1.5" />,
  ADDRESS: <path d="M10 3 H26 L30 9 L26 15 H10 Z" fill={palette.otherFill} stroke={palette.otherBorder} strokeWidth="1.5" />,
  PHONE: <path d="M17 2 L24 9 L17 16 L10 9 Z" fill={palette.otherFill} stroke={palette.otherBorder} strokeWidth="1.5" />,
  EMAIL: <path d="M17 2 L24 9 L17 16 L10 9 Z" fill={palette.otherFill} stroke={palette.otherBorder} strokeWidth="1.5" />,
  WEBSITE: <path d="M17 2 L24 9 L17 16 L10 9 Z" fill={palette.otherFill} stroke={palette.otherBorder} strokeWidth="1.5" />,
  LIST_ENTRY: <circle cx="17" cy="9" r="7" fill={palette.listFill} stroke={palette.listBorder} strokeWidth="1.5" />,
};

const typeSwatch: Partial<Record<RelationType, ReactNode>> = {
  HOLDS_SHARES: line(palette.holds, 1.5),
  LEGAL_REPRESENTATIVE_OF: line(palette.legalRep, 1.5, '4 3'),
  OFFICER_OF: line(palette.officer, 1.5, '1.5 2.5'),
  CONTROLS: line(palette.control, 3),
  FLAGGED: line(palette.flagged, 1.5, '4 3'),
};

const marks: { key: VocabularyKey; swatch: ReactNode }[] = [
  { key: 'legend.majority', swatch: line(palette.holdsMajor, 3) },
  { key: 'legend.flagged', swatch: box(palette.flaggedFill, palette.flagged, 3) },
  { key: 'legend.inactive', swatch: box(palette.inactiveFill, palette.inactiveBorder, 1.5, '3 2') },
  { key: 'legend.center', swatch: box(palette.companyFill, palette.center, 3) },
  { key: 'legend.supernode', swatch: box(palette.companyFill, palette.companyBorder, 3.5, '6 1') },
  { key: 'legend.pinned', swatch: <rect x="1" y="1" width="32" height="16" rx="4" fill={palette.companyFill} stroke={palette.pinned} strokeWidth="2" /> },
  { key: 'legend.path', swatch: line(palette.path, 3.5) },
];

export function Legend({ kinds, types }: { kinds: readonly NodeKind[]; types: readonly RelationType[] }) {
  const v = useMessages(vocabulary);
  const items = [
    ...kinds.map((k) => ({ key: `kind.${k}` as VocabularyKey, swatch: kindSwatch[k] })),
    ...types.map((t) => ({ key: `type.${t}` as VocabularyKey, swatch: typeSwatch[t] ?? line(palette.contact, 1.5) })),
    ...marks,
  ];
  return (
    <section className="legend" aria-label={v('legend.title')} data-testid="legend">
      <ul>
        {items.map((item) => (
          <li key={item.key}>
            <Swatch>{item.swatch}</Swatch>
            <span>{v(item.key)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
