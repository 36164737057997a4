/**
 * Beneficial Ownership Data Standard (Open Ownership) statements, 0.4 and 0.3, read into one
 * internal form. A BODS file is a JSON array of statements; each statement is checked on its own
 * (the version is detected per statement, so a file may mix them) and either becomes a
 * `BodsStatement` or a problem naming the JSON path at fault.
 *
 * 0.4 is checked against the whole published schema (statement, entity, person and relationship
 * record details, components), not only the fields we map: a statement that breaks the standard
 * anywhere is a statement whose publisher made a mistake, and the clerk should see it. 0.3 is
 * checked on the fields we map and the ones it requires.
 *
 * Grounds: BODS 0.4 schema (openownership/data-standard schema/statement.json, entity-record.json,
 * person-record.json, relationship-record.json, components.json); BODS 0.3 schema (same repository,
 * branch 0.3.0).
 */
import { z } from 'zod';

// ---------------------------------------------------------------------------------------------
// Internal form

export type BodsVersion = '0.4' | '0.3';
export type Directness = 'direct' | 'indirect' | 'unknown';

export interface BodsIdentifier {
  id: string | null;
  scheme: string | null;
  schemeName: string | null;
}

export interface BodsAddress {
  type: string | null;
  address: string | null;
  postCode: string | null;
  country: string | null;
}

/** Percentages as published (0–100); exclusivity null when the statement does not say. */
export interface BodsShare {
  exact: number | null;
  min: number | null;
  minExclusive: boolean | null;
  max: number | null;
  maxExclusive: boolean | null;
}

export interface BodsInterest {
  /** 0.4 interestType code (0.3 codes are the same camelCase words; hyphenated 0.2 spellings are folded). */
  type: string | null;
  directness: Directness | null;
  beneficialOwnershipOrControl: boolean | null;
  details: string | null;
  share: BodsShare | null;
  startDate: string | null;
  endDate: string | null;
}

/** A party by reference (0.4: a record id; 0.3: a statement id, with the kind of statement it must be), or unspecified. */
export type BodsPartyRef =
  | { ref: string; kind: 'entity' | 'person' | null }
  | { unspecified: { reason: string | null; description: string | null } };

export type BodsNamedRef = Extract<BodsPartyRef, { ref: string }>;

interface BodsBase {
  version: BodsVersion;
  statementId: string;
  /**
   * The record the statement is about: 0.4 `recordId`; 0.3 has no records, so it is the
   * statement's own id until the importer follows `replaces` back to the first statement.
   */
  recordId: string;
  statementDate: string | null;
  recordStatus: 'new' | 'updated' | 'closed' | null;
  /** 0.3 `replacesStatements`; empty for 0.4, where a later statement of the same record replaces. */
  replaces: string[];
  isComponent: boolean;
}

export interface BodsEntity extends BodsBase {
  kind: 'entity';
  entityType: string | null;
  entitySubtype: string | null;
  name: string | null;
  alternateNames: string[];
  jurisdiction: { code: string | null; name: string | null } | null;
  identifiers: BodsIdentifier[];
  foundingDate: string | null;
  dissolutionDate: string | null;
  addresses: BodsAddress[];
}

export interface BodsPerson extends BodsBase {
  kind: 'person';
  personType: string | null;
  names: { type: string | null; fullName: string }[];
  nationalities: { code: string | null; name: string | null }[];
  birthDate: string | null;
  identifiers: BodsIdentifier[];
}

export interface BodsRelationship extends BodsBase {
  kind: 'relationship';
  subject: BodsPartyRef;
  interestedParty: BodsPartyRef;
  /** 0.4 `componentRecords`, 0.3 `componentStatementIDs`. */
  components: string[];
  interests: BodsInterest[];
}

export type BodsStatement = BodsEntity | BodsPerson | BodsRelationship;

export type ParsedStatement =
  | { ok: true; statement: BodsStatement }
  | { ok: false; version: BodsVersion | null; path: string; value: string; message: string };

// ---------------------------------------------------------------------------------------------
// Formats (JSON Schema `format`, which the BODS test corpus asserts)

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

export function isFullDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

function isDateTime(s: string): boolean {
  const m = DATE_TIME.exec(s);
  return Boolean(m && isFullDate(m[1]!) && Number(m[2]) < 24 && Number(m[3]) < 60 && Number(m[4]) < 61);
}

