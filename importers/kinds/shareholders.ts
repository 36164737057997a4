import { parseMoney, parseRatio, ratioReadings, ratioToFraction } from '../../model/values.ts';
import { present, type RowContext } from './rowContext.ts';
import { personFromName } from './persons.ts';
import { firmRef, requiredFirm, isPerson, type FirmRef } from './parties.ts';
import { inFirm, writeFirmRefs, writePersons, type PersonWrite } from './writeParties.ts';
import type { ConvertEnv, KindHandler } from './kind.ts';

/**
 * A shareholder row (股东及出资) becomes a direct holding: holder → firm with the ratio as a
 * fraction. Whether bare ratios are percents or fractions is decided for the whole column,
 * because '0.5' means half in one export and half a percent in another. In a column that reads
 * as percent ('60%', '80'), a bare number ≤ 1 may still be a fraction ('0.4' for 40%): it is read
 * by the column's convention and keeps its other reading, and the firm's holdings decide between
 * them once all rows are written (passes/ratios.ts). A holding with no ratio but a subscribed
 * amount gets its ratio derived there too.
 */

/**
 * Properties of a holding that describe how its ratio was read: a row that gives a ratio sets
 * them to its own (removing those it has not), a row without one leaves them (import/*Holdings).
 */
export const RATIO_MARKERS = ['ratioAmbiguous', 'ratioByConvention', 'ratioAlt', 'ratioConvention', 'ratioBasis', 'ratioDerived', 'ratioDenominatorWan', 'ratioDenominatorCurrency'];

export interface HoldingRecord {
  firm: FirmRef;
  holder: { kind: 'person'; person: PersonWrite } | { kind: 'firm'; firm: FirmRef };
  holding: Record<string, unknown>;
}

/** Reads a column's ratios to decide its unit: any '%', or any bare value above 1, means percent. */
export async function decideRatioUnit(values: AsyncIterable<string> | Iterable<string>): Promise<'percent' | 'fraction'> {
  for await (const raw of values) {
    if (parseRatio(raw)?.unit === 'percent') return 'percent';
  }
  return 'fraction';
}

type Values = AsyncIterable<string> | Iterable<string>;

/**
 * How a part's bare ratios ≤ 1 read, and on whose word: its own column when that column holds a
 * '%' or a bare value above 1; else the file's other ratio columns (the other sheets of a
 * workbook; a CSV or JSON file has one), since one office exports one way; else, with nothing
 * saying percent anywhere in the file, a column of bare values ≤ 1 is a column of fractions, and
 * no value in it is ambiguous.
 */
export type RatioConvention = { unit: 'percent'; of: 'column' | 'file' } | { unit: 'fraction'; of: 'none' };

export async function decideRatioConvention(own: Values, fileColumns: (() => Values)[]): Promise<RatioConvention> {
  if ((await decideRatioUnit(own)) === 'percent') return { unit: 'percent', of: 'column' };
  for (const other of fileColumns) if ((await decideRatioUnit(other())) === 'percent') return { unit: 'percent', of: 'file' };
  return { unit: 'fraction', of: 'none' };
}

/**
 * A holding's ratio properties from its cell: the ratio by the column's convention and, for a
 * bare number ≤ 1 under a percent convention, its other reading and that it is ambiguous. An
 * empty cell gives none (the ratio may be derived later); undefined when the cell is not a ratio
 * (reported).
 */
export function holdingRatioFrom(row: RowContext, field: string, env: ConvertEnv): Record<string, unknown> | undefined {
  const ratio = ratioFrom(row, field, env.ratioUnit);
  if (ratio === undefined) return undefined;
  if (ratio === null) return {};
  const text = row.get(field)!;
  const readings = env.ratioUnit === 'percent' ? ratioReadings(parseRatio(text)!) : null;
  if (!readings) return { ratio, ratioText: text };
  const convention = env.ratioConvention === 'file' ? 'file' : 'column';
  return {
    ratio,
    ratioText: text,
    ratioAmbiguous: true,
    ratioByConvention: ratio,
    ratioAlt: readings.fraction,
    ratioConvention: convention,
    ratioBasis: convention,
  };
}

/** A ratio cell as a fraction, or undefined (reported) when it cannot be one. */
export function ratioFrom(row: RowContext, field: string, unit: 'percent' | 'fraction'): number | null | undefined {
  const text = row.get(field);
  if (!text) return null;
  const parsed = parseRatio(text);
  const value = parsed ? ratioToFraction(parsed, unit) : NaN;
  if (!(value >= 0 && value <= 1 + 1e-9)) {
    row.report(field, 'RATIO_INVALID');
    return undefined;
  }
  return Math.min(value, 1);
}

export function moneyFrom(row: RowContext, field: string) {
  const text = row.get(field);
  const money = text ? parseMoney(text) : null;
  if (text && !money) row.report(field, 'MONEY_INVALID');
  return money ? { ...money, text } : null;
}

export const shareholders: KindHandler<HoldingRecord> = {
  kind: 'shareholders',
  ratioField: 'ratio',
  convert(row, env) {
    const firm = requiredFirm(row, 'firmUscc', 'firmName', env.source);
    if (!firm) return null;
    const holderName = row.get('holderName');
    if (!holderName) {
      row.report('holderName', 'HOLDER_NAME_MISSING');
      return null;
    }
    const ratio = holdingRatioFrom(row, 'ratio', env);
    if (ratio === undefined) return null;
    const subscribed = moneyFrom(row, 'subscribedAmount');
    const paid = moneyFrom(row, 'paidAmount');
    const holding = present({
      ...ratio,
      subscribedAmountWan: subscribed?.amountWan,
      subscribedCurrency: subscribed?.currency,
      subscribedText: subscribed?.text,
      paidAmountWan: paid?.amountWan,
      paidCurrency: paid?.currency,
      holderType: row.get('holderType'),
    });
    const holderId = row.get('holderId');
    const holder: HoldingRecord['holder'] = isPerson(row.get('holderType'), holderId, holderName)
      ? { kind: 'person', person: personFromName(row, holderName, holderId, 'holderId', firm.key, env.secret) }
      : { kind: 'firm', firm: firmRef(row, 'holderId', 'holderName', env.source)! };
    return { firm, holder, holding };
  },
  async write(run, batch) {
    const resolve = await writeFirmRefs(run, [
      ...batch.map((r) => ({ ref: r.firm, prov: r.prov })),
      ...batch.flatMap((r) => (r.holder.kind === 'firm' ? [{ ref: r.holder.firm, prov: r.prov }] : [])),
    ]);
    const persons = batch.flatMap((r) => (r.holder.kind === 'person' ? [{ person: inFirm(r.holder.person, r.firm.key, resolve), prov: r.prov, record: r }] : []));
    await writePersons(run, persons);
    const personRows = persons.map(({ person, prov, record }) => ({ firmKey: resolve(record.firm.key), holderKey: person.key, holding: record.holding, prov }));
    const firmRows = batch.flatMap((r) =>
      r.holder.kind === 'firm' ? [{ firmKey: resolve(r.firm.key), holderKey: resolve(r.holder.firm.key), holding: r.holding, prov: r.prov }] : [],
    );
    // History first, in a statement of its own: it must read every holding before any row's SET.
    await run('import/holdingHistory', { rows: [...personRows, ...firmRows], markers: RATIO_MARKERS });
    await run('import/personHoldings', { rows: personRows.map(({ holderKey, ...row }) => ({ ...row, personKey: holderKey })) });
    await run('import/firmHoldings', { rows: firmRows });
  },
};
