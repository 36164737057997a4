/**
 * GLEIF records read directly into the BODS internal form, so a GLEIF download becomes the same
 * graph as Open Ownership's BODS output of it (bods-gleif-pipeline), without the pipeline:
 * - a Level 1 LEI record → an entity (LEI and the register's own number as identifiers, so a
 *   Chinese firm is keyed by the USCC GLEIF carries as RegistrationAuthorityEntityID);
 * - a Level 2 relationship record → a relationship, child (StartNode) the subject and parent
 *   (EndNode) the interested party: IS_DIRECTLY_CONSOLIDATED_BY a direct, IS_ULTIMATELY_CONSOLIDATED_BY
 *   an indirect 'otherInfluenceOrControl' interest, as the pipeline maps them;
 * - a reporting exception (a parent not disclosed) → a relationship with an unspecified party.
 * The file is a JSON array of such records, as in GLEIF's API and the pipeline's fixtures.
 *
 * One difference from the pipeline, on purpose: GLEIF's OtherEntityNames (a firm's name in
 * another language, e.g. the English name of a Hong Kong firm) are kept as alternate names; the
 * pipeline drops them, and they are what an investigator searching in English will type.
 *
 * Grounds: GLEIF LEI-CDF 3.1 and RR-CDF 2.1 formats; openownership/bods-gleif-pipeline output
 * (data/gleif-bods-fixtures).
 */
import fs from 'node:fs';
import { streamArray } from 'stream-json/streamers/stream-array.js';
import type { Graph } from '../../cypher/run.ts';
import { importStatements, type BodsImportContext, type BodsImportSummary, type SourceStatement, type StatementSource } from './importBods.ts';
import type { BodsAddress, BodsEntity, BodsRelationship, ParsedStatement } from './statements.ts';
import { shortValue } from './statements.ts';

interface GleifAddress {
  FirstAddressLine?: string;
  AdditionalAddressLine?: string | string[];
  City?: string;
  Region?: string;
  Country?: string;
  PostalCode?: string;
}

interface GleifLeiRecord {
  LEI: string;
  Entity: {
    LegalName?: string;
    OtherEntityNames?: { OtherEntityName?: string; type?: string }[];
    LegalAddress?: GleifAddress;
    HeadquartersAddress?: GleifAddress;
    RegistrationAuthority?: { RegistrationAuthorityID?: string; RegistrationAuthorityEntityID?: string };
    LegalJurisdiction?: string;
    EntityStatus?: string;
    EntityCreationDate?: string;
  };
  Registration?: { LastUpdateDate?: string; RegistrationStatus?: string };
}

interface GleifRelationshipRecord {
  Relationship: {
    StartNode: { NodeID: string; NodeIDType?: string };
    EndNode: { NodeID: string; NodeIDType?: string };
    RelationshipType: string;
    RelationshipPeriods?: { StartDate?: string; EndDate?: string; PeriodType?: string }[];
    RelationshipStatus?: string;
  };
  Registration?: { LastUpdateDate?: string; RegistrationStatus?: string };
}

interface GleifException {
  LEI: string;
  ExceptionCategory: string;
  ExceptionReason?: string;
  ContentDate?: string;
}

const CONSOLIDATION: Record<string, 'direct' | 'indirect'> = {
  IS_DIRECTLY_CONSOLIDATED_BY: 'direct',
  IS_ULTIMATELY_CONSOLIDATED_BY: 'indirect',
};
const EXCEPTION: Record<string, 'direct' | 'indirect'> = {
  DIRECT_ACCOUNTING_CONSOLIDATION_PARENT: 'direct',
  ULTIMATE_ACCOUNTING_CONSOLIDATION_PARENT: 'indirect',
};
// A registration GLEIF has withdrawn no longer speaks for the firm or the relationship.
const WITHDRAWN = new Set(['RETIRED', 'ANNULLED', 'DUPLICATE', 'MERGED']);

const day = (text: string | undefined): string | null => (text && /^\d{4}-\d{2}-\d{2}/.test(text) ? text.slice(0, 10) : null);

/** GLEIF's timestamps carry the registering LOU's zone; the calendar date is what the register says. */
function statementDateOf(record: { Registration?: { LastUpdateDate?: string } }, fixed: string | null): string | null {
  return fixed ?? day(record.Registration?.LastUpdateDate);
}

function address(type: 'registered' | 'business', a: GleifAddress | undefined): BodsAddress[] {
  if (!a) return [];
  const extra = Array.isArray(a.AdditionalAddressLine) ? a.AdditionalAddressLine : a.AdditionalAddressLine ? [a.AdditionalAddressLine] : [];
  const text = [a.FirstAddressLine, ...extra, a.City].filter((x): x is string => Boolean(x?.trim())).join(', ');
  return [{ type, address: text || null, postCode: a.PostalCode ?? null, country: a.Country ?? null }];
}

function entityFrom(r: GleifLeiRecord, fixedDate: string | null): BodsEntity {
  const date = statementDateOf(r, fixedDate);
  const ra = r.Entity.RegistrationAuthority;
  return {
    version: '0.4',
    kind: 'entity',
    statementId: `XI-LEI-${r.LEI}-${(date ?? '').replace(/-/g, '')}`,
    recordId: r.LEI,
    statementDate: date,
    recordStatus: WITHDRAWN.has(r.Registration?.RegistrationStatus ?? '') ? 'closed' : 'new',
    replaces: [],
    isComponent: false,
    entityType: 'registeredEntity',
    entitySubtype: null,
    name: r.Entity.LegalName ?? null,
    alternateNames: (r.Entity.OtherEntityNames ?? []).flatMap((n) => (n.OtherEntityName ? [n.OtherEntityName] : [])),
    jurisdiction: r.Entity.LegalJurisdiction ? { code: r.Entity.LegalJurisdiction, name: null } : null,
    identifiers: [
      { id: r.LEI, scheme: 'XI-LEI', schemeName: 'Global Legal Entity Identifier Index' },
      ...(ra?.RegistrationAuthorityEntityID ? [{ id: ra.RegistrationAuthorityEntityID, scheme: null, schemeName: ra.RegistrationAuthorityID ?? null }] : []),
    ],
    foundingDate: day(r.Entity.EntityCreationDate),
    dissolutionDate: null,
    addresses: [...address('registered', r.Entity.LegalAddress), ...address('business', r.Entity.HeadquartersAddress)],
  };
}