// RFC 3986 absolute URI: a scheme, a colon, no whitespace. 'example.com/x' and 'http//x' are not.
const URI = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s]*$/;

const date = z.string().refine(isFullDate, 'expected a date YYYY-MM-DD');
const dateOrDateTime = z.string().refine((s) => isFullDate(s) || isDateTime(s), 'expected a date or date-time (RFC 3339)');
const uri = z.string().regex(URI, 'expected an absolute URI');
const percent = z.number().min(0).max(100);

// ---------------------------------------------------------------------------------------------
// BODS 0.4

const unspecifiedReason04 = z.enum([
  'noBeneficialOwners',
  'subjectUnableToConfirmOrIdentifyBeneficialOwner',
  'interestedPartyHasNotProvidedInformation',
  'subjectExemptFromDisclosure',
  'interestedPartyExemptFromDisclosure',
  'unknown',
  'informationUnknownToPublisher',
]);
const unspecifiedRecord04 = z.object({ reason: unspecifiedReason04, description: z.string().optional() });
const country04 = z.object({ name: z.string(), code: z.string().length(2).optional() });
const jurisdiction04 = z.object({ name: z.string(), code: z.string().min(2).max(6).optional() });
const identifier04 = z
  .object({ id: z.string().optional(), scheme: z.string().optional(), schemeName: z.string().optional(), uri: uri.optional() })
  .refine((i) => i.scheme !== undefined || i.schemeName !== undefined, { message: 'an identifier needs scheme or schemeName', path: ['scheme'] });
const address04 = <T extends readonly [string, ...string[]]>(types: T) =>
  z.object({ type: z.enum(types).optional(), address: z.string().optional(), postCode: z.string().optional(), country: country04.optional() });
const agent04 = z.object({ name: z.string().optional(), uri: uri.optional() });
const source04 = z.object({
  type: z.array(z.enum(['selfDeclaration', 'officialRegister', 'thirdParty', 'primaryResearch', 'verified'])).optional(),
  description: z.string().optional(),
  url: uri.optional(),
  retrievedAt: dateOrDateTime.optional(),
  assertedBy: z.array(agent04).optional(),
});
const annotation04 = z
  .object({
    statementPointerTarget: z.string(),
    creationDate: dateOrDateTime.optional(),
    createdBy: agent04.optional(),
    motivation: z.enum(['commenting', 'correcting', 'identifying', 'linking', 'transformation']),
    description: z.string().optional(),
    transformedContent: z.string().optional(),
    url: uri.optional(),
  })
  .superRefine((a, ctx) => {
    if (a.motivation === 'linking' && a.url === undefined) ctx.addIssue({ code: 'custom', message: 'a linking annotation needs url', path: ['url'] });
    if (a.motivation !== 'transformation' && a.transformedContent !== undefined && a.transformedContent !== '') {
      ctx.addIssue({ code: 'custom', message: 'transformedContent is only for motivation transformation', path: ['transformedContent'] });
    }
  });
const publicationDetails04 = z.object({
  publicationDate: dateOrDateTime,
  bodsVersion: z.string().regex(/^(\d+\.)(\d+)$/, 'expected major.minor'),
  license: uri.optional(),
  publisher: z
    .object({ name: z.string().optional(), url: uri.optional() })
    .refine((p) => p.name !== undefined || p.url !== undefined, 'a publisher needs name or url'),
});

const entitySubtypes: Record<string, readonly string[]> = {
  arrangement: ['trust', 'nomination', 'other'],
  legalEntity: ['trust', 'other'],
  stateBody: ['governmentDepartment', 'stateAgency', 'other'],
  registeredEntity: ['other'],
  state: ['other'],
  anonymousEntity: ['other'],
  unknownEntity: ['other'],
};
const entityType04 = z
  .object({
    type: z.enum(['registeredEntity', 'legalEntity', 'arrangement', 'anonymousEntity', 'unknownEntity', 'state', 'stateBody']),
    subtype: z.enum(['governmentDepartment', 'stateAgency', 'other', 'trust', 'nomination']).optional(),
    details: z.string().optional(),
  })
  .refine((t) => t.subtype === undefined || (entitySubtypes[t.type] ?? []).includes(t.subtype), {
    message: 'the subtype does not belong to this entity type',
    path: ['subtype'],
  });
