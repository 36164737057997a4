import type { z } from 'zod';
import type { Graph, GraphReader } from '../cypher/run.ts';
import { beneficialOwners, beneficialOwnersParams } from './beneficialOwners.ts';
import { controlledFirms, controlledFirmsParams } from './controlledFirms.ts';
import { AnalysisError, type Envelope } from './envelope.ts';
import { flaggedControllers, flaggedControllersParams } from './flaggedControllers.ts';
import { keywordScreen, keywordScreenParams } from './keywordScreen.ts';
import { listXref, listXrefParams } from './listXref.ts';
import { unapprovedChanges, unapprovedChangesParams } from './unapprovedChanges.ts';
import { outOfProvinceVenues, outOfProvinceVenuesParams } from './outOfProvinceVenues.ts';
import { shellClusters, shellClustersParams } from './shellClusters.ts';
import { selfFinancing, selfFinancingParams } from './selfFinancing.ts';
import { boMismatch, boMismatchParams } from './boMismatch.ts';
import { commonControllers, commonControllersParams } from './commonControllers.ts';
import { neighborhoodAnalysis, neighborhoodAnalysisParams } from './neighborhoodAnalysis.ts';
import { paths, pathsParams } from './paths.ts';

/**
 * Every analysis by name: its parameters (a zod schema, the one validation for CLI, API and saved
 * reports), what each parameter means, and how to run it. The CLI's `run <analysis>` and the
 * API's `runAnalysis(name, params)` both go through `runAnalysis` below.
 */

/** What the deployment configures for every analysis: the default jurisdiction (CHUANTOU_JURISDICTION). */
export interface AnalysisSettings {
  jurisdiction: string;
}

export interface AnalysisDefinition<S extends z.ZodType = z.ZodType> {
  name: string;
  title: { zh: string; en: string };
  params: S;
  /** The score is a fraction of 1 (an effective ratio), to be shown as a percentage; else a count or a rank. */
  scoreIsRatio?: boolean;
  /** Parameter names with a one-line meaning, for help texts. */
  parameters: Record<string, string>;
  run(graph: GraphReader, params: z.output<S>): Promise<Envelope>;
}

const common = {
  rules: 'cn-2024 (默认, ≥25%) | cn-2017 (>25%)',
  threshold: '持股比例阈值，小数，默认 0.25 / threshold as a fraction, default 0.25',
  asOf: '查询日期 YYYY-MM-DD，默认当前 / the day asked about, default: current',
  maxDepth: '最多穿透层数，默认 10 / most holding steps, default 10',
  maxNodes: '最多实体数，默认 5000 / most entities searched, default 5000',
  fanOut: '每个实体最多关系数（超级节点上限），默认 500 / most relationships per entity (hub cap), default 500',
  timeoutMs: '搜索时限（毫秒），默认 10000 / search time budget in ms, default 10000',
};

function define<S extends z.ZodType>(d: AnalysisDefinition<S>): AnalysisDefinition {
  return d as unknown as AnalysisDefinition;
}

