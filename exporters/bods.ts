/**
 * A report's ownership and control network as Beneficial Ownership Data Standard 0.4 statements
 * (a JSON array), for registers and tools that read BODS (Open Ownership's, GLEIF's, and our own
 * importer). Firms become entity statements, persons person statements, each HOLDS_SHARES and
 * CONTROLS relationship a direct relationship statement; for a `beneficial-owners` run, each
 * beneficial owner reached through intermediaries also gets an indirect statement naming its chain
 * as components, which is what BODS consumers read as "who owns this firm in the end".
 *
 * Ids: a record is a firm, person or relationship of the graph, so `recordId` is made from its keys
 * and is the same in every export; a statement is one run's claim about a record, so
 * `statementId` is the SHA-256 of the run id and the record id (64 hex characters, within the
 * 32–64 the standard asks). Re-exporting a run gives the same statements; a later run gives new
 * statements about the same records.
 *
 * What is not carried: ID numbers (the network has keys and names only; a masked number is no
 * identifier), roles (a BODS reader would take an officer for a controller), and relationships
 * other than holdings and control.
 *
 * Grounds: BODS 0.4 schema (exporters/bods-0.4/, vendored unchanged) and its examples
 * (indirect-ownership.json, mixed-direct-and-indirect-ownership.json); org-id.guide's CN-USCI
 * (统一社会信用代码) and CN-SAIC (the registration number before it) for entity identifiers.
 */
import { createHash } from 'node:crypto';
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { Chain, EntityRef } from '../analyses/envelope.ts';
import type { ReportDocument } from './document.ts';
import statementSchema from './bods-0.4/statement.json' with { type: 'json' };
import componentsSchema from './bods-0.4/components.json' with { type: 'json' };
import entitySchema from './bods-0.4/entity-record.json' with { type: 'json' };
import personSchema from './bods-0.4/person-record.json' with { type: 'json' };
import relationshipSchema from './bods-0.4/relationship-record.json' with { type: 'json' };

export const BODS_VERSION = '0.4';

/** org-id.guide's code for the Unified Social Credit Identifier (GB 32100-2015). */
export const USCC_SCHEME = 'CN-USCI';
/** org-id.guide's code for the register whose 15-digit numbers came before the USCC. */
const REGISTRATION_NUMBER_SCHEME = 'CN-SAIC';

type Json = Record<string, unknown>;
type NetworkEdge = ReportDocument['network']['edges'][number];

