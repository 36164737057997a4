import { requiredFirm, type FirmRef } from './parties.ts';
import { present } from './rowContext.ts';
import { addressRow, addressWrite, type AddressWrite } from './registrations.ts';
import { dateFrom } from './officers.ts';
import { writeFirmRefs } from './writeParties.ts';
import type { KindHandler } from './kind.ts';

/**
 * A member row becomes MEMBER_OF from the member to the venue, with the member type normalised
 * to the four the documents name (会员, 代理商, 居间商, 授权服务机构) and the original kept; the
 * member's local operating address is what out-of-province screens look for.
 */

export interface MemberRecord {
  venue: FirmRef;
  member: FirmRef;
  memberType: string;
  props: Record<string, unknown>;
  address: AddressWrite | null;
}

export function memberType(text: string | null): string {
  if (!text) return '会员';
  if (/代理/.test(text)) return '代理商';
  if (/居间|经纪/.test(text)) return '居间商';
  if (/授权|服务机构/.test(text)) return '授权服务机构';
  return '会员';
}

export const members: KindHandler<MemberRecord> = {
  kind: 'members',
  convert(row, env) {
    const venue = requiredFirm(row, 'venueUscc', 'venueName', env.source);
    if (!venue) return null;
    const member = requiredFirm(row, 'memberUscc', 'memberName', env.source);
    if (!member) return null;
    const typeText = row.get('memberType');
    return {
      venue,
      member,
      memberType: memberType(typeText),
      props: present({
        memberTypeText: typeText,
        memberNo: row.get('memberNo'),
        status: row.get('status'),
        validFrom: dateFrom(row, 'validFrom'),
        validTo: dateFrom(row, 'validTo'),
      }),
      address: addressWrite(row.get('operatingAddress')),
    };
  },
  async write(run, batch) {
    const resolve = await writeFirmRefs(run, batch.flatMap((r) => [{ ref: r.venue, prov: r.prov }, { ref: r.member, prov: r.prov }]));
    await run('import/memberships', {
      rows: batch.map((r) => ({ memberKey: resolve(r.member.key), venueKey: resolve(r.venue.key), memberType: r.memberType, props: r.props, prov: r.prov })),
    });
    await run('import/operatingAddresses', {
      rows: batch.flatMap((r) => (r.address ? [addressRow(resolve(r.member.key), r.address, r.prov)] : [])),
    });
  },
};
