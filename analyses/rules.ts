/**
 * The Chinese beneficial-owner rule sets as data: how the threshold is compared, and who the
 * last-resort rule names when nobody meets the threshold or control. docs/analyses/beneficial-owners.md
 * quotes the grounds.
 */

/** Ratios are sums of products of decimal fractions: 30%×75% + 10%×25% must count as exactly 25%. */
export const TOLERANCE = 1e-9;

export type RuleSetName = 'cn-2024' | 'cn-2017';
export const ruleSetNames = ['cn-2024', 'cn-2017'] as const;

export interface RuleSet {
  name: RuleSetName;
  title: string;
  /** 'at-least': 25%以上 (≥); 'more-than': 超过25% (>). */
  comparison: 'at-least' | 'more-than';
  /**
   * Roles the last-resort rule names, in tiers: the first tier with anyone in it is used. The
   * second tier (the head of the firm) is our addition so that a firm whose manager is not on
   * record still names someone, marked by its tier in the facts.
   */
  fallbackTiers: readonly (readonly string[])[];
}

const HEAD_OF_FIRM = ['法定代表人', '执行董事', '董事长'] as const;

export const ruleSets: Record<RuleSetName, RuleSet> = {
  'cn-2024': {
    name: 'cn-2024',
    title: '受益所有人信息管理办法（中国人民银行 国家市场监督管理总局令〔2024〕第3号）',
    comparison: 'at-least',
    // 第六条: 不存在前款规定的自然人的，将负责日常经营管理的人员视为受益所有人.
    fallbackTiers: [['总经理', '经理', '负责人', '执行事务合伙人', '执行事务合伙人委派代表'], HEAD_OF_FIRM],
  },
  'cn-2017': {
    name: 'cn-2017',
    title: '银发〔2017〕235号、银发〔2018〕164号',
    comparison: 'more-than',
    // 164号: 无法按前述标准识别的，将其高级管理人员识别为受益所有人 (公司法: 经理、副经理、财务负责人、董事会秘书).
    fallbackTiers: [['总经理', '经理', '副总经理', '副经理', '财务负责人', '财务总监', '董事会秘书', '负责人', '执行事务合伙人', '执行事务合伙人委派代表'], HEAD_OF_FIRM],
  },
};

export function meetsThreshold(value: number, threshold: number, rules: RuleSetName): boolean {
  return ruleSets[rules].comparison === 'at-least' ? value >= threshold - TOLERANCE : value > threshold + TOLERANCE;
}

/** More than half at a step of a majority chain: exactly 50% is not control. */
export function isMajority(ratio: number): boolean {
  return ratio > 0.5 + TOLERANCE;
}

/** The role shown for a legal representative, who is recorded by a relationship of their own. */
export const LEGAL_REPRESENTATIVE = '法定代表人';

/** Roles shown as control flags: the head of the firm and its general manager. */
export const TOP_ROLES: readonly string[] = ['法定代表人', '董事长', '执行董事', '总经理', '经理'];

/** An office in a firm as the .cypher files return it: legal representative, or an officer's role. */
export interface Office {
  type: 'LEGAL_REPRESENTATIVE_OF' | 'OFFICER_OF';
  role: string | null;
  validFrom: string | null;
  validTo: string | null;
}

/** The title an office gives: 法定代表人 for the legal representative, else the role as registered. */
export function officeTitle(o: Pick<Office, 'type' | 'role'>): string {
  return o.type === 'LEGAL_REPRESENTATIVE_OF' ? LEGAL_REPRESENTATIVE : (o.role ?? '').trim();
}
