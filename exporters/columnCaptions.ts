import type { ReportLocale } from './document.ts';

/**
 * Column headers for a finding's row (analyses/tabular.ts `findingRows`): the columns every row
 * has, and the facts of every analysis (docs/analyses/<analysis>.md says what each one is). A fact
 * not listed here keeps its key as the header, so a new fact is never dropped, only left in English.
 */

export interface Caption {
  zh: string;
  en: string;
}

export const columnCaptions: Record<string, Caption> = {
  // Every row.
  kind: { zh: '类型', en: 'Kind' },
  key: { zh: '编号', en: 'Key' },
  name: { zh: '名称', en: 'Name' },
  score: { zh: '得分', en: 'Score' },
  exhaustive: { zh: '搜索完整', en: 'Exhaustive' },
  limitsHit: { zh: '触及上限', en: 'Limits hit' },
  evidence: { zh: '证据链', en: 'Evidence chains' },
  // Identity and status.
  identifier: { zh: '证照号码', en: 'Identifier' },
  uscc: { zh: '统一社会信用代码', en: 'USCC' },
  registrationCode: { zh: '登记机关区划代码', en: 'Registration division' },
  registrationVia: { zh: '登记地依据', en: 'Registration place from' },
  registeredIn: { zh: '登记地', en: 'Registered in' },
  regionCode: { zh: '区划代码', en: 'Division code' },
  status: { zh: '登记状态', en: 'Status' },
  firm: { zh: '企业', en: 'Firm' },
  firmName: { zh: '企业名称', en: 'Firm name' },
  note: { zh: '备注', en: 'Note' },
  summary: { zh: '摘要', en: 'Summary' },
  reason: { zh: '原因', en: 'Reason' },
  reasons: { zh: '原因', en: 'Reasons' },
  finding: { zh: '发现类型', en: 'Finding' },
  rank: { zh: '名次', en: 'Rank' },
  // Ownership and control.
  effectiveRatio: { zh: '综合持股比例', en: 'Effective ratio' },
  directRatio: { zh: '直接持股比例', en: 'Direct ratio' },
  familyGroupRatio: { zh: '家族合计比例', en: 'Family group ratio' },
  ratioUnknownOnPath: { zh: '途经比例未知', en: 'Unknown ratio on the path' },
  closedCycle: { zh: '闭合循环持股', en: 'Closed cycle' },
  rulesMet: { zh: '符合的认定标准', en: 'Rules met' },
  beneficialOwner: { zh: '受益所有人', en: 'Beneficial owner' },
  control: { zh: '实际控制', en: 'Control' },
  controlBases: { zh: '控制方式', en: 'Control bases' },
  controls: { zh: '控制的企业', en: 'Controls' },
  controlledBy: { zh: '背后控制人', en: 'Controlled by' },
  controllers: { zh: '控制人', en: 'Controllers' },
  controllerKeys: { zh: '控制人编号', en: 'Controller keys' },
  controllerGrounds: { zh: '控制依据', en: 'Controller grounds' },
  topRoles: { zh: '高级管理职务', en: 'Senior roles' },
  roles: { zh: '职务', en: 'Roles' },
  fallbackTier: { zh: '兜底认定层级', en: 'Fallback tier' },
  shareBasis: { zh: '比例依据', en: 'Share basis' },
  strength: { zh: '关联强度', en: 'Strength' },
  // Filed beneficial owners compared with the computation.
  filedRatio: { zh: '备案比例', en: 'Filed ratio' },
  filedRatioMin: { zh: '备案比例下限', en: 'Filed ratio (min)' },
  filedRatioMax: { zh: '备案比例上限', en: 'Filed ratio (max)' },
  filedRatioText: { zh: '备案比例(原文)', en: 'Filed ratio (as given)' },
  filedOwner: { zh: '备案受益所有人', en: 'Filed owner' },
  filedInterestTypes: { zh: '备案权益类型', en: 'Filed interest types' },
  filingSource: { zh: '备案来源', en: 'Filing source' },
  computedRatio: { zh: '计算比例', en: 'Computed ratio' },
  computedRules: { zh: '计算符合的标准', en: 'Computed rules' },
  computedBeneficialOwner: { zh: '计算认定为受益所有人', en: 'Computed beneficial owner' },
  declaredIndirect: { zh: '申报为间接持有', en: 'Declared indirect' },
  difference: { zh: '差额', en: 'Difference' },
  mismatch: { zh: '不一致', en: 'Mismatch' },
  inGraph: { zh: '图中有对应人员', en: 'In the graph' },
  // Flags, lists and cases.
  flagged: { zh: '已列入名单', en: 'Flagged' },
  flaggedFirms: { zh: '涉案企业数', en: 'Flagged firms' },
  hintFlaggedFirms: { zh: '疑似同一人的涉案企业数', en: 'Flagged firms of same-person hints' },
  firms: { zh: '企业', en: 'Firms' },
  firmKeys: { zh: '企业编号', en: 'Firm keys' },
  firmCount: { zh: '企业数', en: 'Firm count' },
  how: { zh: '关联方式', en: 'How' },
  ways: { zh: '关联途径', en: 'Ways' },
  listTypes: { zh: '名单类型', en: 'List types' },
  lists: { zh: '名单', en: 'Lists' },
  cases: { zh: '案件数', en: 'Cases' },
  totalAmountWan: { zh: '涉案金额(万元)', en: 'Amount (10k CNY)' },
  otherAmounts: { zh: '其他币种金额', en: 'Other amounts' },
  victims: { zh: '受害人数', en: 'Victims' },
  sameRecords: { zh: '确认同一人的记录', en: 'Same-person records' },
  sameAsHints: { zh: '疑似同一人', en: 'Same-person hints' },
  personListings: { zh: '本人被列入的名单', en: 'Person listings' },
  nearestFlaggedKey: { zh: '最近涉案企业编号', en: 'Nearest flagged key' },
  nearestFlaggedName: { zh: '最近涉案企业', en: 'Nearest flagged firm' },
  nearestFlaggedListTypes: { zh: '最近涉案企业名单类型', en: 'Nearest flagged list types' },
  distanceToFlagged: { zh: '与涉案企业距离(跳)', en: 'Hops to flagged' },
  // List cross-reference.
  input: { zh: '输入', en: 'Input' },
  inputKind: { zh: '输入类型', en: 'Input kind' },
  matchedBy: { zh: '匹配方式', en: 'Matched by' },
  matchScore: { zh: '匹配度', en: 'Match score' },
  matchedName: { zh: '匹配名称', en: 'Matched name' },
  matchedPersons: { zh: '同名人员', en: 'Matched persons' },
  matchNote: { zh: '匹配说明', en: 'Match note' },
  // Paths, networks, neighbourhoods.
  hops: { zh: '跳数', en: 'Hops' },
  via: { zh: '途经', en: 'Via' },
  relationshipTypes: { zh: '关系类型', en: 'Relationship types' },
  distance: { zh: '距离(跳)', en: 'Distance' },
  degree: { zh: '关系数', en: 'Degree' },
  shown: { zh: '已显示关系数', en: 'Shown' },
  omitted: { zh: '未显示关系数', en: 'Omitted' },
  omittedByType: { zh: '按类型未显示', en: 'Omitted by type' },
  hub: { zh: '超级节点', en: 'Hub' },
  hubsSkipped: { zh: '未穿越的超级节点', en: 'Hubs skipped' },
  searched: { zh: '搜索范围', en: 'Searched' },
  connectors: { zh: '连接者', en: 'Connectors' },
  networkEdges: { zh: '网络关系数', en: 'Network edges' },
  firmsReached: { zh: '关联到的企业', en: 'Firms reached' },
  firmsNotReached: { zh: '未关联到的企业', en: 'Firms not reached' },
  // Shell clusters.
  clusterKind: { zh: '聚集类型', en: 'Cluster kind' },
  contact: { zh: '联系方式/地址', en: 'Contact' },
  drawnFrom: { zh: '比较基数(企业数)', en: 'Drawn from' },
  windowFirms: { zh: '窗口内企业数', en: 'Firms in the window' },
  windowFrom: { zh: '窗口起', en: 'Window from' },
  windowTo: { zh: '窗口止', en: 'Window to' },
  windowShare: { zh: '集中设立占比', en: 'Window share' },
  sharedPeople: { zh: '共用人员数', en: 'Shared people' },
  sharedPeopleKeys: { zh: '共用人员编号', en: 'Shared people keys' },
  sharedPeopleShare: { zh: '共用人员企业占比', en: 'Shared-people share' },
  investmentShare: { zh: '投资类企业占比', en: 'Investment-type share' },
  revokedShare: { zh: '吊销企业占比', en: 'Revoked share' },
  establishedFrom: { zh: '最早成立', en: 'Established from' },
  establishedTo: { zh: '最晚成立', en: 'Established to' },
  // Keyword screen.
  hits: { zh: '命中', en: 'Hits' },
  highlights: { zh: '命中片段', en: 'Highlights' },
  keywords: { zh: '关键词', en: 'Keywords' },
  // Venues, members, approvals and changes.
  exchange: { zh: '交易场所', en: 'Exchange' },
  venueBasis: { zh: '认定为交易场所的依据', en: 'Venue basis' },
  approved: { zh: '已获批准', en: 'Approved' },
  approvals: { zh: '批准文件', en: 'Approvals' },
  approvedCount: { zh: '已批准变更数', en: 'Approved changes' },
  acceptancePassed: { zh: '清理整顿验收通过', en: 'Acceptance passed' },
  failedAcceptanceRecord: { zh: '验收未通过记录', en: 'Failed acceptance record' },
  tradingModel: { zh: '交易模式', en: 'Trading model' },
  members: { zh: '会员', en: 'Members' },
  agents: { zh: '代理商', en: 'Agents' },
  brokers: { zh: '居间商', en: 'Brokers' },
  serviceInstitutions: { zh: '授权服务机构', en: 'Service institutions' },
  branches: { zh: '分支机构', en: 'Branches' },
  localCount: { zh: '本地关联方数', en: 'Local parties' },
  localEntities: { zh: '本地关联方', en: 'Local parties' },
  localKeys: { zh: '本地关联方编号', en: 'Local party keys' },
  operatingHere: { zh: '在本地经营', en: 'Operating here' },
  unapprovedCount: { zh: '未经批准变更数', en: 'Unapproved changes' },
  unapprovedItems: { zh: '未经批准的变更', en: 'Unapproved changes' },
  unapprovedKinds: { zh: '未经批准变更类别', en: 'Unapproved kinds' },
  firstUnapprovedOn: { zh: '首次未批变更日期', en: 'First unapproved on' },
  lastUnapprovedOn: { zh: '最近未批变更日期', en: 'Last unapproved on' },
  lateApprovals: { zh: '事后批准', en: 'Late approvals' },
  // Self-financing platforms.
  borrowers: { zh: '披露借款人数', en: 'Borrowers' },
  borrowedAmountWan: { zh: '借款金额(万元)', en: 'Borrowed (10k CNY)' },
  selfBorrowers: { zh: '自融借款人', en: 'Self-borrowers' },
  selfBorrowerKeys: { zh: '自融借款人编号', en: 'Self-borrower keys' },
  selfBorrowerGrounds: { zh: '自融认定依据', en: 'Self-borrower grounds' },
  selfBorrowedAmountWan: { zh: '自融金额(万元)', en: 'Self-borrowed (10k CNY)' },
  selfShare: { zh: '自融占比', en: 'Self share' },
  platformKeywordsHit: { zh: '命中的平台关键词', en: 'Platform keywords hit' },
};

/** Chinese always; with the English beside it when the reader asked for English. */
export function captionText(c: Caption, locale: ReportLocale): string {
  return locale === 'en' ? `${c.zh} / ${c.en}` : c.zh;
}

/** A finding row's column header; a fact without a caption keeps its key. */
export function columnHeader(column: string, locale: ReportLocale): string {
  const c = columnCaptions[column];
  return c ? captionText(c, locale) : column;
}
