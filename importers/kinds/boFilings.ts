import crypto from 'node:crypto';
import { present } from './rowContext.ts';
import { personFromName } from './persons.ts';
import { requiredFirm, type FirmRef } from './parties.ts';
import { dateFrom } from './officers.ts';
import { ratioFrom } from './shareholders.ts';
import { writeFirmRefs, writePersons, type PersonWrite } from './writeParties.ts';
import type { KindHandler } from './kind.ts';

/**
 * A filed beneficial owner (受益所有人备案) is kept as filed — a BOFiling of the firm naming the
 * person — apart from the ownership the graph computes, so the two can be compared.
 */

export interface BoFilingRecord {
  firm: FirmRef;
  owner: PersonWrite;
  filing: { key: string; props: Record<string, unknown> };
}

export const boFilings: KindHandler<BoFilingRecord> = {
  kind: 'boFilings',
  ratioField: 'ratio',
  convert(row, env) {
    const firm = requiredFirm(row, 'firmUscc', 'firmName', env.source);
    if (!firm) return null;
    const name = row.get('ownerName');
    if (!name) {
      row.report('ownerName', 'PERSON_NAME_MISSING');
      return null;
    }
    const owner = personFromName(row, name, row.get('ownerId'), 'ownerId', firm.key, env.secret);
    const ratio = ratioFrom(row, 'ratio', env.ratioUnit);
    if (ratio === undefined) return null;
    const interestType = row.get('interestType');
    const validFrom = dateFrom(row, 'validFrom');
    return {
      firm,
      owner,
      filing: {
        key: `B-${crypto.createHash('sha256').update([firm.key, owner.key, interestType ?? '', String(validFrom ?? '')].join('\0')).digest('hex').slice(0, 24)}`,
        props: present({
          ownerKey: owner.key,
          ownerName: owner.props.name,
          interestType,
          ratio,
          validFrom,
          validTo: dateFrom(row, 'validTo'),
          source: 'filing',
        }),
      },
    };
  },
  async write(run, batch) {
    const resolve = await writeFirmRefs(run, batch.map((r) => ({ ref: r.firm, prov: r.prov })));
    await writePersons(run, batch.map((r) => ({ person: r.owner, prov: r.prov })));
    await run('import/boFilings', { rows: batch.map((r) => ({ firmKey: resolve(r.firm.key), filing: r.filing, prov: r.prov })) });
  },
};
