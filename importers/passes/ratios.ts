import type { Graph } from '../../cypher/run.ts';
import { int } from '../../cypher/values.ts';
import { percentText } from '../../model/values.ts';
import type { PassFinding, PassResult, RunPass } from './index.ts';

/**
 * A firm's holdings decide what a single row cannot. Two kinds of ratio are settled here, once a
 * run's rows are all written, for every firm the run touched (a registration or a shareholder row
 * naming it), whatever order its files came in:
 *
 * - A ratio derived from a subscribed amount (认缴出资额) where no ratio was given: the amount over
 *   the firm's registered capital in the same currency when the firm's amounts add up to it;
 *   where they do not (a capital since changed, or none registered) over the sum of the amounts,
 *   when every current holder has one in that currency; else over the capital when there is one.
 *   A derived ratio is derived again whenever the firm is touched, so a registration loaded later
 *   (or retracted) moves it; a ratio a row gave is never overwritten.
 * - An ambiguous ratio (a bare number ≤ 1 in a column of percents: '0.4' is 0.4% or 40%): the
 *   reading under which the firm's current holdings sum to 100% when exactly one does; else the
 *   column's (or the file's) convention. With more than MAX_AMBIGUOUS_PER_FIRM ambiguous ratios
 *   in one firm the readings are not enumerated; with a holding of unknown ratio the sum proves
 *   nothing. Both fall back to the convention.
 *
 * Every ambiguous or derived ratio of the run's rows is a finding, and so is any earlier row's
 * whose reading or derivation changed; a firm whose current holdings then sum to clearly more than
 * 100% is flagged. Nothing is decided silently.
 */

/**
 * Holdings "sum to 100%" within half a percentage point: exports round each ratio (three holders
 * of a third are 33.33% each, 99.99% in all), and a reading off by a factor of 100 is never that
 * close unless it is right.
 */
export const SUM_TOLERANCE = 0.005;
/** Above this a firm's holdings are flagged: past rounding, two sources disagree or a holder is counted twice. */
export const OVER_100 = 1.01;
/** 2^4 = 16 combinations of readings at most are compared for one firm. */
export const MAX_AMBIGUOUS_PER_FIRM = 4;
/** Subscribed amounts add up to the registered capital when within this share of it. */
const CAPITAL_TOLERANCE = 0.005;
const PAGE = 1000;
const CHUNK = 500;

export interface HoldingState {
  id: string;
  holder: string;
  ratio: number | null;
  ratioText: string | null;
  ratioAmbiguous: boolean;
  ratioByConvention: number | null;
  ratioAlt: number | null;
  ratioConvention: 'column' | 'file' | null;
  ratioBasis: string | null;
  ratioDerived: boolean;
  ratioDenominatorWan: number | null;
  ratioDenominatorCurrency: string | null;
  subscribedAmountWan: number | null;
  subscribedCurrency: string | null;
  subscribedText: string | null;
  /** This run's last provenance entry on the holding (null: the run did not assert it). */
  runProv: string | null;
  lastProv: string | null;
}

export interface FirmState {
  key: string;
  name: string;
  capitalWan: number | null;
  capitalCurrency: string | null;
  capitalText: string | null;
  runProv: string | null;
  holdings: HoldingState[];
}

export interface RatioDecision {
  id: string;
  ratio: number | null;
  basis: string | null;
  derived: boolean | null;
  denominatorWan: number | null;
  denominatorCurrency: string | null;
}

const money = (wan: number, currency: string) => `${+wan.toFixed(4)}万 ${currency}`;
const same = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.abs(a - b) < 1e-12);

interface Derivation {
  ratio: number | null;
  basis: 'registered-capital' | 'subscribed-sum' | null;
  denominatorWan: number | null;
  zh: string;
  en: string;
}

