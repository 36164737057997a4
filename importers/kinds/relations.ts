import { parseResidentId } from '../../model/identifiers/residentId.ts';
import { present, type RowContext } from './rowContext.ts';
import { personFromName } from './persons.ts';
import { firmRef, isPerson, type FirmRef } from './parties.ts';
import { dateFrom } from './officers.ts';
import { inFirm, writeFirmRefs, writePersons, type PersonWrite } from './writeParties.ts';
import type { KindHandler } from './kind.ts';

/**
 * Other relations (其他关系): non-equity control of a firm (协议控制, 代持, 表决权委托, 一致行动)
 * becomes CONTROLS from the subject to the firm; ties between persons (亲属, 配偶 …) become
 * RELATED_TO. The subject is the party who controls or is related; each keeps its basis.
 */

type Party = { kind: 'firm'; firm: FirmRef } | { kind: 'person'; person: PersonWrite };

export interface RelationRecord {
  subject: Party;
  object: Party;
  relation: 'CONTROLS' | 'RELATED_TO';
  basis: string;
  props: Record<string, unknown>;
}

const controlBases: [RegExp, string][] = [
  [/协议控制|VIE|可变利益/i, 'agreement'],
  [/代持|名义|隐名|nominee/i, 'nominee'],
  [/表决权委托|投票权委托|voting/i, 'voting-entrustment'],
  [/一致行动|acting in concert/i, 'acting-in-concert'],
  [/实际控制|控制/, 'control'],
];
const familyWords = /亲属|配偶|夫妻|丈夫|妻子|父|母|子|女|兄|弟|姐|妹|家庭|family|spouse|relative/i;

function party(row: RowContext, nameField: string, idField: string, scope: string | null, env: { source: string; secret: string }, needsFullId: boolean): Party | null {
  const name = row.get(nameField);
  if (!name) {
    row.report(nameField, 'PARTY_NAME_MISSING');
    return null;
  }
  const id = row.get(idField);
  if (!isPerson(null, id, name)) return { kind: 'firm', firm: firmRef(row, idField, nameField, env.source)! };
  const parsed = id ? parseResidentId(id) : null;
  const full = parsed?.kind === 'full' || parsed?.kind === 'legacy15';
  if (!full && (needsFullId || !scope)) {
    row.report(id ? idField : nameField, 'PERSON_UNIDENTIFIED');
    return null;
  }
  return { kind: 'person', person: personFromName(row, name, id, idField, scope, env.secret) };
}

export const relations: KindHandler<RelationRecord> = {
  kind: 'relations',
  convert(row, env) {
    const typeText = row.get('relationType') ?? '';
    const control = controlBases.find(([re]) => re.test(typeText));
    const family = !control && familyWords.test(typeText);
    if (!control && !family) {
      row.report('relationType', 'RELATION_TYPE_UNKNOWN');
      return null;
    }
    const object = party(row, 'objectName', 'objectId', null, env, true) ?? null;
    if (!object) return null;
    if (control && object.kind !== 'firm') {
      row.report('objectName', 'RELATION_OBJECT_NOT_FIRM');
      return null;
    }
    // A controller named without a full ID is scoped to the firm it controls, as shareholders are.
    const subject = party(row, 'subjectName', 'subjectId', object.kind === 'firm' ? object.firm.key : null, env, Boolean(family));
    if (!subject) return null;
    if (family && (subject.kind !== 'person' || object.kind !== 'person')) {
      row.report('relationType', 'RELATION_TYPE_UNKNOWN');
      return null;
    }
    return {
      subject,
      object,
      relation: control ? 'CONTROLS' : 'RELATED_TO',
      basis: control ? control[1] : 'family',
      props: present({
        basisText: typeText,
        evidence: row.get('basis'),
        validFrom: dateFrom(row, 'validFrom'),
        validTo: dateFrom(row, 'validTo'),
        source: row.get('source'),
      }),
    };
  },
  async write(run, batch) {
    const firms = batch.flatMap((r) => [r.subject, r.object].flatMap((p) => (p.kind === 'firm' ? [{ ref: p.firm, prov: r.prov }] : [])));
    const resolve = await writeFirmRefs(run, firms);
    // A controller without a full ID number is scoped to the firm it controls (the object).
    const person = (r: RelationRecord, p: Party & { kind: 'person' }) => (p === r.subject && r.object.kind === 'firm' ? inFirm(p.person, r.object.firm.key, resolve) : p.person);
    await writePersons(run, batch.flatMap((r) => [r.subject, r.object].flatMap((p) => (p.kind === 'person' ? [{ person: person(r, p), prov: r.prov }] : []))));
    const key = (r: RelationRecord, p: Party) => (p.kind === 'firm' ? resolve(p.firm.key) : person(r, p).key);
    const rows = (relation: RelationRecord['relation'], subjectKind: Party['kind']) =>
      batch
        .filter((r) => r.relation === relation && r.subject.kind === subjectKind)
        .map((r) => ({ fromKey: key(r, r.subject), firmKey: key(r, r.object), toKey: key(r, r.object), basis: r.basis, props: r.props, prov: r.prov }));
    await run('import/personControls', { rows: rows('CONTROLS', 'person') });
    await run('import/firmControls', { rows: rows('CONTROLS', 'firm') });
    await run('import/personRelations', { rows: rows('RELATED_TO', 'person') });
  },
};
