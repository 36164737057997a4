/** Words the generator builds names, scopes and addresses from. Everything is invented. */

export interface Industry {
  /** The industry part of a firm name: 南京 + 恒德 + 投资管理 + 有限公司. */
  name: string;
  /** 所属行业 (GB/T 4754 section). */
  section: string;
  scope: string;
  weight: number;
}

const APPROVAL_NOTE = '（依法须经批准的项目，经相关部门批准后方可开展经营活动）';

/**
 * Industries of ordinary firms. No industry name is a suffix of another, so place + trade +
 * industry + form never spells one name two ways. Venue-like names (交易所, 交易中心, 交易市场) are
 * left to the planted venues, so every venue in a province is one the truth file knows about.
 */
export const INDUSTRIES: readonly Industry[] = [
  { name: '投资管理', section: '租赁和商务服务业', weight: 7, scope: `投资管理；投资咨询；资产管理（不得以公开方式募集资金，不得公开交易证券类产品和金融衍生品）。${APPROVAL_NOTE}` },
  { name: '财富管理', section: '租赁和商务服务业', weight: 3, scope: `财富管理咨询；企业管理咨询；经济信息咨询（不含投资类金融信息咨询）。${APPROVAL_NOTE}` },
  { name: '资产管理', section: '租赁和商务服务业', weight: 3, scope: `资产管理；股权投资；项目投资；投资咨询。${APPROVAL_NOTE}` },
  { name: '投资咨询', section: '租赁和商务服务业', weight: 3, scope: `投资咨询；商务信息咨询；企业营销策划。${APPROVAL_NOTE}` },
  { name: '商务咨询', section: '租赁和商务服务业', weight: 5, scope: '商务信息咨询；企业管理咨询；会务服务；展览展示服务。' },
  { name: '信息科技', section: '信息传输、软件和信息技术服务业', weight: 6, scope: '信息技术开发、技术咨询、技术服务；计算机软硬件销售；网络工程。' },
  { name: '网络科技', section: '信息传输、软件和信息技术服务业', weight: 4, scope: '网络技术开发；互联网信息服务；电子产品销售；广告设计、制作。' },
  { name: '贸易', section: '批发和零售业', weight: 7, scope: '金属材料、建筑材料、日用百货、五金交电销售；自营和代理各类商品及技术的进出口业务。' },
  { name: '供应链管理', section: '交通运输、仓储和邮政业', weight: 3, scope: '供应链管理服务；国内货物运输代理；仓储服务（不含危险品）；农副产品销售。' },
  { name: '建筑工程', section: '建筑业', weight: 5, scope: '房屋建筑工程、市政工程、装饰装修工程施工；建筑材料销售。' },
  { name: '电子商务', section: '批发和零售业', weight: 3, scope: '电子商务平台运营；日用品、服装、食品销售；物流信息咨询。' },
  { name: '融资租赁', section: '租赁和商务服务业', weight: 1, scope: '融资租赁业务；租赁业务；向国内外购买租赁财产；租赁财产的残值处理及维修。' },
  { name: '文化传媒', section: '文化、体育和娱乐业', weight: 3, scope: '文化艺术交流活动策划；影视策划；广告设计、制作、代理、发布。' },
  { name: '餐饮管理', section: '住宿和餐饮业', weight: 2, scope: '餐饮管理；餐饮服务；食品销售。' },
  { name: '物业管理', section: '房地产业', weight: 2, scope: '物业管理；房屋租赁；停车场服务；保洁服务。' },
  { name: '新材料科技', section: '科学研究和技术服务业', weight: 2, scope: '新材料技术研发；化工产品（不含危险化学品）销售；技术进出口。' },
  { name: '机械制造', section: '制造业', weight: 3, scope: '通用机械设备制造、加工、销售；机电设备安装。' },
  { name: '贵金属经营', section: '批发和零售业', weight: 1, scope: `黄金、白银饰品及贵金属制品销售；贵金属投资咨询。${APPROVAL_NOTE}` },
  { name: '农业发展', section: '农、林、牧、渔业', weight: 2, scope: '农作物种植；农副产品销售；农业技术推广服务。' },
  { name: '医疗器械', section: '批发和零售业', weight: 2, scope: '第一类、第二类医疗器械销售；消毒用品销售。' },
  { name: '汽车销售服务', section: '批发和零售业', weight: 1, scope: '汽车销售；汽车零配件销售；二手车经纪。' },
  { name: '教育咨询', section: '教育', weight: 1, scope: '教育信息咨询；文化艺术培训（不含学历教育及职业技能培训）。' },
];