/** The ratio of a holding known only by its subscribed amount (see the module comment). */
function derive(h: HoldingState, firm: FirmState): Derivation {
  const amount = h.subscribedAmountWan!;
  const currency = h.subscribedCurrency!;
  const given = `${h.subscribedText ?? money(amount, currency)}`;
  const inCurrency = firm.holdings.filter((o) => o.subscribedAmountWan !== null && o.subscribedCurrency === currency);
  const sum = inCurrency.reduce((t, o) => t + o.subscribedAmountWan!, 0);
  const everyone = inCurrency.length === firm.holdings.length;
  const capital = firm.capitalWan !== null && firm.capitalWan > 0 && firm.capitalCurrency === currency ? firm.capitalWan : null;
  const capitalText = firm.capitalText ?? (firm.capitalWan !== null ? money(firm.capitalWan, firm.capitalCurrency ?? '') : null);
  const overCapital = (zh: string, en: string): Derivation => ({
    ratio: amount / capital!,
    basis: 'registered-capital',
    denominatorWan: capital,
    zh: `认缴出资额 ${given} ÷ 注册资本 ${capitalText}${zh}`,
    en: `subscribed ${given} over the registered capital ${capitalText}${en}`,
  });
  if (capital !== null && Math.abs(sum - capital) <= CAPITAL_TOLERANCE * capital) return overCapital('', '');
  if (everyone && sum > 0) {
    const why =
      capital !== null
        ? { zh: `（各股东认缴合计与注册资本 ${capitalText} 不符）`, en: ` (the amounts do not add up to the registered capital ${capitalText})` }
        : firm.capitalWan !== null
          ? { zh: `（注册资本 ${capitalText} 币种不同）`, en: ` (the registered capital ${capitalText} is in another currency)` }
          : { zh: '（注册资本未知）', en: ' (the registered capital is not known)' };
    return {
      ratio: amount / sum,
      basis: 'subscribed-sum',
      denominatorWan: sum,
      zh: `认缴出资额 ${given} ÷ 全体股东认缴合计 ${money(sum, currency)}${why.zh}`,
      en: `subscribed ${given} over all holders' subscribed total ${money(sum, currency)}${why.en}`,
    };
  }
  if (capital !== null && amount <= capital) {
    return overCapital('（部分股东无认缴出资额，无法按合计计算）', ' (some holders have no subscribed amount, so their total says nothing)');
  }
  return {
    ratio: null,
    basis: null,
    denominatorWan: null,
    zh: '无法推算：注册资本未知或币种不同，且并非每位股东都有同币种的认缴出资额',
    en: 'cannot be derived: no registered capital in that currency, and not every holder has a subscribed amount in it',
  };
}

/** What one firm's holdings decide: the ratios to write and the findings to report. */
export function decideFirm(firm: FirmState): { decisions: RatioDecision[]; findings: PassFinding[] } {
  const decisions: RatioDecision[] = [];
  const findings: PassFinding[] = [];
  // The ratio each holding has once this firm is decided; the sums below read it.
  const ratio = new Map(firm.holdings.map((h) => [h.id, h.ratio]));
  const decide = (h: HoldingState, d: Omit<RatioDecision, 'id'>): boolean => {
    ratio.set(h.id, d.ratio);
    const changed = !same(h.ratio, d.ratio) || h.ratioBasis !== d.basis || (h.ratioDerived || null) !== d.derived || !same(h.ratioDenominatorWan, d.denominatorWan) || h.ratioDenominatorCurrency !== d.denominatorCurrency;
    if (changed) decisions.push({ id: h.id, ...d });
    return changed;
  };

  for (const h of firm.holdings) {
    if (h.ratioAmbiguous || (h.ratio !== null && !h.ratioDerived)) continue;
    if (h.subscribedAmountWan === null || h.subscribedCurrency === null) continue;
    const d = derive(h, firm);
    const changed = decide(h, { ratio: d.ratio, basis: d.basis, derived: d.ratio === null ? null : true, denominatorWan: d.denominatorWan, denominatorCurrency: d.ratio === null ? null : h.subscribedCurrency });
    // A holding never derived and still not derivable is as its row left it: nothing to report.
    if (!(h.runProv || changed) || (d.ratio === null && !h.ratioDerived)) continue;
    findings.push({
      code: 'RATIO_DERIVED',
      prov: (h.runProv ?? h.lastProv)!,
      column: 'subscribedAmount',
      value: h.subscribedText ?? money(h.subscribedAmountWan, h.subscribedCurrency),
      detail:
        d.ratio === null
          ? `${h.holder}：${d.zh}，比例不再按认缴出资额推算 / ${h.holder}: ${d.en}; the ratio is unknown again`
          : `${h.holder} 持股 ${percentText(d.ratio)}：${d.zh} / ${h.holder} holds ${percentText(d.ratio)}: ${d.en}`,
    });
  }

  const ambiguous = firm.holdings.filter((h) => h.ratioAmbiguous && h.ratioByConvention !== null && h.ratioAlt !== null);
  if (ambiguous.length > 0) {
    const others = firm.holdings.filter((h) => !ambiguous.includes(h));
    const othersSum = others.reduce((t, h) => t + (ratio.get(h.id) ?? 0), 0);
    const unknown = others.some((h) => ratio.get(h.id) === null);
    const conventionTotal = othersSum + ambiguous.reduce((t, h) => t + h.ratioByConvention!, 0);
    let chosen: number[] | null = null;
    let why: { zh: string; en: string } | null = null;
    if (unknown) {
      why = { zh: '该企业另有股东比例不明，合计无从比较', en: "another holder's ratio is unknown, so the firm's sum cannot decide" };
    } else if (ambiguous.length > MAX_AMBIGUOUS_PER_FIRM) {
      why = { zh: `该企业有 ${ambiguous.length} 个单位不明的比例，未逐一比较`, en: `the firm has ${ambiguous.length} ambiguous ratios, too many to compare every reading` };
    } else {
      const fitting: number[][] = [];
      for (let mask = 0; mask < 1 << ambiguous.length; mask++) {
        const readings = ambiguous.map((h, i) => (mask & (1 << i) ? h.ratioAlt! : h.ratioByConvention!));
        if (Math.abs(othersSum + readings.reduce((t, r) => t + r, 0) - 1) <= SUM_TOLERANCE) fitting.push(readings);
      }
      if (fitting.length === 1) chosen = fitting[0]!;
      else if (fitting.length > 1) why = { zh: '多种读法都能使该企业持股合计 100%', en: "more than one reading makes the firm's holdings 100%" };
    }
    const total = chosen ? othersSum + chosen.reduce((t, r) => t + r, 0) : conventionTotal;
    ambiguous.forEach((h, i) => {
      const reading = chosen ? chosen[i]! : h.ratioByConvention!;
      const basis = chosen ? 'firm-sum' : (h.ratioConvention ?? 'column');
      const changed = decide(h, { ratio: reading, basis, derived: null, denominatorWan: null, denominatorCurrency: null });
      if (!(h.runProv || changed)) return;
      let detail: string;
      if (chosen) {
        const rest = total - reading;
        detail = `读作 ${percentText(reading)}：该企业其余股东合计 ${percentText(rest)}，合计 ${percentText(total)} / read as ${percentText(reading)}: the firm's other holders sum to ${percentText(rest)}, making ${percentText(total)}`;
      } else {
        const by = basis === 'file' ? { zh: '按本文件惯例', en: "by the file's convention" } : { zh: '按本列惯例', en: "by the column's convention" };
        const reason =
          why ?? {
            zh: `两种读法都不能使该企业持股合计 100%（读作 ${percentText(h.ratioByConvention!)} 合计 ${percentText(conventionTotal)}，读作 ${percentText(h.ratioAlt!)} 合计 ${percentText(conventionTotal - h.ratioByConvention! + h.ratioAlt!)}）`,
            en: `neither reading makes the firm's holdings 100% (${percentText(conventionTotal)} as ${percentText(h.ratioByConvention!)}, ${percentText(conventionTotal - h.ratioByConvention! + h.ratioAlt!)} as ${percentText(h.ratioAlt!)})`,
          };
        detail = `${by.zh}读作 ${percentText(reading)}：${reason.zh} / read as ${percentText(reading)} ${by.en}: ${reason.en}`;
      }
      findings.push({ code: 'RATIO_AMBIGUOUS', prov: (h.runProv ?? h.lastProv)!, column: 'ratio', value: h.ratioText ?? '', detail });
    });
  }

  const sum = firm.holdings.reduce((t, h) => t + (ratio.get(h.id) ?? 0), 0);
  const prov = [...firm.holdings].reverse().find((h) => h.runProv)?.runProv ?? firm.runProv;
  if (sum > OVER_100 && prov) {
    const listed = firm.holdings
      .filter((h) => ratio.get(h.id) !== null)
      .sort((a, b) => ratio.get(b.id)! - ratio.get(a.id)! || a.holder.localeCompare(b.holder))
      .slice(0, 10)
      .map((h) => `${h.holder} ${percentText(ratio.get(h.id)!)}`)
      .join('、');
    findings.push({
      code: 'HOLDINGS_OVER_100',
      prov,
      column: 'ratio',
      value: percentText(sum),
      detail: `${firm.name} 现有股东持股合计 ${percentText(sum)}（${listed}） / the current holdings of ${firm.name} sum to ${percentText(sum)} (${listed})`,
    });
  }
  return { decisions, findings };
}