export const analyses: Record<string, AnalysisDefinition> = {
  'beneficial-owners': define({
    name: 'beneficial-owners',
    scoreIsRatio: true,
    title: { zh: '受益所有人（实际控制人）穿透', en: 'Beneficial owners and controllers of a firm' },
    params: beneficialOwnersParams,
    parameters: { firm: '企业代码或准确名称（必填）/ firm key, USCC or exact name (required)', ...common },
    run: beneficialOwners,
  }),
  'controlled-firms': define({
    name: 'controlled-firms',
    scoreIsRatio: true,
    title: { zh: '控制或持股的企业', en: 'Firms a person or firm controls or holds' },
    params: controlledFirmsParams,
    parameters: {
      person: '人员编号或准确姓名 / person key or exact name',
      firm: '或企业代码或准确名称 / or firm key, USCC or exact name',
      ...common,
    },
    run: controlledFirms,
  }),
  'flagged-controllers': define({
    name: 'flagged-controllers',
    title: { zh: '多家涉案企业背后的控制人', en: 'Controllers behind several flagged firms' },
    params: flaggedControllersParams,
    parameters: {
      minFirms: '至少涉及的涉案企业数，默认 3 / fewest flagged firms behind, default 3',
      listTypes: '计入的名单类型（代码、名称或任一写法），逗号分隔；默认：名单类型词表中全部涉案类（非法集资案件、取缔类、整改类、违规交易场所、微盘平台、举报线索）/ list types that count as flags (code, name or any spelling), comma-separated; default: every flagging type of the vocabulary',
      threshold: common.threshold,
      rules: common.rules,
      asOf: common.asOf,
      inJurisdiction: '仅辖区内登记的涉案企业（true/false），默认 false：各地登记的均计入 / only flagged firms registered in the jurisdiction; default false: wherever registered',
      jurisdiction: '辖区行政区划代码，默认为配置的辖区 / jurisdiction (GB/T 2260), default: the configured one',
      maxFirms: '最多筛查的涉案企业数，默认 100000 / most flagged firms screened, default 100000',
      maxDepth: common.maxDepth,
      maxNodes: '向上穿透最多实体数，默认 200000 / most entities in the walk up, default 200000',
      fanOut: common.fanOut,
      timeoutMs: common.timeoutMs,
    },
    run: flaggedControllers,
  }),
  'out-of-province-venues': define({
    name: 'out-of-province-venues',
    title: { zh: '省外注册、省内经营的交易场所及违规场所的本地会员', en: 'Venues registered elsewhere operating here, and local members of venues without standing' },
    params: outOfProvinceVenuesParams,
    parameters: {
      jurisdiction: '辖区行政区划代码，默认为配置的辖区 / jurisdiction (GB/T 2260), default: the configured one',
      venueTerms: '交易场所名称用词，逗号分隔；默认：交易所、交易中心、交易市场、贵金属 / venue words in names, comma-separated',
      bettingTerms: '对赌模式用词，默认：对赌 / words that mean trading against clients, default 对赌',
      asOf: common.asOf,
      fanOut: '每个场所最多会员数与分支机构数，默认 500 / most members and branches per venue, default 500',
    },
    run: outOfProvinceVenues,
  }),
  'keyword-screen': define({
    name: 'keyword-screen',
    title: { zh: '名称与经营范围关键词筛查', en: 'Keyword screen of names and business scopes' },
    params: keywordScreenParams,
    parameters: {
      lists: '关键词清单，逗号分隔，默认当前版本的全部清单（随程序提供：venues, finance, investment-names, investment-scopes, licensed-names, micro-trading）/ keyword lists of the version in use, default all',
      keywords: '另加的关键词，逗号分隔 / extra keywords, comma-separated',
      fields: '另加关键词的筛查字段：name, formerNames, businessScope，默认全部 / fields for the extra keywords, default all',
      inJurisdiction: '仅辖区内登记的企业（true/false），默认 false / only firms registered in the jurisdiction',
      jurisdiction: '辖区行政区划代码，默认为配置的辖区 / jurisdiction (GB/T 2260), default: the configured one',
      withoutApproval: '仅无交易场所批准的企业（true/false），默认 false / only firms without a venue approval',
      limit: '最多结果数，默认 1000 / most findings, default 1000',
      maxHits: '最多读取的索引命中数，默认 20000 / most index hits read, default 20000',
    },
    run: keywordScreen,
  }),
  'unapproved-changes': define({
    name: 'unapproved-changes',
    title: { zh: '交易场所未经批准的变更与分支机构', en: 'Trading venues’ changes and branches without approval' },
    params: unapprovedChangesParams,
    parameters: {
      jurisdiction: '辖区行政区划代码（在此登记的场所），默认为配置的辖区 / venues registered in this division, default: the configured one',
      from: '变更日期起 YYYY-MM-DD / changes on or after',
      to: '变更日期止 YYYY-MM-DD / changes on or before',
      items: '变更类别，逗号分隔：name, capital, address, legalRepresentative, shareholders, merger, split, branch；默认全部 / kinds of change, default all',
    },
    run: unapprovedChanges,
  }),
  'list-xref': define({
    name: 'list-xref',
    title: { zh: '名单比对（数据碰撞）', en: 'Cross-reference a list of names and codes' },
    params: listXrefParams,
    parameters: {
      entries: '名单条目（名称或统一社会信用代码/注册号），逗号分隔（必填）/ list entries, names or codes, comma-separated (required)',
      maxDistance: '查找涉案企业的最多跳数，默认 3 / hops searched for a flagged firm, default 3',
      minScore: '相近名称的最低相似度 0–1，默认 0.7 / least similarity of a close name, default 0.7',
      maxCloseMatches: '每条最多相近名称数，默认 3 / most close names per entry, default 3',
      maxPersons: '每条最多同名人员数，默认 10 / most same-name persons per entry, default 10',
      listTypes: '视为涉案的名单类型（代码、名称或任一写法），逗号分隔；默认：词表中全部涉案类 / list types that count as flagged (code, name or any spelling); default: every flagging type of the vocabulary',
      fanOut: '每个实体最多关系数（超级节点上限），默认 100 / hub cap, default 100',
      maxNodes: '每次查找最多实体数，默认 5000 / most entities per walk, default 5000',
      timeoutMs: '查找时限（毫秒），默认 30000 / time budget in ms, default 30000',
    },
    run: listXref,
  }),
  'shell-clusters': define({
    name: 'shell-clusters',
    title: { zh: '空壳公司集群（同址、同电话、同邮箱、同一批人短期内设立）', en: 'Shell clusters: shared address, phone or email, or the same people within a short window' },
    params: shellClustersParams,
    parameters: {
      kinds: '集群类型，逗号分隔：address, phone, email, people；默认全部 / cluster kinds, default all',
      minFirms: '每个集群最少企业数，默认 5 / fewest firms in a cluster, default 5',
      windowDays: '视为同期设立的天数，默认 92 / days within which firms count as set up together, default 92',
      maxClusterSize: '集群企业数上限（超过则作为枢纽报告，不评分），默认 100 / hub cap: larger clusters are reported as hubs, unscored, default 100',
      investmentKeywords: '投资类企业关键词，逗号分隔，默认：投资管理、投资咨询、资产管理、财富管理、理财、基金等（见 docs/analyses/shell-clusters.md）/ investment-type keywords, default: 投资管理, 资产管理, 财富管理, 理财, 基金 … (docs/analyses/shell-clusters.md)',
      jurisdiction: '辖区行政区划代码，默认为配置的辖区 / jurisdiction (GB/T 2260), default: the configured one',
      maxResults: '最多结果数，默认 500 / most findings, default 500',
    },
    run: shellClusters,
  }),
  'self-financing': define({
    name: 'self-financing',
    title: { zh: 'P2P 平台自融（控制人同时控制借款人）', en: 'P2P self-financing: a platform’s controllers also control its borrowers' },
    params: selfFinancingParams,
    parameters: {
      platform: '平台企业代码或准确名称；默认辖区内全部平台 / one platform (key, USCC or exact name); default: every platform in the jurisdiction',
      borrowerListTypes: '借款人披露的名单类型（代码、名称或任一写法），逗号分隔；默认：词表中的披露类（P2P平台借款人）/ list types disclosing borrowers (code, name or spelling); default: the vocabulary’s disclosure types',
      platformKeywords: '网贷平台关键词（仅作提示），逗号分隔 / lending-platform keywords (shown, not required)',
      jurisdiction: '辖区行政区划代码，默认为配置的辖区 / jurisdiction (GB/T 2260), default: the configured one',
      ...common,
    },
    run: selfFinancing,
  }),
  'bo-mismatch': define({
    name: 'bo-mismatch',
    title: { zh: '受益所有人备案与穿透结果不一致', en: 'Filed beneficial owners that differ from the computed ones' },
    params: boMismatchParams,
    parameters: {
      firm: '企业代码或准确名称；默认辖区内全部有备案的企业 / one firm (key, USCC or exact name); default: every firm with filings in the jurisdiction',
      tolerance: '比例容差（绝对值，小数），默认 0.01 / ratio tolerance (absolute fraction), default 0.01',
      includeMatches: '同时列出一致的（true/false）；默认：指定企业时是 / also list owners that agree; default: yes for one firm',
      jurisdiction: '辖区行政区划代码，默认为配置的辖区 / jurisdiction (GB/T 2260), default: the configured one',
      maxFirms: '最多比对的企业数，默认 2000 / most firms compared, default 2000',
      ...common,
      timeoutMs: '整次运行时限（毫秒），默认 120000；每家企业至多 10000 / budget of the whole run in ms, default 120000; at most 10000 per firm',
    },
    run: boMismatch,
  }),
  'paths': define({
    name: 'paths',
    title: { zh: '查关系：两个主体之间的最短路径及备选路径', en: 'Shortest and alternative paths between two firms or persons' },
    params: pathsParams,
    parameters: {
      from: '起点：企业或人员的代码或准确名称（必填）/ from: firm or person, key or exact name (required)',
      to: '终点：企业或人员的代码或准确名称（必填）/ to: firm or person, key or exact name (required)',
      k: '最短路径之外的备选路径数，默认 3 / alternatives after the shortest path, default 3',
      maxHops: '最多步数，默认 6 / most hops, default 6',
      types: '关系类型，逗号分隔：holdings 持股, roles 任职, control 控制, family 亲属, branches 分支, memberships 会员, addresses 地址, phones 电话, emails 邮箱, websites 网址, lists 名单；默认除 lists 外全部 / relationship types, comma-separated; default: all but lists',
      fanOut: '关系数超过此数的实体（如注册代理地址）不穿过，默认 50 / an entity with more relationships (a registration agent\'s address) is not passed through, default 50',
      maxNodes: '最多实体数，默认 20000 / most entities searched, default 20000',
      timeoutMs: common.timeoutMs,
      asOf: common.asOf,
    },
    run: paths,
  }),
  'neighborhood': define({
    name: 'neighborhood',
    title: { zh: '关系网络：主体周边 k 步内的实体', en: 'The network within k hops of a firm or person' },
    params: neighborhoodAnalysisParams,
    parameters: {
      key: '中心：企业或人员的代码或准确名称（必填）/ centre: firm or person, key or exact name (required)',
      depth: '步数 1–3，默认 2 / hops 1–3, default 2',
      types: '关系类型，逗号分隔：holdings 持股, roles 任职, control 控制, family 亲属, branches 分支, memberships 会员, addresses 地址, phones 电话, emails 邮箱, websites 网址, lists 名单；默认全部 / relationship types, comma-separated; default: all',
      fanOut: '每个实体最多展开的关系数，其余按类型计数，默认 50 / most relationships drawn per entity, the rest counted by type, default 50',
      maxNodes: '最多实体数，默认 500 / most entities, default 500',
      timeoutMs: common.timeoutMs,
      asOf: common.asOf,
    },
    run: neighborhoodAnalysis,
  }),
  'common-controllers': define({
    name: 'common-controllers',
    title: { zh: '多家企业的共同控制人及关联网络', en: 'Common controllers of a set of firms, and the network joining them' },
    params: commonControllersParams,
    parameters: {
      firms: '企业代码或准确名称，逗号分隔，2–50 家（必填）/ firms: keys or exact names, comma-separated, 2–50 (required)',
      minFirms: '候选人至少涉及的企业数，默认 2 / fewest of the firms a candidate must reach, default 2',
      types: '关联网络的关系类型，逗号分隔：holdings 持股, roles 任职, control 控制, family 亲属, branches 分支, memberships 会员, addresses 地址, phones 电话, emails 邮箱, websites 网址, lists 名单；默认除 lists 外全部 / relationship types of the network; default: all but lists',
      maxHops: '网络中两家企业之间最多步数，默认 6 / most hops between two firms in the network, default 6',
      asOf: common.asOf,
      maxDepth: common.maxDepth,
      maxNodes: '最多实体数，默认 20000 / most entities searched, default 20000',
      fanOut: '向上穿透时每家企业最多股东数，网络中的枢纽上限，默认 50 / most holders followed per firm going up; the hub cap of the network, default 50',
      timeoutMs: common.timeoutMs,
    },
    run: commonControllers,
  }),
};

