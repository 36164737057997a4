import { createHash } from 'node:crypto';
import type { EntityRef, Subgraph } from '../analyses/envelope.ts';
import { isValidUscc } from '../model/identifiers/uscc.ts';
import type { ReportDocument } from './document.ts';

/**
 * The report's network as FollowTheMoney entities (the model of Aleph and OpenSanctions), one JSON
 * object a line: `{id, schema, properties}` with every property a list of strings, as `ftm`
 * reads and writes them. Schema and property names are FtM's own (followthemoney/schema/*.yaml):
 *
 *   COMPANY → Company (registrationNumber: the USCC or registration number; jurisdiction cn for a USCC)
 *   PERSON → Person (no ID number: reports carry it masked, and a masked number is no identifier)
 *   ADDRESS → Address (full; region from IN_REGION)   LIST_ENTRY → Sanction (entity: every entity
 *   FLAGGED with it; program the list type, authorityId the case number, authority the issuer,
 *   listingDate the filing date)
 *   CHANGE_RECORD → Event (involved: the firm)   APPROVAL, BO_FILING → Note (entity: the firm)
 *   PHONE, EMAIL, WEBSITE, REGION → properties (phone, email, website, region) of the entities they
 *   belong to: FtM holds them as values, and matches entities on them
 *
 *   HOLDS_SHARES → Ownership (owner, asset, percentage 0–100)   LEGAL_REPRESENTATIVE_OF, OFFICER_OF
 *   → Directorship (role)   RELATED_TO → Family (relationship)   MEMBER_OF → Membership (role: the
 *   member type)   POSSIBLY_SAME_AS → Similar (a candidate, never a merge)   REGISTERED_AT,
 *   OPERATES_AT → addressEntity and address of the firm   CONTROLS, BRANCH_OF and anything else →
 *   UnknownLink (subject, object, role saying what the link is)
 *
 * Ids are stable: `ct-` and the entity's domain key, or for a relationship a hash of its type, ends
 * and figures, so re-exporting the same data gives the same ids and Aleph merges rather than duplicates.
 */

export interface FtmEntity {
  id: string;
  schema: string;
  properties: Record<string, string[]>;
}

const SAFE_KEY = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** The FtM id of an entity of the network. */
export function ftmEntityId(key: string): string {
  return SAFE_KEY.test(key) ? `ct-${key}` : `ct-${createHash('sha1').update(key).digest('hex')}`;
}

function relationshipId(e: Subgraph['edges'][number]): string {
  const identity = JSON.stringify([e.type, e.source, e.target, e.ratio ?? null, e.role ?? null, e.basis ?? null, e.details?.memberType ?? null]);
  return `ct-rel-${createHash('sha1').update(identity).digest('hex')}`;
}

/** A fraction of 1 as FtM's percentage text: 0.308 → "30.8". */
export function percentage(ratio: number): string {
  return String(Number((ratio * 100).toPrecision(10)));
}

const schemaOfKind: Partial<Record<EntityRef['kind'], string>> = {
  COMPANY: 'Company',
  PERSON: 'Person',
  ADDRESS: 'Address',
  LIST_ENTRY: 'Sanction',
  CHANGE_RECORD: 'Event',
  APPROVAL: 'Note',
  BO_FILING: 'Note',
};

/** Kinds FtM keeps as values of the entities linked to them, with the property they go to. */
const valueKinds: Partial<Record<EntityRef['kind'], string>> = { PHONE: 'phone', EMAIL: 'email', WEBSITE: 'website', REGION: 'region' };

class Entity implements FtmEntity {
  readonly properties: Record<string, string[]> = {};
  constructor(
    readonly id: string,
    readonly schema: string,
  ) {}
  add(property: string, value: string | number | boolean | null | undefined | string[]): this {
    if (value === null || value === undefined || value === '') return this;
    const values = (Array.isArray(value) ? value : [String(value)]).filter((v) => v !== '');
    const list = (this.properties[property] ??= []);
    for (const v of values) if (!list.includes(v)) list.push(v);
    return this;
  }
}

function detail(e: Subgraph['edges'][number], name: string): string | null {
  const v = e.details?.[name];
  if (v === null || v === undefined) return null;
  return Array.isArray(v) ? v.join('; ') : String(v);
}

function interval(link: Entity, e: Subgraph['edges'][number]): Entity {
  return link.add('startDate', e.validFrom).add('endDate', e.validTo).add('summary', e.note);
}