const securitiesListing04 = z.object({
  marketIdentifierCode: z.string().optional(),
  operatingMarketIdentifierCode: z.string().optional(),
  stockExchangeJurisdiction: z.string().min(2).max(6),
  stockExchangeName: z.string(),
  security: z.object({ idScheme: z.enum(['isin', 'figi', 'cusip', 'cins']).optional(), id: z.string().optional(), ticker: z.string() }),
});
const entityDetails04 = z.object({
  isComponent: z.boolean(),
  entityType: entityType04,
  unspecifiedEntityDetails: unspecifiedRecord04.optional(),
  name: z.string().optional(),
  alternateNames: z.array(z.string()).optional(),
  jurisdiction: jurisdiction04.optional(),
  identifiers: z.array(identifier04).optional(),
  foundingDate: date.optional(),
  dissolutionDate: date.optional(),
  addresses: z.array(address04(['registered', 'business', 'alternative'])).optional(),
  uri: uri.optional(),
  publicListing: z
    .object({ hasPublicListing: z.boolean(), companyFilingsURLs: z.array(uri).optional(), securitiesListings: z.array(securitiesListing04).optional() })
    .optional(),
  formedByStatute: z.object({ name: z.string().optional(), date: date.optional() }).optional(),
});

const partialDate = z.string().refine((s) => /^\d{4}(-(1[0-2]|0[1-9]))?$/.test(s) || isFullDate(s), 'expected YYYY, YYYY-MM or YYYY-MM-DD');
const personDetails04 = z.object({
  isComponent: z.boolean(),
  personType: z.enum(['anonymousPerson', 'unknownPerson', 'knownPerson']),
  unspecifiedPersonDetails: unspecifiedRecord04.optional(),
  names: z
    .array(
      z.object({
        type: z.enum(['legal', 'translation', 'transliteration', 'former', 'alternative', 'birth']).optional(),
        fullName: z.string(),
        familyName: z.string().optional(),
        givenName: z.string().optional(),
        patronymicName: z.string().optional(),
      }),
    )
    .optional(),
  identifiers: z.array(identifier04).optional(),
  nationalities: z.array(country04).optional(),
  placeOfBirth: address04(['placeOfBirth']).optional(),
  birthDate: partialDate.optional(),
  deathDate: partialDate.optional(),
  taxResidencies: z.array(country04).optional(),
  addresses: z.array(address04(['residence', 'service', 'alternative'])).optional(),
  politicalExposure: z
    .object({
      status: z.enum(['isPep', 'isNotPep', 'unknown']),
      details: z
        .array(
          z.object({
            reason: z.string().optional(),
            missingInfoReason: z.string().optional(),
            jurisdiction: jurisdiction04.optional(),
            startDate: date.optional(),
            endDate: date.optional(),
            source: source04.optional(),
          }),
        )
        .optional(),
    })
    .optional(),
});

export const interestTypes04 = [
  'shareholding',
  'votingRights',
  'appointmentOfBoard',
  'otherInfluenceOrControl',
  'seniorManagingOfficial',
  'settlor',
  'trustee',
  'protector',
  'beneficiaryOfLegalArrangement',
  'rightsToSurplusAssetsOnDissolution',
  'rightsToProfitOrIncome',
  'rightsGrantedByContract',
  'conditionalRightsGrantedByContract',
  'controlViaCompanyRulesOrArticles',
  'controlByLegalFramework',
  'boardMember',
  'boardChair',
  'unknownInterest',
  'unpublishedInterest',
  'enjoymentAndUseOfAssets',
  'rightToProfitOrIncomeFromAssets',
  'nominee',
  'nominator',
] as const;
const interest04 = z.object({
  type: z.enum(interestTypes04).optional(),
  directOrIndirect: z.enum(['direct', 'indirect', 'unknown']).optional(),
  beneficialOwnershipOrControl: z.boolean().optional(),
  details: z.string().optional(),
  share: z
    .object({
      exact: percent.optional(),
      maximum: percent.optional(),
      minimum: percent.optional(),
      exclusiveMinimum: percent.optional(),
      exclusiveMaximum: percent.optional(),
    })
    .optional(),
  startDate: date.optional(),
  endDate: date.optional(),
});
const party04 = z.union([z.string(), unspecifiedRecord04]);
const relationshipDetails04 = z
  .object({
    isComponent: z.boolean(),
    componentRecords: z.array(z.string()).optional(),
    subject: party04,
    interestedParty: party04,
    interests: z.array(interest04).optional(),
  })
  .refine((r) => !r.isComponent || (r.componentRecords ?? []).length === 0, {
    message: 'a component relationship has no components of its own',
    path: ['componentRecords'],
  });