export const analysisNames = Object.keys(analyses);

export function getAnalysis(name: string): AnalysisDefinition {
  const analysis = analyses[name];
  if (!analysis) throw new AnalysisError('UNKNOWN_ANALYSIS', `没有名为“${name}”的分析；可用 / no analysis "${name}"; available: ${analysisNames.join(', ')}`);
  return analysis;
}

/**
 * Validated parameters with defaults applied, the configured jurisdiction included where the
 * analysis takes one; a bad value names the parameter at fault.
 */
export function parseParams(name: string, raw: unknown, settings?: AnalysisSettings): unknown {
  const analysis = getAnalysis(name);
  const given = (raw ?? {}) as Record<string, unknown>;
  const withDefaults =
    settings && 'jurisdiction' in analysis.parameters && typeof given === 'object' && given.jurisdiction === undefined
      ? { ...given, jurisdiction: settings.jurisdiction }
      : given;
  const parsed = analysis.params.safeParse(withDefaults);
  if (!parsed.success) {
    throw new AnalysisError('BAD_PARAMS', parsed.error.issues.map((i) => `${i.path.join('.') || '(params)'}: ${i.message}`).join('; '));
  }
  return parsed.data;
}

/** Parses the parameters, then runs the analysis with all its queries in one read transaction. */
export async function runAnalysis(graph: Graph, name: string, raw: unknown, settings?: AnalysisSettings): Promise<Envelope> {
  const params = parseParams(name, raw, settings);
  return graph.reading((reader) => getAnalysis(name).run(reader, params));
}