/** Industries used only by planted structures (holding companies, platforms, state groups). */
export const SPECIAL_INDUSTRIES: Record<string, Industry> = {
  控股: { name: '控股', section: '租赁和商务服务业', weight: 0, scope: `实业投资；股权投资；投资管理；企业管理咨询。${APPROVAL_NOTE}` },
  实业投资: { name: '实业投资', section: '租赁和商务服务业', weight: 0, scope: `实业投资；项目投资；投资管理。${APPROVAL_NOTE}` },
  国有资产投资经营: { name: '国有资产投资经营', section: '租赁和商务服务业', weight: 0, scope: '国有资产投资、经营和管理；产业投资；资产重组。' },
  金融信息服务: { name: '金融信息服务', section: '金融业', weight: 0, scope: `金融信息服务；网络借贷信息中介服务；接受金融机构委托从事金融信息技术外包。${APPROVAL_NOTE}` },
  实业: { name: '实业', section: '制造业', weight: 0, scope: '日用百货、建筑材料销售；企业管理咨询；货物进出口。' },
};

export function industryByName(name: string): Industry {
  const found = INDUSTRIES.find((i) => i.name === name) ?? SPECIAL_INDUSTRIES[name];
  if (!found) throw new Error(`generator: unknown industry ${name}`);
  return found;
}

/** Investment-type industries, for shell clusters and platform borrowers. */
export const INVESTMENT_INDUSTRIES = ['投资管理', '财富管理', '资产管理', '投资咨询'] as const;

/** Industries a firm may have been registered under before a name change, by current industry. */
export const FORMER_INDUSTRY: Record<string, string> = {
  投资管理: '投资咨询',
  财富管理: '投资咨询',
  资产管理: '投资管理',
  投资咨询: '商务咨询',
  商务咨询: '贸易',
  信息科技: '网络科技',
  网络科技: '信息科技',
  贸易: '商务咨询',
  供应链管理: '贸易',
  电子商务: '网络科技',
};

// Trade names (字号): two or three characters from these, never repeating a character.
export const TRADE_CHARS = '鑫恒德华金瑞宏博中嘉盛聚富万永同景润安乾泓裕致鼎融启信丰源卓悦亿诚益锦弘泰宸隆达远禾世通邦创程和元航昌利祥辉晟澜沣翔汇沃铭骏腾凯旭昊睿';
/** A search for 鑫融 must find only the demo's two firms. */
export const FORBIDDEN_IN_NAMES = ['鑫融'];

export const SURNAMES: ReadonlyArray<readonly [string, number]> = [
  ['王', 10], ['李', 10], ['张', 9], ['刘', 8], ['陈', 8], ['杨', 5], ['赵', 4], ['黄', 4], ['周', 4],
  ['吴', 4], ['徐', 4], ['孙', 3], ['胡', 3], ['朱', 3], ['高', 3], ['林', 2], ['何', 2], ['郭', 2],
  ['马', 2], ['罗', 2], ['沈', 2], ['顾', 2], ['钱', 1], ['陆', 1], ['蒋', 1], ['范', 1], ['葛', 1],
  ['曹', 1], ['彭', 1], ['许', 1], ['丁', 1], ['汪', 1], ['戴', 1], ['宋', 1], ['唐', 1], ['韩', 1],
];
export const GIVEN_MALE = '伟强军磊洋勇杰涛斌超明刚平辉鹏华飞建国海峰志宏文波亮俊晨浩宇坤林东兵振彬瑞晓锋凯春永德福荣';
export const GIVEN_FEMALE = '芳娜敏静丽艳娟霞秀英玲燕红梅琳萍婷雪慧颖洁琴云兰倩佳欣月凤莉晶璐蓉薇琪雯蕾妍莹桂';

