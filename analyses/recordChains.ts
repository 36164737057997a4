import { toEntityRef, type Chain, type EntityRef, type NodeRow } from './envelope.ts';

/**
 * Evidence chains to the records a firm carries — its venue approvals and the lists it is on — as
 * the .cypher files of the screens return them.
 */

export interface ApprovalRow {
  approval: NodeRow;
  category: string | null;
  approvedOn: string | null;
  authority: string | null;
}

export interface FlagRow {
  entry: NodeRow;
  listType: string | null;
  caseNo: string | null;
  filedOn: string | null;
  amountWan: number | null;
  victims: number | null;
}

/** Keeps the figures that are there, so an edge shows no empty columns. */
function present(details: Record<string, string | number | null>): Record<string, string | number> {
  return Object.fromEntries(Object.entries(details).filter(([, v]) => v !== null && v !== undefined)) as Record<string, string | number>;
}

/** venue → Approval (APPROVED_BY), with the category, date, document number and authority. */
export function approvalChain(venue: EntityRef, a: ApprovalRow): Chain {
  const approval = toEntityRef(a.approval);
  return {
    kind: 'approval',
    path: [venue, approval],
    edges: [
      {
        type: 'APPROVED_BY',
        details: present({ category: a.category, approvedOn: a.approvedOn, documentNo: a.approval.documentNo ?? null, authority: a.authority }),
      },
    ],
    product: null,
  };
}

/** firm or person → ListEntry (FLAGGED), with the list type, case number, date, amount and victims. */
export function listingChain(subject: EntityRef, f: FlagRow): Chain {
  return {
    kind: 'listing',
    path: [subject, toEntityRef(f.entry)],
    edges: [
      {
        type: 'FLAGGED',
        details: present({ listType: f.listType, caseNo: f.caseNo, filedOn: f.filedOn, amountWan: f.amountWan, victims: f.victims }),
      },
    ],
    product: null,
  };
}