function relationshipFrom(r: GleifRelationshipRecord, fixedDate: string | null): BodsRelationship | null {
  const rel = r.Relationship;
  const directness = CONSOLIDATION[rel.RelationshipType];
  if (!directness) return null;
  const date = statementDateOf(r, fixedDate);
  const period = rel.RelationshipPeriods?.find((p) => p.PeriodType === 'RELATIONSHIP_PERIOD');
  const ended = rel.RelationshipStatus === 'INACTIVE' || WITHDRAWN.has(r.Registration?.RegistrationStatus ?? '');
  const recordId = `rr-${directness === 'direct' ? 'd' : 'u'}-${rel.StartNode.NodeID}-${rel.EndNode.NodeID}`;
  return {
    version: '0.4',
    kind: 'relationship',
    statementId: `XI-LEI-${recordId}-${(date ?? '').replace(/-/g, '')}`,
    recordId,
    statementDate: date,
    recordStatus: ended ? 'closed' : 'new',
    replaces: [],
    isComponent: false,
    subject: { ref: rel.StartNode.NodeID, kind: null },
    interestedParty: { ref: rel.EndNode.NodeID, kind: null },
    components: [],
    interests: [
      {
        type: 'otherInfluenceOrControl',
        directness,
        beneficialOwnershipOrControl: false,
        details: `Relationship Type: ${rel.RelationshipType}`,
        share: null,
        startDate: day(period?.StartDate),
        endDate: ended ? day(period?.EndDate) : null,
      },
    ],
  };
}

function exceptionFrom(r: GleifException, fixedDate: string | null): BodsRelationship | null {
  const directness = EXCEPTION[r.ExceptionCategory];
  if (!directness) return null;
  const date = fixedDate ?? day(r.ContentDate);
  const recordId = `repex-${directness === 'direct' ? 'd' : 'u'}-${r.LEI}`;
  return {
    version: '0.4',
    kind: 'relationship',
    statementId: `XI-LEI-${recordId}-${(date ?? '').replace(/-/g, '')}`,
    recordId,
    statementDate: date,
    recordStatus: 'new',
    replaces: [],
    isComponent: false,
    subject: { ref: r.LEI, kind: null },
    interestedParty: { unspecified: { reason: 'interestedPartyExemptFromDisclosure', description: r.ExceptionReason ?? null } },
    components: [],
    interests: [
      {
        type: 'otherInfluenceOrControl',
        directness,
        beneficialOwnershipOrControl: false,
        details: `Exception Category: ${r.ExceptionCategory}`,
        share: null,
        startDate: null,
        endDate: null,
      },
    ],
  };
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * One GLEIF record as a statement; null for a record of a kind the graph does not take (fund
 * management, sub-fund, feeder and branch relationships: no ownership or control to compare).
 */
export function gleifStatement(record: unknown, statementDate: string | null = null): ParsedStatement | null {
  const bad = (message: string): ParsedStatement => ({ ok: false, version: null, path: '$', value: shortValue(record), message });
  if (!isObject(record)) return bad('not a GLEIF record');
  if (isObject(record.Relationship)) {
    const r = record as unknown as GleifRelationshipRecord;
    if (!r.Relationship.StartNode?.NodeID || !r.Relationship.EndNode?.NodeID) return bad('a relationship record needs StartNode and EndNode');
    const s = relationshipFrom(r, statementDate);
    return s ? { ok: true, statement: s } : null;
  }
  if (typeof record.LEI === 'string' && typeof record.ExceptionCategory === 'string') {
    const s = exceptionFrom(record as unknown as GleifException, statementDate);
    return s ? { ok: true, statement: s } : null;
  }
  if (typeof record.LEI === 'string' && isObject(record.Entity)) return { ok: true, statement: entityFrom(record as unknown as GleifLeiRecord, statementDate) };
  return bad('neither an LEI record, a relationship record nor a reporting exception');
}

/** Whether a file's first array element is a GLEIF record (LEI, relationship or reporting exception). */
export function isGleifFile(firstValue: unknown): boolean {
  return isObject(firstValue) && (isObject(firstValue.Relationship) || (typeof firstValue.LEI === 'string' && (isObject(firstValue.Entity) || 'ExceptionCategory' in firstValue)));
}

function gleifSource(file: string, statementDate: string | null): StatementSource {
  return async function* (): AsyncGenerator<SourceStatement> {
    const stream = fs.createReadStream(file).pipe(streamArray.withParserAsStream());
    for await (const item of stream) {
      const { key, value } = item as { key: number; value: unknown };
      const parsed = gleifStatement(value, statementDate);
      if (parsed) yield { index: key, parsed };
    }
  };
}

/**
 * Imports a JSON array of GLEIF records. `statementDate` is the date of the GLEIF file (the
 * golden copy's publication date, as the pipeline dates its statements); without it each record
 * is dated by its LastUpdateDate.
 */
export function importGleifFile(graph: Graph, file: string, ctx: BodsImportContext & { statementDate?: string }): Promise<BodsImportSummary> {
  return importStatements(graph, gleifSource(file, ctx.statementDate ?? null), ctx);
}