export const ROADS = [
  '中山路', '中山北路', '北京东路', '汉中路', '江东中路', '龙蟠路', '长江路', '珠江路', '人民路', '解放路',
  '建设路', '新华路', '和平路', '胜利路', '友谊路', '创业路', '科技路', '金融街', '滨江大道', '太湖大道',
  '工业园路', '学府路', '迎宾大道', '文化路', '青年路', '光明路', '黄河路', '淮海路', '振兴路', '开发大道',
];
export const BUILDINGS = ['大厦', '广场', '中心', '科技园', '商务楼', '写字楼'];

export const OFFICER_ROLES_SMALL = ['执行董事兼总经理', '执行董事', '监事'] as const;
export const OFFICER_ROLES_BOARD = ['董事长', '董事', '总经理', '财务负责人', '监事'] as const;

/** Registration statuses as national exports print them, with the weights of an ageing register. */
export const STATUS_YOUNG: ReadonlyArray<readonly [string, number]> = [
  ['存续', 60], ['存续（在营、开业、在册）', 15], ['在业', 10], ['开业', 3], ['注销', 6], ['吊销', 3], ['迁出', 1], ['停业', 1],
];
export const STATUS_OLD: ReadonlyArray<readonly [string, number]> = [
  ['存续', 40], ['存续（在营、开业、在册）', 10], ['在业', 8], ['注销', 20], ['吊销', 8], ['吊销，未注销', 8], ['迁出', 3], ['停业', 3],
];

export const FLAG_TYPES: ReadonlyArray<readonly [string, number]> = [
  ['非法集资案件', 4], ['整改类', 2], ['取缔类', 1], ['举报线索', 2], ['微盘平台', 1],
];

/**
 * How offices write each canonical list type (名单类型) in their files, with weights: the
 * canonical name itself and the spellings of the shipped vocabulary (model/data/listTypes.json).
 * Spelled out here rather than read from that file, so editing the vocabulary does not change
 * what a seed writes; tests/generator checks every spelling maps to its type there.
 */
export const LIST_TYPE_SPELLINGS: Record<string, ReadonlyArray<readonly [string, number]>> = {
  非法集资案件: [['非法集资案件', 4], ['非法集资立案', 2], ['涉嫌非法集资', 2], ['立案', 1], ['非法吸收公众存款', 1], ['集资诈骗案', 1], ['涉嫌非法集资案件', 1], ['经侦立案', 1]],
  整改类: [['整改类', 3], ['整改', 1], ['清理整顿', 2], ['限期整改', 1], ['责令整改', 1]],
  取缔类: [['取缔类', 3], ['取缔', 2], ['予以取缔', 1], ['取缔类机构', 1]],
  举报线索: [['举报线索', 3], ['线索', 1], ['群众举报', 1], ['非法集资线索', 1]],
  微盘平台: [['微盘平台', 3], ['微盘', 1], ['微盘交易平台', 1], ['微交易平台', 1]],
  P2P平台借款人: [['P2P平台借款人', 3], ['P2P借款人', 1], ['网贷平台借款人', 1], ['借款人披露', 1]],
};

/** List types no vocabulary knows, as a clerk types them: imported, and reported as unknown. */
export const UNKNOWN_LIST_TYPES = ['其他关注名单', '风险提示名单'] as const;

/** Other provinces venues and out-of-province firms come from, most first. */
export const OTHER_PROVINCES: ReadonlyArray<readonly [string, number]> = [
  ['310000', 8], ['330000', 6], ['110000', 5], ['440000', 5], ['340000', 4], ['370000', 3], ['120000', 2],
  ['460000', 1], ['510000', 2], ['420000', 2], ['350000', 2], ['320000', 4],
];

export const VENUE_KINDS = [
  { form: '商品交易中心有限公司', category: '商品类' },
  { form: '贵金属交易中心有限公司', category: '贵金属' },
  { form: '文化产权交易所有限公司', category: '文化产权' },
  { form: '农产品现货交易市场有限公司', category: '农产品' },
  { form: '金融资产交易中心有限公司', category: '金融资产' },
] as const;

export const MEMBER_TYPES = ['综合类会员', '会员', '代理商', '居间商', '经纪会员', '授权服务机构'] as const;
