import crypto from 'node:crypto';
import { divisionFromAddress } from '../../model/divisions.ts';
import { displayName, normalizeName } from '../../model/names.ts';
import { present } from './rowContext.ts';
import { requiredFirm, type FirmRef } from './parties.ts';
import { dateFrom } from './officers.ts';
import { writeFirmRefs } from './writeParties.ts';
import type { KindHandler } from './kind.ts';

/**
 * A venue approval row (交易场所批准). Whether the province passed the inter-ministerial
 * acceptance (部际联席会议验收) is kept as true/false/unknown, because "not stated" must not read
 * as "failed".
 */

export interface ApprovalRecord {
  venue: FirmRef;
  approval: { key: string; props: Record<string, unknown> };
}

export function yesNo(text: string | null): boolean | null {
  if (!text) return null;
  if (/^(是|已通过|通过|yes|y|true|1)$/i.test(text.trim())) return true;
  if (/^(否|未通过|不通过|no|n|false|0)$/i.test(text.trim())) return false;
  return null;
}

export const approvals: KindHandler<ApprovalRecord> = {
  kind: 'approvals',
  convert(row, env) {
    const venue = requiredFirm(row, 'uscc', 'name', env.source);
    if (!venue) return null;
    const authority = row.get('approvingAuthority');
    const documentNo = row.get('documentNo');
    const provinceText = row.get('province');
    const province = provinceText ? divisionFromAddress(provinceText) : null;
    const passedText = row.get('acceptancePassed');
    const passed = yesNo(passedText);
    if (passedText && passed === null) row.report('acceptancePassed', 'YES_NO_INVALID');
    const identity = documentNo ? [authority ?? '', documentNo] : [authority ?? '', venue.key];
    return {
      venue,
      approval: {
        key: `A-${crypto.createHash('sha256').update(identity.map((p) => normalizeName(p)).join('\0')).digest('hex').slice(0, 24)}`,
        props: present({
          approvingAuthority: authority ? displayName(authority) : null,
          documentNo,
          approvedOn: dateFrom(row, 'approvedOn'),
          province: provinceText,
          provinceCode: province?.provinceCode,
          acceptancePassed: passed,
          category: row.get('category'),
        }),
      },
    };
  },
  async write(run, batch) {
    const resolve = await writeFirmRefs(run, batch.map((r) => ({ ref: r.venue, prov: r.prov })));
    await run('import/approvals', { rows: batch.map((r) => ({ venueKey: resolve(r.venue.key), approval: r.approval, prov: r.prov })) });
  },
};