const USCC = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;
const REGISTRATION_NUMBER = /^\d{15}$/;
const FULL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isFullDate(s: string | undefined): s is string {
  const m = s === undefined ? null : FULL_DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/** A ratio (0–1) as BODS' percent; rounded at 1e-10 % so 0.07 is 7, not 7.000000000000001. */
function percent(ratio: number): number {
  return Math.round(ratio * 100 * 1e10) / 1e10;
}

const firmRecord = (key: string) => `chuantou-firm-${key}`;
const personRecord = (key: string) => `chuantou-person-${key}`;
const partyRecord = (ref: Pick<EntityRef, 'kind' | 'key'>) => (ref.kind === 'PERSON' ? personRecord(ref.key) : firmRecord(ref.key));

/** A CONTROLS basis as the closed BODS interestType codelist has it; the basis itself goes in `details`. */
const controlInterestTypes: Record<string, string> = {
  'voting-entrustment': 'votingRights', // 表决权委托
  agreement: 'rightsGrantedByContract', // 协议控制
  nominee: 'otherInfluenceOrControl', // 代持: BODS' nominee/nominator types name the parties of a nomination arrangement, not the firm's controller
  'acting-in-concert': 'otherInfluenceOrControl', // 一致行动
  control: 'otherInfluenceOrControl',
};
const bodsInterestTypes = new Set<string>(
  (relationshipSchema as { $defs: { Interest: { properties: { type: { enum: string[] } } } } }).$defs.Interest.properties.type.enum,
);

function controlInterestType(basis: string | undefined): string {
  if (!basis) return 'otherInfluenceOrControl';
  if (controlInterestTypes[basis]) return controlInterestTypes[basis];
  // A basis imported from BODS is the interest type in kebab case ('voting-rights'): give it back as it came.
  const camel = basis.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
  return bodsInterestTypes.has(camel) ? camel : 'otherInfluenceOrControl';
}

function edgeDates(edge: Pick<NetworkEdge, 'validFrom' | 'validTo'>): Json {
  return {
    ...(isFullDate(edge.validFrom) ? { startDate: edge.validFrom } : {}),
    ...(isFullDate(edge.validTo) ? { endDate: edge.validTo } : {}),
  };
}

function entityDetails(ref: EntityRef, isComponent: boolean): Json {
  const identifiers = USCC.test(ref.key)
    ? [{ id: ref.key, scheme: USCC_SCHEME, schemeName: '统一社会信用代码 / Unified Social Credit Identifier' }]
    : REGISTRATION_NUMBER.test(ref.key)
      ? [{ id: ref.key, scheme: REGISTRATION_NUMBER_SCHEME, schemeName: '注册号 / Registration number' }]
      : [];
  return {
    isComponent,
    entityType: { type: 'registeredEntity' },
    name: ref.name,
    // Only a Chinese register's number says the firm is Chinese; a foreign key (X-…) or an unverified one says nothing.
    ...(identifiers.length ? { jurisdiction: { name: 'China', code: 'CN' }, identifiers } : {}),
  };
}

function personDetails(ref: EntityRef, isComponent: boolean): Json {
  return { isComponent, personType: 'knownPerson', names: [{ type: 'legal', fullName: ref.name }] };
}

interface Relationship {
  recordId: string;
  edge: NetworkEdge;
  holder: EntityRef;
  firm: EntityRef;
}

/** Which edges the findings' network holds as ownership and control: holdings and non-equity control, each once. */
function relationships(document: ReportDocument, nodes: ReadonlyMap<string, EntityRef>): Relationship[] {
  const out: Relationship[] = [];
  const seen = new Map<string, number>();
  for (const edge of document.network.edges) {
    if (edge.type !== 'HOLDS_SHARES' && edge.type !== 'CONTROLS') continue;
    const holder = nodes.get(edge.source);
    const firm = nodes.get(edge.target);
    if (!holder || !firm || firm.kind !== 'COMPANY' || (holder.kind !== 'PERSON' && holder.kind !== 'COMPANY')) continue;
    // Keys never collide across kinds (a person's starts with P-), so the two keys name the pair.
    const base = ['chuantou', edge.type === 'HOLDS_SHARES' ? 'holding' : `control-${edge.basis ?? 'unknown'}`, holder.key, firm.key].join('-');
    // The network keeps two holdings of one pair apart when their figures differ (a history); each is a record.
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    out.push({ recordId: n === 1 ? base : `${base}-${n}`, edge, holder, firm });
  }
  return out;
}

/** The keys of a chain's edges as the relationship points (holder → firm), whichever way the chain walked it. */
function chainEdgeEnds(chain: Chain, i: number): [string, string] {
  const [a, b] = [chain.path[i]!.key, chain.path[i + 1]!.key];
  return chain.edges[i]!.details?.reversed === true ? [b, a] : [a, b];
}

interface BeneficialOwner {
  person: EntityRef;
  /** Intermediate entities and relationships of the chains through which the person holds or controls. */
  components: string[];
  /** The effective ratio less the direct holding: what the person holds through others. */
  indirectRatio: number | null;
  /** Control through others (a control chain of more than one step), with the bases the analysis found. */
  indirectControl: string[] | null;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/**
 * The beneficial owners of the firm a `beneficial-owners` run was about, with what of their
 * interest runs through intermediaries (BODS' indirect statement); the direct part is on the
 * direct relationship statements.
 */
function beneficialOwners(document: ReportDocument, about: EntityRef | null, byEnds: ReadonlyMap<string, Relationship[]>): BeneficialOwner[] {
  if (document.envelope.analysis !== 'beneficial-owners' || about?.kind !== 'COMPANY') return [];
  const out: BeneficialOwner[] = [];
  for (const finding of document.envelope.findings) {
    if (finding.subject.kind !== 'PERSON' || finding.facts.beneficialOwner !== true) continue;
    const effective = num(finding.facts.effectiveRatio);
    const direct = num(finding.facts.directRatio) ?? 0;
    const indirectRatio = effective !== null && effective - direct > 1e-12 ? effective - direct : null;
    const chains = finding.evidence.chains.filter(
      (c) => c.edges.length > 1 && ((c.kind === 'ownership' && indirectRatio !== null) || (c.kind === 'control' && finding.facts.control === true)),
    );
    const indirectControl = chains.some((c) => c.kind === 'control')
      ? (Array.isArray(finding.facts.controlBases) ? finding.facts.controlBases : [])
      : null;
    if (indirectRatio === null && indirectControl === null) continue;
    const components = new Set<string>();
    for (const chain of chains) {
      for (const ref of chain.path.slice(1, -1)) components.add(partyRecord(ref));
      chain.edges.forEach((_, i) => {
        const [source, target] = chainEdgeEnds(chain, i);
        for (const r of byEnds.get(`${source}\0${target}`) ?? []) components.add(r.recordId);
      });
    }
    out.push({ person: finding.subject, components: [...components], indirectRatio, indirectControl });
  }
  return out;
}

/** BODS 0.4 statements of the report's ownership and control network; `validateBods` accepts them. */
export function reportBods(document: ReportDocument): unknown[] {
  const nodes = new Map(document.network.nodes.map((n) => [n.key, n]));
  const about = document.envelope.about ?? null;
  const rels = relationships(document, nodes);
  const byEnds = new Map<string, Relationship[]>();
  for (const r of rels) {
    const k = `${r.holder.key}\0${r.firm.key}`;
    byEnds.set(k, [...(byEnds.get(k) ?? []), r]);
  }
  const owners = beneficialOwners(document, about, byEnds);
  const ownerKeys = new Set(
    document.envelope.analysis === 'beneficial-owners'
      ? document.envelope.findings.filter((f) => f.subject.kind === 'PERSON' && f.facts.beneficialOwner === true).map((f) => f.subject.key)
      : [],
  );
  const componentIds = new Set(owners.flatMap((o) => o.components));

  const aboutRecord = about && (about.kind === 'COMPANY' || about.kind === 'PERSON') && nodes.has(about.key) ? partyRecord(about) : null;
  const statementDate = document.run.ranAt;
  const common = (recordId: string, declarationSubject: string) => ({
    statementId: createHash('sha256').update(`${document.run.id}\0${recordId}`, 'utf8').digest('hex'),
    statementDate,
    publicationDetails: {
      publicationDate: statementDate,
      bodsVersion: BODS_VERSION,
      publisher: { name: document.run.office ?? '穿透 Chuantou' },
    },
    source: {
      type: ['primaryResearch'],
      description: `${document.query.title}: ${document.query.analysisTitle.zh} / ${document.query.analysisTitle.en} (穿透 Chuantou report run ${document.run.id})`,
    },
    declaration: document.run.id,
    declarationSubject: aboutRecord ?? declarationSubject,
    recordId,
    recordStatus: 'new',
  });

  const parties = new Map<string, EntityRef>();
  if (aboutRecord && about) parties.set(about.key, nodes.get(about.key)!);
  for (const r of rels) parties.set(r.holder.key, r.holder).set(r.firm.key, r.firm);
  for (const o of owners) parties.set(o.person.key, o.person);

  const statements: Json[] = [];
  // Entities and persons first: BODS wants every party (and every component) before the relationship that names it.
  for (const ref of parties.values()) {
    const recordId = partyRecord(ref);
    const isComponent = componentIds.has(recordId);
    statements.push(
      ref.kind === 'PERSON'
        ? { ...common(recordId, recordId), recordType: 'person', recordDetails: personDetails(ref, isComponent) }
        : { ...common(recordId, recordId), recordType: 'entity', recordDetails: entityDetails(ref, isComponent) },
    );
  }
  for (const r of rels) {
    // A person the run found to be a beneficial owner of the firm it was about: their direct interest in it is (part of) why.
    const owner = r.holder.kind === 'PERSON' && about?.key === r.firm.key && ownerKeys.has(r.holder.key);
    const interest: Json =
      r.edge.type === 'HOLDS_SHARES'
        ? {
            type: 'shareholding',
            directOrIndirect: 'direct',
            ...(owner ? { beneficialOwnershipOrControl: true } : r.holder.kind === 'COMPANY' ? { beneficialOwnershipOrControl: false } : {}),
            ...(num(r.edge.ratio) !== null ? { share: { exact: percent(r.edge.ratio!) } } : {}),
            ...edgeDates(r.edge),
          }
        : {
            type: controlInterestType(r.edge.basis),
            directOrIndirect: 'direct',
            ...(owner ? { beneficialOwnershipOrControl: true } : r.holder.kind === 'COMPANY' ? { beneficialOwnershipOrControl: false } : {}),
            details: [r.edge.basisText, r.edge.basis].filter(Boolean).join(' / ') || 'control',
            ...(num(r.edge.ratio) !== null ? { share: { exact: percent(r.edge.ratio!) } } : {}),
            ...edgeDates(r.edge),
          };
    statements.push({
      ...common(r.recordId, partyRecord(r.firm)),
      recordType: 'relationship',
      recordDetails: {
        isComponent: componentIds.has(r.recordId),
        subject: partyRecord(r.firm),
        interestedParty: partyRecord(r.holder),
        interests: [interest],
      },
    });
  }
  for (const o of owners) {
    const recordId = `chuantou-beneficial-owner-${o.person.key}-${about!.key}`;
    const interests: Json[] = [];
    if (o.indirectRatio !== null) {
      interests.push({ type: 'shareholding', directOrIndirect: 'indirect', beneficialOwnershipOrControl: true, share: { exact: percent(o.indirectRatio) } });
    }
    if (o.indirectControl !== null) {
      interests.push({
        type: 'otherInfluenceOrControl',
        directOrIndirect: 'indirect',
        beneficialOwnershipOrControl: true,
        details: `实际控制 / control: ${o.indirectControl.join(', ') || 'control'}`,
      });
    }
    statements.push({
      ...common(recordId, partyRecord(about!)),
      recordType: 'relationship',
      recordDetails: {
        isComponent: false,
        componentRecords: o.components,
        subject: partyRecord(about!),
        interestedParty: partyRecord(o.person),
        interests,
      },
    });
  }
  return statements;
}

// ---------------------------------------------------------------------------------------------
// Validation

let validator: ReturnType<Ajv2020['compile']> | null = null;

/**
 * The schema files name each other 'urn:statement', 'urn:entity' …: URNs without a namespace
 * part, which ajv's URI library refuses to serialise. The same names under a scheme of their own
 * resolve alike; the files stay as published and only the copy ajv reads is renamed.
 */
function unUrn(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(unUrn);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, (k === '$id' || k === '$ref') && typeof v === 'string' ? v.replace(/^urn:/, 'bods-0.4:') : unUrn(v)]),
  );
}

