import { parseUscc } from '../../model/identifiers/uscc.ts';
import { parseRegistrationNumber } from '../../model/identifiers/registrationNumber.ts';
import { parseResidentId } from '../../model/identifiers/residentId.ts';
import { firmKey } from '../../model/keys.ts';
import { displayName, normalizeName } from '../../model/names.ts';
import { parseMoney, parseRatio, ratioToFraction } from '../../model/values.ts';
import { present, type RowContext } from './rowContext.ts';
import { personFromName } from './persons.ts';

/**
 * A shareholder row (股东及出资) becomes a direct holding: holder → firm with the ratio as a
 * fraction. Whether bare ratios are percents or fractions is decided for the whole column
 * (ratioUnit), because '0.5' means half in one export and half a percent in another.
 */

export type RatioUnit = 'percent' | 'fraction';

export interface FirmRef {
  key: string;
  props: Record<string, unknown>;
}

export interface HoldingRecord {
  firm: FirmRef;
  holderKind: 'person' | 'firm';
  holder: { key: string; matchByName?: boolean; props: Record<string, unknown> };
  holding: Record<string, unknown>;
}

/** Reads a column's ratios once to decide its unit: any '%' or any bare value above 1 means percent. */
export async function decideRatioUnit(values: AsyncIterable<string> | Iterable<string>): Promise<RatioUnit> {
  for await (const raw of values) {
    const parsed = parseRatio(raw);
    if (parsed?.unit === 'percent') return 'percent';
  }
  return 'fraction';
}

/** A firm named by code and name; a code that fails its check is flagged and the name used instead. */
function firmRef(row: RowContext, codeField: string, nameField: string, source: string): (FirmRef & { matchByName: boolean }) | null {
  const rawCode = row.get(codeField);
  const name = row.get(nameField);
  let uscc: string | null = null;
  let registrationNumber: string | null = null;
  if (rawCode) {
    const parsedUscc = parseUscc(rawCode);
    const parsedReg = parsedUscc.ok ? null : parseRegistrationNumber(rawCode);
    if (parsedUscc.ok) uscc = parsedUscc.value;
    else if (parsedReg?.ok) registrationNumber = parsedReg.value;
    else row.report(codeField, 'REFERENCED_ID_INVALID');
  }
  if (!uscc && !registrationNumber && !name) return null;
  const key = firmKey({ uscc, registrationNumber, name: name ?? '', source });
  return {
    key: key.key,
    matchByName: key.unverified,
    props: present({
      name: name ? displayName(name) : (uscc ?? registrationNumber),
      normalizedName: name ? normalizeName(name) : null,
      uscc,
      registrationNumber,
      keyBasis: key.basis,
      keyUnverified: key.unverified,
    }),
  };
}

const PERSON_TYPE = /自然人|个人|natural|person|individual/i;
const FIRM_TYPE = /企业|法人|公司|合伙|机构|单位|政府|国资|事业|社会团体|基金|company|corporate|entity/i;

function holderIsPerson(type: string | null, id: string | null, name: string): boolean {
  if (type && PERSON_TYPE.test(type)) return true;
  if (type && FIRM_TYPE.test(type)) return false;
  if (id) {
    const kind = parseResidentId(id).kind;
    if (kind === 'full' || kind === 'legacy15' || kind === 'masked') return true;
  }
  // No type and no telling identifier: a short name without an organisation word is a person's.
  return normalizeName(name).length <= 4 && !FIRM_TYPE.test(name);
}

export function holdingFromRow(row: RowContext, ratioUnit: RatioUnit, source: string, secret: string): HoldingRecord | null {
  const firm = firmRef(row, 'firmUscc', 'firmName', source);
  if (!firm) {
    row.report('firmName', 'FIRM_NAME_MISSING');
    return null;
  }
  const holderName = row.get('holderName');
  if (!holderName) {
    row.report('holderName', 'HOLDER_NAME_MISSING');
    return null;
  }
  const ratioText = row.get('ratio');
  let ratio: number | null = null;
  if (ratioText) {
    const parsed = parseRatio(ratioText);
    const value = parsed ? ratioToFraction(parsed, ratioUnit) : NaN;
    if (!(value >= 0 && value <= 1 + 1e-9)) {
      row.report('ratio', 'RATIO_INVALID');
      return null;
    }
    ratio = Math.min(value, 1);
  }
  const subscribedText = row.get('subscribedAmount');
  const subscribed = subscribedText ? parseMoney(subscribedText) : null;
  if (subscribedText && !subscribed) row.report('subscribedAmount', 'MONEY_INVALID');
  const paidText = row.get('paidAmount');
  const paid = paidText ? parseMoney(paidText) : null;
  if (paidText && !paid) row.report('paidAmount', 'MONEY_INVALID');
  const holding = present({
    ratio,
    ratioText,
    subscribedAmountWan: subscribed?.amountWan,
    subscribedCurrency: subscribed?.currency,
    subscribedText: subscribed ? subscribedText : null,
    paidAmountWan: paid?.amountWan,
    paidCurrency: paid?.currency,
    holderType: row.get('holderType'),
  });

  const holderId = row.get('holderId');
  if (holderIsPerson(row.get('holderType'), holderId, holderName)) {
    return { firm, holderKind: 'person', holder: personFromName(row, holderName, holderId, 'holderId', firm.key, secret), holding };
  }
  const holderFirm = firmRef(row, 'holderId', 'holderName', source)!;
  return { firm, holderKind: 'firm', holder: holderFirm, holding };
}