/**
 * Decides the ratios of the firms named and writes the decisions, a chunk of firms per
 * transaction (read and written together, so a decision rests on what it changes). With a run's
 * prefix the findings cover that run's rows; without one (after a retract) only what changed.
 */
export async function decideFirms(graph: Graph, keys: string[], prefix: string | null): Promise<PassFinding[]> {
  const findings: PassFinding[] = [];
  for (let at = 0; at < keys.length; at += CHUNK) {
    await graph.inWriteTransaction(async (run) => {
      const firms = (await run('importRun/ratioHoldings', { keys: keys.slice(at, at + CHUNK), prefix })) as unknown as FirmState[];
      const decisions: RatioDecision[] = [];
      for (const firm of firms) {
        const decided = decideFirm(firm);
        decisions.push(...decided.decisions);
        findings.push(...decided.findings);
      }
      if (decisions.length > 0) await run('importRun/ratioDecisions', { rows: decisions });
    });
  }
  return findings;
}

/** Keys of the firms a run touched whose ratios may need deciding (see ratioFirms.cypher), in key order. */
export async function* firmsToDecide(graph: Graph, prefix: string): AsyncGenerator<string[]> {
  let after = '';
  for (;;) {
    // Through the leader, like the writes it follows: a follower may not have them yet.
    const [page] = await graph.write<{ keys: string[]; last: string | null; seen: number }>('importRun/ratioFirms', { prefix, after, limit: int(PAGE), overSum: OVER_100 });
    if (!page?.last) return;
    if (page.keys.length > 0) yield page.keys;
    if (page.seen < PAGE) return;
    after = page.last;
  }
}

export const ratiosPass: RunPass = {
  name: 'ratios',
  async run(graph, ctx): Promise<PassResult> {
    const findings: PassFinding[] = [];
    for await (const keys of firmsToDecide(graph, ctx.prefix)) findings.push(...(await decideFirms(graph, keys, ctx.prefix)));
    return { findings };
  },
};
