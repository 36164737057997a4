import crypto from 'node:crypto';
import { present } from './rowContext.ts';
import { personFromName } from './persons.ts';
import { requiredFirm, type FirmRef } from './parties.ts';
import { dateFrom } from './officers.ts';
import { ratioFrom } from './shareholders.ts';
import { inFirm, writeFirmRefs, writePersons, type PersonWrite } from './writeParties.ts';
import type { KindHandler } from './kind.ts';

/**
 * A filed beneficial owner (受益所有人备案) is kept as filed — a BOFiling of the firm naming the
 * person — apart from the ownership the graph computes, so the two can be compared.
 */

export interface BoFilingRecord {
  firm: FirmRef;
  owner: PersonWrite;
  /** The filing's properties; its key and ownerKey are decided when the firm's key is (write). */
  filing: { props: Record<string, unknown> };
}

/** One filing per firm, owner, type and start. */
function filingKey(firmKey: string, ownerKey: string, props: Record<string, unknown>): string {
  const identity = [firmKey, ownerKey, String(props.interestType ?? ''), String(props.validFrom ?? '')];
  return `B-${crypto.createHash('sha256').update(identity.join('\0')).digest('hex').slice(0, 24)}`;
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
        props: present({
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
    const filings = batch.map((r) => ({ record: r, firmKey: resolve(r.firm.key), owner: inFirm(r.owner, r.firm.key, resolve) }));
    await writePersons(run, filings.map(({ record, owner }) => ({ person: owner, prov: record.prov })));
    await run('import/boFilings', {
      rows: filings.map(({ record, firmKey, owner }) => ({
        firmKey,
        filing: { key: filingKey(firmKey, owner.key, record.filing.props), props: { ...record.filing.props, ownerKey: owner.key } },
        prov: record.prov,
      })),
    });
  },
};