const statement04 = z.object({
  statementId: z.string().min(32).max(64),
  statementDate: dateOrDateTime,
  annotations: z.array(annotation04).optional(),
  publicationDetails: publicationDetails04.optional(),
  source: source04.optional(),
  declaration: z.string().optional(),
  declarationSubject: z.string(),
  recordId: z.string(),
  recordType: z.enum(['entity', 'person', 'relationship']),
  recordStatus: z.enum(['new', 'updated', 'closed']).optional(),
  recordDetails: z.record(z.string(), z.unknown()),
});

// ---------------------------------------------------------------------------------------------
// BODS 0.3 (the fields we map, and the ones 0.3 requires)

const statementId03 = z.string().min(32).max(64);
const partialDate03 = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD');
const identifier03 = z.object({ id: z.string().optional(), scheme: z.string().optional(), schemeName: z.string().optional(), uri: z.string().optional() });
const address03 = z.object({ type: z.string().optional(), address: z.string().optional(), postCode: z.string().optional(), country: z.string().optional() });
const unspecified03 = z.object({ reason: z.string(), description: z.string().optional() });
const common03 = {
  statementID: statementId03,
  statementDate: date.optional(),
  isComponent: z.boolean(),
  replacesStatements: z.array(statementId03).optional(),
  publicationDetails: z
    .object({ publicationDate: z.string(), bodsVersion: z.string(), publisher: z.object({ name: z.string().optional(), url: z.string().optional() }) })
    .optional(),
};
const entity03 = z.object({
  ...common03,
  statementType: z.literal('entityStatement'),
  entityType: z.enum(['registeredEntity', 'legalEntity', 'arrangement', 'anonymousEntity', 'unknownEntity', 'state', 'stateBody']),
  name: z.string().optional(),
  alternateNames: z.array(z.string()).optional(),
  jurisdiction: z.object({ name: z.string().optional(), code: z.string().optional() }).optional(),
  identifiers: z.array(identifier03).optional(),
  foundingDate: date.optional(),
  dissolutionDate: date.optional(),
  addresses: z.array(address03).optional(),
});
const person03 = z.object({
  ...common03,
  statementType: z.literal('personStatement'),
  personType: z.enum(['anonymousPerson', 'unknownPerson', 'knownPerson']),
  names: z.array(z.object({ type: z.string().optional(), fullName: z.string().optional(), givenName: z.string().optional(), familyName: z.string().optional() })).optional(),
  identifiers: z.array(identifier03).optional(),
  nationalities: z.array(z.object({ name: z.string().optional(), code: z.string().optional() })).optional(),
  birthDate: partialDate03.optional(),
});
const interest03 = z.object({
  type: z.string().optional(),
  directOrIndirect: z.enum(['direct', 'indirect', 'unknown']).optional(),
  // The name of directOrIndirect in drafts before 0.3; still found in published data.
  interestLevel: z.enum(['direct', 'indirect', 'unknown']).optional(),
  beneficialOwnershipOrControl: z.boolean().optional(),
  details: z.string().optional(),
  share: z
    .object({
      exact: percent.optional(),
      minimum: percent.optional(),
      maximum: percent.optional(),
      exclusiveMinimum: z.boolean().optional(),
      exclusiveMaximum: z.boolean().optional(),
    })
    .optional(),
  startDate: partialDate03.optional(),
  endDate: partialDate03.optional(),
});
const ownership03 = z.object({
  ...common03,
  statementType: z.literal('ownershipOrControlStatement'),
  subject: z.object({ describedByEntityStatement: z.string() }),
  interestedParty: z
    .object({ describedByPersonStatement: z.string().optional(), describedByEntityStatement: z.string().optional(), unspecified: unspecified03.optional() })
    .refine((p) => [p.describedByPersonStatement, p.describedByEntityStatement, p.unspecified].filter((x) => x !== undefined).length === 1, {
      message: 'the interested party is exactly one of describedByPersonStatement, describedByEntityStatement, unspecified',
    }),
  interests: z.array(interest03).optional(),
  componentStatementIDs: z.array(z.string()).optional(),
});
const statement03 = z.discriminatedUnion('statementType', [entity03, person03, ownership03]);

// ---------------------------------------------------------------------------------------------
// Problems

function pathText(path: readonly PropertyKey[]): string {
  let out = '$';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : `.${String(p)}`;
  return out;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[p as string];
  }
  return v;
}

