import { z } from 'zod';
import type { GraphReader } from '../cypher/run.ts';
import { readKeywordLists } from '../cypher/vocabularies.ts';
import { isWithin } from '../model/divisions.ts';
import { approvedClassesOf, changeClasses, changeClassCaption, changeClassOf, type ChangeClass } from './changeItems.ts';
import { bySubject, envelopeOf, toEntityRef, type Chain, type EntityRef, type Envelope, type Finding, type NodeRow } from './envelope.ts';
import { anyOf, keywordClause } from './fulltextQuery.ts';
import { keywordListUse, venueKeywords } from './keywords/lists.ts';
import { isoDate, jurisdiction, stringList } from './params.ts';
import { approvalChain, type ApprovalRow } from './recordChains.ts';
import { occurrences } from './textHits.ts';

/**
 * 未经批准的变更 / unapproved changes: trading venues registered in the jurisdiction that changed
 * name, registered capital, address, legal representative or major shareholders, merged, split or
 * opened a branch without an approval of that change dated on or before it, with their change
 * history. docs/analyses/unapproved-changes.md.
 */

export const unapprovedChangesParams = z
  .object({
    /** Venues registered in this division (GB/T 2260); the registry fills in the configured one. */
    jurisdiction,
    /** Changes on or after this day. */
    from: isoDate.optional(),
    /** Changes on or before this day. */
    to: isoDate.optional(),
    /** Which kinds of change to screen; absent: all. */
    items: stringList.pipe(z.array(z.enum(changeClasses)).min(1)).optional(),
  })
  .refine((p) => !p.from || !p.to || p.from <= p.to, { message: 'from 应不晚于 to / from must not be after to', path: ['from'] });
export type UnapprovedChangesParams = z.output<typeof unapprovedChangesParams>;

interface ChangeRow {
  change: NodeRow;
  item: string;
  before: string | null;
  after: string | null;
  changedOn: string | null;
}

interface BranchRow {
  branch: { key: string; name: string; labels: string[] };
  establishedOn: string | null;
  validTo: string | null;
  status: string | null;
}

interface VenueRow {
  venue: { key: string; name: string; labels: string[] };
  exchange: boolean;
  formerNames: string[] | null;
  status: string | null;
  regionCode: string | null;
  regionName: string | null;
  changes: ChangeRow[];
  approvals: ApprovalRow[];
  branches: BranchRow[];
}

/** One change (or new branch) screened, and whether an approval covers it. */
interface Screened {
  cls: ChangeClass;
  on: string | null;
  label: string;
  approvedBy: ApprovalRow | null;
  late: ApprovalRow[];
  chain: Chain;
}

const approvalText = (a: ApprovalRow) => `${a.approval.documentNo ?? a.approval.key}（${a.category ?? ''}${a.approvedOn ? `，${a.approvedOn}` : ''}）`;

/**
 * The approval covering a change of this class on this day: one of the class dated on or before
 * it. An undated approval, or an undated change, cannot be shown to be late and counts as covering.
 */
function coverage(cls: ChangeClass, on: string | null, approvals: ApprovalRow[]): { approvedBy: ApprovalRow | null; late: ApprovalRow[] } {
  const ofClass = approvals.filter((a) => approvedClassesOf(a.category).includes(cls));
  const inTime = ofClass.filter((a) => !a.approvedOn || !on || a.approvedOn <= on).sort((a, b) => (b.approvedOn ?? '').localeCompare(a.approvedOn ?? ''));
  return { approvedBy: inTime[0] ?? null, late: inTime.length > 0 ? [] : ofClass };
}

function isVenueLike(row: VenueRow, words: string[]): boolean {
  if (row.exchange) return true;
  return [row.venue.name, ...(row.formerNames ?? [])].some((text) => words.some((w) => occurrences(text, w).length > 0));
}

