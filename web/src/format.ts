// Values as a clerk reads them, the same on every screen: money in 万元 with its currency, dates
// YYYY-MM-DD, ratios as percentages to two decimals. What the source wrote is kept for the hover
// (`title`), since a register's own spelling ("伍拾万元整") is evidence too.

import type { Lang } from './i18n.ts';

const CURRENCY_ZH: Record<string, string> = { CNY: '人民币', USD: '美元', HKD: '港元', EUR: '欧元', JPY: '日元', GBP: '英镑' };

/** 500 万 CNY → '500.00 万元人民币' (zh) / 'CNY 5,000,000.00' is not used: clerks count in 万 in both languages. */
export function formatMoneyWan(amountWan: number, currency: string, lang: Lang): string {
  const amount = amountWan.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US', { minimumFractionDigits: 2, maximumFractionDigits: 4 });
  if (lang === 'zh') return `${amount} 万元${CURRENCY_ZH[currency] ?? currency}`;
  return `${amount} ×10k ${currency}`;
}

/** 0.6 → '60.00%', 1/3 → '33.33%'; a stake too small to show is '<0.01%', never '0.00%'. */
export function formatPercent(ratio: number): string {
  const percent = ratio * 100;
  if (percent > 0 && percent < 0.005) return '<0.01%';
  return `${percent.toFixed(2)}%`;
}

/** An ISO date or moment → 'YYYY-MM-DD'; anything else is shown as given. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  return match ? `${match[1]}-${match[2]}-${match[3]}` : value;
}