function compiled(): ReturnType<Ajv2020['compile']> {
  if (validator) return validator;
  // The schema's own annotations (codelist file names, editor hints, its version): words of the
  // standard, not constraints, declared so that strict mode still catches a misspelt keyword.
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false, strictRequired: false });
  ajv.addVocabulary(['codelist', 'openCodelist', 'propertyOrder', 'version']);
  addFormats(ajv);
  for (const schema of [componentsSchema, entitySchema, personSchema, relationshipSchema]) ajv.addSchema(unUrn(schema) as object);
  validator = ajv.compile(unUrn(statementSchema) as object);
  return validator;
}

/** An ajv error as a reader can act on it: where (a JSON pointer into the array) and what. */
function errorText(e: ErrorObject): string {
  const where = e.instancePath || '/';
  const params = e.params as Record<string, unknown>;
  // ajv's message for an enum says "must be equal to one of the allowed values" without them.
  const extra = Array.isArray(params.allowedValues) ? ` (${params.allowedValues.map((v) => JSON.stringify(v)).join(', ')})` : '';
  return `${where}: ${e.message ?? e.keyword}${extra}`;
}

/**
 * Checks statements against the vendored BODS 0.4 schema. Errors name the statement's place in the
 * array and the field (`/2/recordDetails/interests/0/share/exact: must be <= 100`); an `if`/`then`
 * failure is reported by the branch's own error, not again as "must match then schema".
 */
export function validateBods(statements: unknown[]): { valid: boolean; errors: string[] } {
  const validate = compiled();
  if (validate(statements)) return { valid: true, errors: [] };
  const errors = (validate.errors ?? []).filter((e) => e.keyword !== 'if').map(errorText);
  return { valid: false, errors: [...new Set(errors)] };
}
