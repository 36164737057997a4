import crypto from 'node:crypto';
import { parseResidentId } from '../../model/identifiers/residentId.ts';
import { shippedListTypes } from '../../model/listTypes.ts';
import { displayName } from '../../model/names.ts';
import { present } from './rowContext.ts';
import { personFromName } from './persons.ts';
import { firmRef, type FirmRef } from './parties.ts';
import { dateFrom } from './officers.ts';
import { moneyFrom } from './shareholders.ts';
import { writeFirmRefs, writePersons, type PersonWrite } from './writeParties.ts';
import type { KindHandler } from './kind.ts';

/**
 * A list or case row (名单/案件) flags a firm (by USCC or name) or a person (by name and full ID
 * number). A person named without a full ID number cannot be told from a same-name stranger, and
 * flagging the wrong person harms a real person, so such a row is rejected.
 *
 * The list type is looked up in the run's vocabulary (model/listTypes.ts): the entry stores the
 * canonical type (its name, and its code) and the spelling as given. A spelling the vocabulary does
 * not know is still imported, as written and without a code, and flagged LIST_TYPE_UNKNOWN: no
 * screen counts it until the vocabulary maps it (import --list-types FILE).
 */

export interface ListRecord {
  subject: { kind: 'firm'; firm: FirmRef } | { kind: 'person'; person: PersonWrite };
  entry: { key: string; listType: string; listTypeCode: string | null; listTypeText: string; caseNo: string | null; props: Record<string, unknown> };
  flag: Record<string, unknown>;
}

const digest = (...parts: string[]) => crypto.createHash('sha256').update(parts.join('\0')).digest('hex').slice(0, 24);

/** A list entry's key: its list type and case number, or its list type and subject when the row gives no number. */
export function listEntryKey(listType: string, caseNo: string | null, subjectKey: string): string {
  return caseNo ? `L-${digest(listType, caseNo)}` : `L-${digest(listType, 'subject', subjectKey)}`;
}

export const lists: KindHandler<ListRecord> = {
  kind: 'lists',
  convert(row, env) {
    const listTypeText = row.get('listType');
    if (!listTypeText) {
      row.report('listType', 'LIST_TYPE_MISSING');
      return null;
    }
    const canonical = (env.listTypes ?? shippedListTypes).resolve(listTypeText);
    if (!canonical) row.report('listType', 'LIST_TYPE_UNKNOWN');
    // The canonical name keys the entry, so one case typed in two spellings is one entry (and keys
    // stay those of the stores written before the vocabulary, whose types were the canonical names).
    const listType = canonical ? canonical.name : displayName(listTypeText);
    const personName = row.get('personName');
    const personId = row.get('personId');
    let subject: ListRecord['subject'];
    if (row.get('uscc') || row.get('firmName')) {
      const firm = firmRef(row, 'uscc', 'firmName', env.source);
      if (!firm) return null;
      subject = { kind: 'firm', firm };
    } else if (personName) {
      const parsed = personId ? parseResidentId(personId) : null;
      if (!parsed || (parsed.kind !== 'full' && parsed.kind !== 'legacy15')) {
        row.report(personId ? 'personId' : 'personName', 'PERSON_UNIDENTIFIED');
        return null;
      }
      subject = { kind: 'person', person: personFromName(row, personName, personId, 'personId', null, env.secret) };
    } else {
      row.report('firmName', 'LIST_SUBJECT_MISSING');
      return null;
    }
    const caseNo = row.get('caseNo');
    const subjectKey = subject.kind === 'firm' ? subject.firm.key : subject.person.key;
    const amount = moneyFrom(row, 'amount');
    const victimsText = row.get('victims');
    const victims = victimsText ? Number(victimsText.replace(/[,，人\s]/g, '')) : null;
    if (victimsText && !Number.isInteger(victims)) row.report('victims', 'NUMBER_INVALID');
    return {
      subject,
      entry: {
        key: listEntryKey(listType, caseNo, subjectKey),
        listType,
        listTypeCode: canonical?.code ?? null,
        listTypeText: displayName(listTypeText),
        caseNo,
        props: present({ source: row.get('source') }),
      },
      flag: present({
        caseNo,
        filedOn: dateFrom(row, 'filedOn'),
        amountWan: amount?.amountWan,
        amountCurrency: amount?.currency,
        amountText: amount?.text,
        victims: Number.isInteger(victims) ? victims : null,
        source: row.get('source'),
        note: row.get('note'),
      }),
    };
  },
  async write(run, batch) {
    await run('import/listEntries', { rows: batch.map(({ entry, prov }) => ({ entry, prov })) });
    const firms = batch.flatMap((r) => (r.subject.kind === 'firm' ? [{ ref: r.subject.firm, prov: r.prov, record: r }] : []));
    const resolve = await writeFirmRefs(run, firms);
    await run('import/firmFlags', { rows: firms.map(({ ref, prov, record }) => ({ subjectKey: resolve(ref.key), entryKey: record.entry.key, flag: record.flag, prov })) });
    const persons = batch.flatMap((r) => (r.subject.kind === 'person' ? [{ person: r.subject.person, prov: r.prov, record: r }] : []));
    await writePersons(run, persons);
    await run('import/personFlags', { rows: persons.map(({ person, prov, record }) => ({ subjectKey: person.key, entryKey: record.entry.key, flag: record.flag, prov })) });
  },
};

