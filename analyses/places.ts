import { resolveDivision, type ResolvedDivision } from '../model/divisions.ts';

/**
 * Where a firm is registered, as the jurisdiction screens need it (DOMAIN.md §2): the importer's
 * regionCode (from the registering authority 登记机关 and the registered address 住所), and only
 * for a firm known from references alone (a venue named in a members file, a branch) the division
 * in its USCC or registration number, which stays with a firm that moved.
 */

export interface FirmPlaceRow {
  regionCode: string | null;
  uscc: string | null;
  registrationNumber: string | null;
}

export type PlaceVia = 'registration' | 'code';

export function registrationPlace(firm: FirmPlaceRow): { division: ResolvedDivision; via: PlaceVia } | null {
  const registered = firm.regionCode ? resolveDivision(firm.regionCode) : null;
  if (registered) return { division: registered, via: 'registration' };
  const code = firm.uscc ? firm.uscc.slice(2, 8) : firm.registrationNumber ? firm.registrationNumber.slice(0, 6) : null;
  const fromCode = code ? resolveDivision(code) : null;
  return fromCode ? { division: fromCode, via: 'code' } : null;
}