export async function unapprovedChanges(graph: GraphReader, params: UnapprovedChangesParams): Promise<Envelope> {
  const ranAt = new Date().toISOString();
  const lists = await readKeywordLists(graph);
  const words = venueKeywords(lists);
  const clauses = words.flatMap((w) => keywordClause(w, ['name', 'formerNamesText']) ?? []);
  const rows = await graph.read<VenueRow>('analyses/venueChanges', { venueQuery: anyOf(clauses) });
  const screenedClasses = new Set<ChangeClass>(params.items ?? changeClasses);
  const inRange = (on: string | null) => !on || ((!params.from || on >= params.from) && (!params.to || on <= params.to));

  const findings: Finding[] = [];
  for (const row of rows) {
    if (!isVenueLike(row, words)) continue;
    // A venue whose registration place is unknown cannot be shown to lie outside: it is kept.
    if (row.regionCode && !isWithin(row.regionCode, params.jurisdiction)) continue;
    const venue: EntityRef = { kind: 'COMPANY', key: row.venue.key, name: row.venue.name };

    const screened: Screened[] = [];
    for (const c of row.changes) {
      const cls = changeClassOf(c.item);
      if (!cls || !screenedClasses.has(cls) || !inRange(c.changedOn)) continue;
      const { approvedBy, late } = coverage(cls, c.changedOn, row.approvals);
      screened.push({
        cls,
        on: c.changedOn,
        label: `${c.item}（${c.changedOn ?? '日期不详 / date unknown'}）`,
        approvedBy,
        late,
        chain: {
          kind: 'change',
          path: [venue, toEntityRef(c.change)],
          edges: [
            {
              type: 'HAS_CHANGE',
              details: {
                item: c.item,
                change: changeClassCaption[cls].zh,
                before: c.before,
                after: c.after,
                changedOn: c.changedOn,
                approved: approvedBy !== null,
                approvedBy: approvedBy ? approvalText(approvedBy) : null,
              },
            },
          ],
          product: null,
        },
      });
    }
    if (screenedClasses.has('branch')) {
      for (const b of row.branches) {
        if (!inRange(b.establishedOn)) continue;
        const { approvedBy, late } = coverage('branch', b.establishedOn, row.approvals);
        screened.push({
          cls: 'branch',
          on: b.establishedOn,
          label: `设立分支机构 ${b.branch.name}（${b.establishedOn ?? '日期不详 / date unknown'}）`,
          approvedBy,
          late,
          chain: {
            kind: 'branch',
            path: [toEntityRef(b.branch), venue],
            edges: [
              {
                type: 'BRANCH_OF',
                ...(b.establishedOn ? { validFrom: b.establishedOn } : {}),
                ...(b.validTo ? { validTo: b.validTo } : {}),
                details: { change: changeClassCaption.branch.zh, status: b.status, approved: approvedBy !== null, approvedBy: approvedBy ? approvalText(approvedBy) : null },
              },
            ],
            product: null,
          },
        });
      }
    }
    const unapproved = screened.filter((s) => s.approvedBy === null).sort((a, b) => (a.on ?? '').localeCompare(b.on ?? ''));
    if (unapproved.length === 0) continue;
    const approved = screened.filter((s) => s.approvedBy !== null).sort((a, b) => (a.on ?? '').localeCompare(b.on ?? ''));
    const dates = unapproved.flatMap((s) => (s.on ? [s.on] : []));
    findings.push({
      subject: venue,
      score: unapproved.length,
      facts: {
        status: row.status,
        registeredIn: row.regionName,
        regionCode: row.regionCode,
        exchange: row.exchange,
        unapprovedItems: unapproved.map((s) => s.label),
        unapprovedKinds: [...new Set(unapproved.map((s) => s.cls))],
        unapprovedCount: unapproved.length,
        approvedCount: approved.length,
        firstUnapprovedOn: dates[0] ?? null,
        lastUnapprovedOn: dates[dates.length - 1] ?? null,
        lateApprovals: [...new Set(unapproved.flatMap((s) => s.late.map(approvalText)))],
        approvals: row.approvals.map(approvalText).sort(),
      },
      evidence: {
        chains: [...unapproved.map((s) => s.chain), ...approved.map((s) => s.chain), ...[...row.approvals].sort((a, b) => (a.approvedOn ?? '').localeCompare(b.approvedOn ?? '')).map((a) => approvalChain(venue, a))],
        chainsComplete: true,
      },
      exhaustive: true,
      limitsHit: [],
    });
  }

  findings.sort((a, b) => (b.score ?? 0) - (a.score ?? 0) || bySubject(a, b));
  // Every venue, change and approval is read: nothing here is capped.
  return { ...envelopeOf('unapproved-changes', { ...params }, ranAt, null, [], findings), keywordLists: keywordListUse(lists) };
}
