import { parseDate } from '../../model/values.ts';
import { dateParam } from '../../cypher/values.ts';
import { present, type RowContext } from './rowContext.ts';
import { personFromName } from './persons.ts';
import { requiredFirm, type FirmRef } from './parties.ts';
import { inFirm, writeFirmRefs, writePersons, type PersonWrite } from './writeParties.ts';
import type { KindHandler } from './kind.ts';

/**
 * An officer row (主要人员) becomes OFFICER_OF with the role as written; a role that names the
 * legal representative (法定代表人) also becomes LEGAL_REPRESENTATIVE_OF. One cell may list several
 * roles ('董事长兼总经理', '执行董事、总经理').
 */

export interface OfficerRecord {
  firm: FirmRef;
  person: PersonWrite;
  roles: string[];
  legalRepresentative: boolean;
  props: Record<string, unknown>;
}

export function dateFrom(row: RowContext, field: string) {
  const text = row.get(field);
  const iso = text ? parseDate(text) : null;
  if (text && !iso) row.report(field, 'DATE_INVALID');
  return dateParam(iso);
}

const LEGAL_REP = /法定代表人|法人代表/;

export const officers: KindHandler<OfficerRecord> = {
  kind: 'officers',
  convert(row, env) {
    const firm = requiredFirm(row, 'firmUscc', 'firmName', env.source);
    if (!firm) return null;
    const name = row.get('personName');
    if (!name) {
      row.report('personName', 'PERSON_NAME_MISSING');
      return null;
    }
    const roleText = row.get('role') ?? '';
    const roles = roleText
      .split(/[、,，;；/]|兼/)
      .map((r) => r.trim())
      .filter((r) => r && !LEGAL_REP.test(r));
    return {
      firm,
      person: personFromName(row, name, row.get('personId'), 'personId', firm.key, env.secret),
      roles,
      legalRepresentative: LEGAL_REP.test(roleText),
      props: present({ validFrom: dateFrom(row, 'validFrom'), validTo: dateFrom(row, 'validTo') }),
    };
  },
  async write(run, batch) {
    const resolve = await writeFirmRefs(run, batch.map((r) => ({ ref: r.firm, prov: r.prov })));
    const people = batch.map((r) => ({ record: r, person: inFirm(r.person, r.firm.key, resolve) }));
    await writePersons(run, people.map(({ record, person }) => ({ person, prov: record.prov })));
    await run('import/officers', {
      rows: people.flatMap(({ record: r, person }) => r.roles.map((role) => ({ firmKey: resolve(r.firm.key), personKey: person.key, role, props: r.props, prov: r.prov }))),
    });
    await run('import/legalRepresentatives', {
      rows: people.filter(({ record }) => record.legalRepresentative).map(({ record: r, person }) => ({ firmKey: resolve(r.firm.key), personKey: person.key, prov: r.prov })),
    });
  },
};