export function ftmEntities(document: ReportDocument): FtmEntity[] {
  const { nodes, edges } = document.network;
  const byKey = new Map<string, EntityRef>(nodes.map((n) => [n.key, n]));
  const entities = new Map<string, Entity>();
  for (const n of nodes) {
    const schema = schemaOfKind[n.kind];
    if (!schema || entities.has(n.key)) continue;
    const entity = new Entity(ftmEntityId(n.key), schema);
    // Sanction is an Interval, not a Thing: it has no name, its one-line text is the summary.
    entity.add(n.kind === 'ADDRESS' ? 'full' : n.kind === 'LIST_ENTRY' ? 'summary' : 'name', n.name);
    if (n.kind === 'COMPANY' && !n.key.startsWith('U-')) entity.add('registrationNumber', n.key);
    if (n.kind === 'COMPANY' && isValidUscc(n.key)) entity.add('jurisdiction', 'cn');
    entities.set(n.key, entity);
  }
  const links: Entity[] = [];
  const link = (schema: string, e: Subgraph['edges'][number]) => {
    const l = new Entity(relationshipId(e), schema);
    links.push(l);
    return interval(l, e);
  };
  const idOf = (key: string) => ftmEntityId(key);
  for (const e of edges) {
    const source = entities.get(e.source);
    const target = entities.get(e.target);
    const targetKind = byKey.get(e.target)?.kind;
    const valueProperty = targetKind ? valueKinds[targetKind] : undefined;
    if (valueProperty && source) {
      // A phone, email, website or region is a value of the entity it belongs to.
      source.add(valueProperty, byKey.get(e.target)!.name);
      continue;
    }
    switch (e.type) {
      case 'HOLDS_SHARES': {
        const l = link('Ownership', e).add('owner', idOf(e.source)).add('asset', idOf(e.target));
        if (typeof e.ratio === 'number') l.add('percentage', percentage(e.ratio));
        break;
      }
      case 'LEGAL_REPRESENTATIVE_OF':
        link('Directorship', e).add('director', idOf(e.source)).add('organization', idOf(e.target)).add('role', e.role ?? '法定代表人');
        break;
      case 'OFFICER_OF':
        link('Directorship', e).add('director', idOf(e.source)).add('organization', idOf(e.target)).add('role', e.role);
        break;
      case 'RELATED_TO':
        link('Family', e).add('person', idOf(e.source)).add('relative', idOf(e.target)).add('relationship', e.basisText ?? e.basis);
        break;
      case 'MEMBER_OF':
        link('Membership', e).add('member', idOf(e.source)).add('organization', idOf(e.target)).add('role', detail(e, 'memberTypeText') ?? detail(e, 'memberType') ?? e.role).add('status', detail(e, 'status'));
        break;
      case 'POSSIBLY_SAME_AS':
        link('Similar', e).add('candidate', idOf(e.source)).add('match', idOf(e.target)).add('criteria', e.details?.reasons ?? null).add('matcher', detail(e, 'status'));
        break;
      case 'REGISTERED_AT':
      case 'OPERATES_AT':
        source?.add('addressEntity', idOf(e.target)).add('address', byKey.get(e.target)?.name);
        break;
      case 'FLAGGED':
        target
          ?.add('entity', idOf(e.source))
          .add('program', detail(e, 'listType'))
          .add('authorityId', detail(e, 'caseNo'))
          .add('authority', detail(e, 'source'))
          .add('listingDate', detail(e, 'filedOn'))
          .add('reason', detail(e, 'reasons'));
        break;
      case 'HAS_CHANGE':
        target?.add('involved', idOf(e.source));
        break;
      case 'APPROVED_BY':
      case 'FILED_BO':
        target?.add('entity', idOf(e.source));
        break;
      default: {
        const what = e.type === 'CONTROLS' ? `控制 control（${e.basisText ?? e.basis ?? ''}）` : e.type === 'BRANCH_OF' ? '分支机构 branch of' : e.type;
        const l = link('UnknownLink', e).add('subject', idOf(e.source)).add('object', idOf(e.target)).add('role', what);
        if (typeof e.ratio === 'number') l.add('summary', `${percentage(e.ratio)}%`);
      }
    }
  }
  return [...entities.values(), ...links];
}

/** JSON lines, one FtM entity each: nodes first, then the relationships. */
export function reportFtm(document: ReportDocument): string {
  return ftmEntities(document)
    .map((e) => JSON.stringify({ id: e.id, schema: e.schema, properties: e.properties }))
    .map((line) => `${line}\n`)
    .join('');
}
