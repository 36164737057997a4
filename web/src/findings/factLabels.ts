// What a finding's facts are called on screen (the analyses' results table, a report run's
// findings): one table for both screens. A fact not listed keeps its key, so a new fact is shown,
// only not yet named.

import { useCallback } from 'react';
import { defineMessages, useMessages } from '../i18n.ts';

export const factMessages = defineMessages({
  zh: {
    identifier: '证件号码',
    flaggedFirms: '涉案企业数',
    firms: '涉案企业',
    firmKeys: '企业代码',
    how: '关联方式',
    ways: '方式',
    listTypes: '名单类型',
    cases: '案件数',
    totalAmountWan: '涉案金额（万元）',
    otherAmounts: '其他币种金额',
    victims: '受害人数',
    sameRecords: '确认为同一人的记录',
    sameAsHints: '疑似同一人（未确认）',
    hintFlaggedFirms: '疑似同一人另涉企业数',
    personListings: '本人被列入的名单',
    name: '名称',
    uscc: '统一社会信用代码',
    status: '登记状态',
    registeredOn: '成立日期',
    region: '登记机关所在地',
    ratio: '穿透持股比例',
    effectiveRatio: '穿透持股比例',
    control: '控制',
    rulesMet: '符合的规则',
    firmCount: '企业数',
    keywords: '命中关键词',
    distance: '距离（步）',
  },
  en: {
    identifier: 'ID number',
    flaggedFirms: 'Flagged firms',
    firms: 'Firms',
    firmKeys: 'Firm keys',
    how: 'How',
    ways: 'Ways',
    listTypes: 'List types',
    cases: 'Cases',
    totalAmountWan: 'Amount (×10k CNY)',
    otherAmounts: 'Other currencies',
    victims: 'Victims',
    sameRecords: 'Records confirmed the same person',
    sameAsHints: 'Possibly the same person (unconfirmed)',
    hintFlaggedFirms: 'Further flagged firms of the hints',
    personListings: 'Lists naming the person',
    name: 'Name',
    uscc: 'USCC',
    status: 'Status',
    registeredOn: 'Registered on',
    region: 'Region',
    ratio: 'Effective ratio',
    effectiveRatio: 'Effective ratio',
    control: 'Control',
    rulesMet: 'Rules met',
    firmCount: 'Firms',
    keywords: 'Keywords hit',
    distance: 'Distance (hops)',
  },
});

/** A fact's name in the user's language, or its key where it has none yet. */
export function useFactLabel(): (name: string) => string {
  const m = useMessages(factMessages);
  return useCallback((name: string) => (Object.hasOwn(factMessages.zh, name) ? m(name as keyof (typeof factMessages)['zh']) : name), [m]);
}