/** The offending value as a clerk can read it in a spreadsheet cell: JSON, cut at 80 characters. */
export function shortValue(value: unknown): string {
  if (value === undefined) return '';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 80 ? text.slice(0, 79) + '…' : text;
}

function problem(version: BodsVersion | null, root: unknown, error: z.ZodError, prefix: PropertyKey[] = []): ParsedStatement {
  const issue = error.issues[0]!;
  const path = [...prefix, ...issue.path];
  return { ok: false, version, path: pathText(path), value: shortValue(valueAt(root, path)), message: issue.message };
}

// ---------------------------------------------------------------------------------------------
// Normalising

const orNull = <T>(v: T | undefined): T | null => (v === undefined ? null : v);

/** 'voting-rights' (0.2 spelling) → 'votingRights'; camelCase passes through. */
function interestCode(type: string | undefined): string | null {
  if (!type) return null;
  return type.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

function identifiers(list: { id?: string; scheme?: string; schemeName?: string }[] | undefined): BodsIdentifier[] {
  return (list ?? []).map((i) => ({ id: orNull(i.id), scheme: orNull(i.scheme), schemeName: orNull(i.schemeName) }));
}

function fromV04(raw: unknown): ParsedStatement {
  const head = statement04.safeParse(raw);
  if (!head.success) return problem('0.4', raw, head.error);
  const s = head.data;
  const base = {
    version: '0.4' as const,
    statementId: s.statementId,
    recordId: s.recordId,
    statementDate: s.statementDate,
    recordStatus: orNull(s.recordStatus),
    replaces: [],
  };
  const details = s.recordDetails;
  if (s.recordType === 'entity') {
    const r = entityDetails04.safeParse(details);
    if (!r.success) return problem('0.4', raw, r.error, ['recordDetails']);
    const d = r.data;
    return {
      ok: true,
      statement: {
        ...base,
        kind: 'entity',
        isComponent: d.isComponent,
        entityType: d.entityType.type,
        entitySubtype: orNull(d.entityType.subtype),
        name: orNull(d.name),
        alternateNames: d.alternateNames ?? [],
        jurisdiction: d.jurisdiction ? { code: orNull(d.jurisdiction.code), name: d.jurisdiction.name } : null,
        identifiers: identifiers(d.identifiers),
        foundingDate: orNull(d.foundingDate),
        dissolutionDate: orNull(d.dissolutionDate),
        addresses: (d.addresses ?? []).map((a) => ({
          type: orNull(a.type),
          address: orNull(a.address),
          postCode: orNull(a.postCode),
          country: a.country ? (a.country.code ?? a.country.name) : null,
        })),
      },
    };
  }
  if (s.recordType === 'person') {
    const r = personDetails04.safeParse(details);
    if (!r.success) return problem('0.4', raw, r.error, ['recordDetails']);
    const d = r.data;
    return {
      ok: true,
      statement: {
        ...base,
        kind: 'person',
        isComponent: d.isComponent,
        personType: d.personType,
        names: (d.names ?? []).map((n) => ({ type: orNull(n.type), fullName: n.fullName })),
        nationalities: (d.nationalities ?? []).map((n) => ({ code: orNull(n.code), name: n.name })),
        birthDate: orNull(d.birthDate),
        identifiers: identifiers(d.identifiers),
      },
    };
  }
  const r = relationshipDetails04.safeParse(details);
  if (!r.success) return problem('0.4', raw, r.error, ['recordDetails']);
  const d = r.data;
  const party = (p: z.infer<typeof party04>): BodsPartyRef =>
    typeof p === 'string' ? { ref: p, kind: null } : { unspecified: { reason: p.reason, description: orNull(p.description) } };
  return {
    ok: true,
    statement: {
      ...base,
      kind: 'relationship',
      isComponent: d.isComponent,
      subject: party(d.subject),
      interestedParty: party(d.interestedParty),
      components: d.componentRecords ?? [],
      interests: (d.interests ?? []).map((i) => ({
        type: orNull(i.type),
        directness: orNull(i.directOrIndirect),
        beneficialOwnershipOrControl: orNull(i.beneficialOwnershipOrControl),
        details: orNull(i.details),
        share: i.share
          ? {
              exact: orNull(i.share.exact),
              min: i.share.minimum ?? i.share.exclusiveMinimum ?? null,
              minExclusive: i.share.minimum !== undefined ? false : i.share.exclusiveMinimum !== undefined ? true : null,
              max: i.share.maximum ?? i.share.exclusiveMaximum ?? null,
              maxExclusive: i.share.maximum !== undefined ? false : i.share.exclusiveMaximum !== undefined ? true : null,
            }
          : null,
        startDate: orNull(i.startDate),
        endDate: orNull(i.endDate),
      })),
    },
  };
}

function fromV03(raw: unknown): ParsedStatement {
  const parsed = statement03.safeParse(raw);
  if (!parsed.success) return problem('0.3', raw, parsed.error);
  const s = parsed.data;
  const base = {
    version: '0.3' as const,
    statementId: s.statementID,
    recordId: s.statementID,
    statementDate: orNull(s.statementDate),
    recordStatus: null,
    replaces: s.replacesStatements ?? [],
    isComponent: s.isComponent,
  };
  if (s.statementType === 'entityStatement') {
    return {
      ok: true,
      statement: {
        ...base,
        kind: 'entity',
        entityType: s.entityType,
        entitySubtype: null,
        name: orNull(s.name),
        alternateNames: s.alternateNames ?? [],
        jurisdiction: s.jurisdiction ? { code: orNull(s.jurisdiction.code), name: orNull(s.jurisdiction.name) } : null,
        identifiers: identifiers(s.identifiers),
        foundingDate: orNull(s.foundingDate),
        dissolutionDate: orNull(s.dissolutionDate),
        addresses: (s.addresses ?? []).map((a) => ({ type: orNull(a.type), address: orNull(a.address), postCode: orNull(a.postCode), country: orNull(a.country) })),
      },
    };
  }
  if (s.statementType === 'personStatement') {
    return {
      ok: true,
      statement: {
        ...base,
        kind: 'person',
        personType: s.personType,
        names: (s.names ?? []).flatMap((n) => (n.fullName ? [{ type: orNull(n.type), fullName: n.fullName }] : [])),
        nationalities: (s.nationalities ?? []).map((n) => ({ code: orNull(n.code), name: orNull(n.name) })),
        birthDate: orNull(s.birthDate),
        identifiers: identifiers(s.identifiers),
      },
    };
  }
  const ip = s.interestedParty;
  return {
    ok: true,
    statement: {
      ...base,
      kind: 'relationship',
      subject: { ref: s.subject.describedByEntityStatement, kind: 'entity' },
      interestedParty: ip.unspecified
        ? { unspecified: { reason: ip.unspecified.reason, description: orNull(ip.unspecified.description) } }
        : ip.describedByPersonStatement !== undefined
          ? { ref: ip.describedByPersonStatement, kind: 'person' }
          : { ref: ip.describedByEntityStatement!, kind: 'entity' },
      components: s.componentStatementIDs ?? [],
      interests: (s.interests ?? []).map((i) => ({
        type: interestCode(i.type),
        directness: i.directOrIndirect ?? i.interestLevel ?? null,
        beneficialOwnershipOrControl: orNull(i.beneficialOwnershipOrControl),
        details: orNull(i.details),
        share: i.share
          ? {
              exact: orNull(i.share.exact),
              min: orNull(i.share.minimum),
              minExclusive: i.share.minimum !== undefined ? orNull(i.share.exclusiveMinimum) : null,
              max: orNull(i.share.maximum),
              maxExclusive: i.share.maximum !== undefined ? orNull(i.share.exclusiveMaximum) : null,
            }
          : null,
        startDate: orNull(i.startDate),
        endDate: orNull(i.endDate),
      })),
    },
  };
}

/** Which version a statement claims to be, from its identifying fields; null when neither. */
export function bodsVersionOf(raw: unknown): BodsVersion | null {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return null;
  const o = raw as Record<string, unknown>;
  if ('recordType' in o || 'statementId' in o || 'recordDetails' in o) return '0.4';
  if ('statementType' in o || 'statementID' in o) return '0.3';
  return null;
}

/** Checks one statement against its version's schema and reads it into the internal form. */
export function parseStatement(raw: unknown): ParsedStatement {
  const version = bodsVersionOf(raw);
  if (version === '0.4') return fromV04(raw);
  if (version === '0.3') return fromV03(raw);
  return {
    ok: false,
    version: null,
    path: '$',
    value: shortValue(raw),
    message: 'not a BODS statement: an object with statementId and recordType (0.4) or statementID and statementType (0.3)',
  };
}
