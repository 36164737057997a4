/**
 * The graph model as data: node and relationship types, their keys, properties,
 * Chinese and English captions, and display hints. Importers, Cypher, the server and
 * the web app all read this one definition (FollowTheMoney-style); nothing else
 * names a label or relationship type.
 *
 * Conventions
 * - Every node has a domain key (`key`, see keys.ts; a Region its `code`, an ImportRun
 *   its `id`) and every node and relationship a `provenance: string[]`, one entry per
 *   source record that asserted it ('runId/fileNo:row'; file details live on the ImportRun).
 * - A subtype (`extends`) is the same node with an extra Neo4j label: an Exchange is a
 *   `:Company:Exchange` node keyed like any company. A relationship endpoint naming a
 *   type also accepts its subtypes.
 * - Ratios are fractions of 1; money is in 万 of `currency`; dates are 'YYYY-MM-DD'.
 */

// 'datetime' for instants (run times); 'value' for a PriorValue, which holds whatever type the property had.
export type PropertyType = 'string' | 'number' | 'date' | 'datetime' | 'boolean' | 'string[]' | 'number[]' | 'value';

export interface Caption {
  zh: string;
  en: string;
}

export interface PropertySpec {
  type: PropertyType;
  caption: Caption;
  /** Must be present on every node/relationship of the type. */
  required?: boolean;
  /** Personal information: shown masked unless the user's role may see it. */
  sensitive?: boolean;
}

export type NodeShape = 'round-rectangle' | 'ellipse' | 'diamond' | 'hexagon' | 'tag' | 'rectangle' | 'triangle' | 'barrel' | 'star';

export interface NodeTypeSpec {
  /** The type's own Neo4j label. */
  label: string;
  /** Every Neo4j label a node of this type carries, ancestors first. */
  labels: readonly string[];
  extends?: string;
  caption: Caption;
  /** The property holding the domain key. */
  key: string;
  /** The property shown as the node's name on the canvas and in tables. */
  captionProperty: string;
  properties: Readonly<Record<string, PropertySpec>>;
  style: { color: string; shape: NodeShape; size: number };
}

export interface RelationshipTypeSpec<N extends string = string> {
  type: string;
  caption: Caption;
  from: readonly N[];
  to: readonly N[];
  properties: Readonly<Record<string, PropertySpec>>;
  style: { color: string; line: 'solid' | 'dashed' | 'dotted' };
}

function prop<T extends PropertyType>(
  type: T,
  zh: string,
  en: string,
  flags: { required?: true; sensitive?: true } = {},
): { type: T; caption: Caption; required?: true; sensitive?: true } {
  return { type, caption: { zh, en }, ...flags };
}

const common = {
  key: prop('string', '标识', 'Key', { required: true }),
  provenance: prop('string[]', '来源', 'Provenance', { required: true }),
};

const validity = {
  validFrom: prop('date', '开始日期', 'Valid from'),
  validTo: prop('date', '结束日期', 'Valid to'),
};

const relCommon = {
  ...validity,
  provenance: prop('string[]', '来源', 'Provenance', { required: true }),
};

const companyProperties = {
  ...common,
  name: prop('string', '企业名称', 'Name', { required: true }),
  normalizedName: prop('string', '规范化名称', 'Normalised name'),
  formerNames: prop('string[]', '曾用名', 'Former names'),
  formerNamesText: prop('string', '曾用名(全文)', 'Former names (joined, for full-text search)'),
  uscc: prop('string', '统一社会信用代码', 'Unified social credit code'),
  registrationNumber: prop('string', '注册号', 'Registration number'),
  keyBasis: prop('string', '标识依据', 'Key basis'),
  keyUnverified: prop('boolean', '未核验主体', 'Unverified identity'),
  // A code a row gave for the firm that failed its check: kept as given, the firm keyed by name.
  invalidCode: prop('string', '无效代码(原文)', 'Code as given that failed its check'),
  companyType: prop('string', '企业类型', 'Company type'),
  status: prop('string', '登记状态', 'Registration status'),
  legalRepresentative: prop('string', '法定代表人', 'Legal representative'),
  registeredCapitalWan: prop('number', '注册资本(万)', 'Registered capital (10k)'),
  registeredCapitalCurrency: prop('string', '注册资本币种', 'Capital currency'),
  registeredCapitalText: prop('string', '注册资本(原文)', 'Registered capital (as given)'),
  establishedOn: prop('date', '成立日期', 'Established on'),
  registrationAuthority: prop('string', '登记机关', 'Registration authority'),
  registeredAddress: prop('string', '住所', 'Registered address'),
  operatingAddress: prop('string', '实际经营地址', 'Operating address'),
  industry: prop('string', '所属行业', 'Industry'),
  businessScope: prop('string', '经营范围', 'Business scope'),
  // From the registering authority and address first, the USCC last (a firm keeps its USCC when it moves).
  regionCode: prop('string', '登记地行政区划代码', 'Registration division code'),
  regionName: prop('string', '登记地', 'Registration division'),
  regionVia: prop('string', '登记地判定方式', 'How the division was resolved (exact, history, fallback)'),
  normalizedFormerNames: prop('string[]', '规范化曾用名', 'Normalised former names'),
  // From ownership statements (BODS, GLEIF).
  jurisdiction: prop('string', '注册司法管辖区', 'Jurisdiction of registration'),
  alternateNames: prop('string[]', '其他名称', 'Alternate names'),
  identifiers: prop('string[]', '其他标识', 'Other identifiers (scheme:id)'),
  bodsNameDate: prop('string', 'BODS 名称日期', 'Date of the BODS statement that gave the name'),
  bodsStatementDate: prop('string', 'BODS 声明日期', 'BODS statement date (as published)'),
  bodsRecordIds: prop('string[]', 'BODS 记录标识', 'BODS record ids'),
  bodsStatementIds: prop('string[]', 'BODS 声明标识', 'BODS statement ids'),
};

export const nodeTypes = {
  Company: {
    label: 'Company',
    labels: ['Company'],
    caption: { zh: '企业', en: 'Company' },
    key: 'key',
    captionProperty: 'name',
    properties: companyProperties,
    style: { color: '#1f6fb4', shape: 'round-rectangle', size: 40 },
  },
  Exchange: {
    label: 'Exchange',
    labels: ['Company', 'Exchange'],
    extends: 'Company',
    caption: { zh: '交易场所', en: 'Trading venue' },
    key: 'key',
    captionProperty: 'name',
    properties: {
      ...companyProperties,
      venueCategory: prop('string', '交易场所类别', 'Venue category'),
      tradingModel: prop('string', '交易模式', 'Trading model'),
    },
    style: { color: '#c0392b', shape: 'hexagon', size: 50 },
  },
  Branch: {
    label: 'Branch',
    labels: ['Company', 'Branch'],
    extends: 'Company',
    caption: { zh: '分支机构', en: 'Branch' },
    key: 'key',
    captionProperty: 'name',
    properties: {
      ...companyProperties,
      headOfficeName: prop('string', '隶属企业名称', 'Head office name'),
      personInCharge: prop('string', '负责人', 'Person in charge'),
      premisesAddress: prop('string', '营业场所', 'Business premises'),
    },
    style: { color: '#6baed6', shape: 'round-rectangle', size: 32 },
  },
  Person: {
    label: 'Person',
    labels: ['Person'],
    caption: { zh: '自然人', en: 'Person' },
    key: 'key',
    captionProperty: 'name',
    properties: {
      ...common,
      name: prop('string', '姓名', 'Name', { required: true }),
      normalizedName: prop('string', '规范化姓名', 'Normalised name'),
      keyBasis: prop('string', '标识依据', 'Key basis'),
      idNumber: prop('string', '证件号码', 'ID number', { sensitive: true }),
      idMasked: prop('string', '证件号码(脱敏)', 'ID number (masked)'),
      idKind: prop('string', '证件类型', 'ID document kind'),
      idInvalid: prop('boolean', '证件号码无效', 'ID number unreadable'),
      birthDate: prop('date', '出生日期', 'Birth date', { sensitive: true }),
      sex: prop('string', '性别', 'Sex'),
      householdDivision: prop('string', '户籍地行政区划代码', 'Household registration division', { sensitive: true }),
      nationality: prop('string', '国籍/地区', 'Nationality'),
      birthDateText: prop('string', '出生日期(原文)', 'Birth date as published (may be YYYY-MM)', { sensitive: true }),
      personType: prop('string', '人员类型', 'Person type (BODS: known, anonymous, unknown)'),
      alternateNames: prop('string[]', '其他姓名', 'Alternate names'),
      bodsStatementDate: prop('string', 'BODS 声明日期', 'BODS statement date (as published)'),
      bodsRecordIds: prop('string[]', 'BODS 记录标识', 'BODS record ids'),
      bodsStatementIds: prop('string[]', 'BODS 声明标识', 'BODS statement ids'),
    },
    style: { color: '#e67e22', shape: 'ellipse', size: 36 },
  },
  Address: {
    label: 'Address',
    labels: ['Address'],
    caption: { zh: '地址', en: 'Address' },
    key: 'key',
    captionProperty: 'text',
    properties: {
      ...common,
      // The key is the normalised text, so one address written two ways is one node.
      text: prop('string', '地址', 'Address', { required: true }),
      regionCode: prop('string', '行政区划代码', 'Division code'),
    },
    style: { color: '#8c564b', shape: 'tag', size: 28 },
  },
  Phone: {
    label: 'Phone',
    labels: ['Phone'],
    caption: { zh: '电话', en: 'Phone' },
    key: 'key',
    captionProperty: 'text',
    properties: {
      ...common,
      // The key is the digits alone (model/contacts.ts); text is as first written.
      text: prop('string', '电话号码', 'Number', { required: true }),
    },
    style: { color: '#2ca02c', shape: 'diamond', size: 24 },
  },
  Email: {
    label: 'Email',
    labels: ['Email'],
    caption: { zh: '邮箱', en: 'Email' },
    key: 'key',
    captionProperty: 'text',
    properties: {
      ...common,
      text: prop('string', '邮箱地址', 'Address', { required: true }),
    },
    style: { color: '#17becf', shape: 'diamond', size: 24 },
  },
  Website: {
    label: 'Website',
    labels: ['Website'],
    caption: { zh: '网址', en: 'Website' },
    key: 'key',
    captionProperty: 'text',
    properties: {
      ...common,
      text: prop('string', '网址', 'URL', { required: true }),
    },
    style: { color: '#9467bd', shape: 'diamond', size: 24 },
  },
  Region: {
    label: 'Region',
    labels: ['Region'],
    caption: { zh: '行政区划', en: 'Region' },
    key: 'code',
    captionProperty: 'fullName',
    properties: {
      code: prop('string', '行政区划代码', 'Division code', { required: true }),
      provenance: common.provenance,
      name: prop('string', '名称', 'Name'),
      fullName: prop('string', '全称', 'Full name'),
      level: prop('string', '级别', 'Level'),
      provinceCode: prop('string', '省级代码', 'Province code'),
      cityCode: prop('string', '地级代码', 'City code'),
    },
    style: { color: '#7f7f7f', shape: 'barrel', size: 30 },
  },
  ListEntry: {
    label: 'ListEntry',
    labels: ['ListEntry'],
    caption: { zh: '名单/案件', en: 'List entry / case' },
    key: 'key',
    captionProperty: 'listType',
    properties: {
      ...common,
      name: prop('string', '名称', 'Name'),
      listType: prop('string', '名单类型', 'List type', { required: true }),
      caseNo: prop('string', '案件编号', 'Case number'),
      issuer: prop('string', '发布机关', 'Issued by'),
      source: prop('string', '来源', 'Source'),
      note: prop('string', '备注', 'Note'),
    },
    style: { color: '#e31a1c', shape: 'triangle', size: 30 },
  },
  Approval: {
    label: 'Approval',
    labels: ['Approval'],
    caption: { zh: '批准文件', en: 'Approval' },
    key: 'key',
    captionProperty: 'documentNo',
    properties: {
      ...common,
      approvingAuthority: prop('string', '批准机关', 'Approving authority'),
      documentNo: prop('string', '批准文号', 'Document number'),
      approvedOn: prop('date', '批准日期', 'Approved on'),
      province: prop('string', '所在省份', 'Province'),
      provinceCode: prop('string', '省级行政区划代码', 'Province code'),
      acceptancePassed: prop('boolean', '是否通过部际联席会议验收', 'Passed inter-ministerial acceptance'),
      category: prop('string', '类别', 'Category'),
    },
    style: { color: '#bcbd22', shape: 'rectangle', size: 26 },
  },
  ChangeRecord: {
    label: 'ChangeRecord',
    labels: ['ChangeRecord'],
    caption: { zh: '变更记录', en: 'Change record' },
    key: 'key',
    captionProperty: 'item',
    properties: {
      ...common,
      item: prop('string', '变更事项', 'Item changed', { required: true }),
      before: prop('string', '变更前', 'Before'),
      after: prop('string', '变更后', 'After'),
      changedOn: prop('date', '变更日期', 'Changed on'),
    },
    style: { color: '#a6a6a6', shape: 'rectangle', size: 22 },
  },
  BOFiling: {
    label: 'BOFiling',
    labels: ['BOFiling'],
    caption: { zh: '受益所有人备案', en: 'Beneficial owner filing' },
    key: 'key',
    captionProperty: 'ownerName',
    properties: {
      declaredIndirect: prop('boolean', '申报的间接权益', 'Declared indirect interest (BODS)'),
      statementId: prop('string', 'BODS 声明标识', 'BODS statement id'),
      interestDetails: prop('string', '权益说明', 'Interest details'),
      isComponent: prop('boolean', '组成部分', 'Component statement (BODS 0.3)'),
      ratioText: prop('string', '比例(原文)', 'Ratio as given'),
      ratioMin: prop('number', '比例下限', 'Ratio at least (range)'),
      ratioMinExclusive: prop('boolean', '下限不含', 'Lower bound exclusive'),
      ratioMax: prop('number', '比例上限', 'Ratio at most (range)'),
      ratioMaxExclusive: prop('boolean', '上限不含', 'Upper bound exclusive'),
      declaredBeneficialOwner: prop('boolean', '申报为受益所有人', 'Declared as beneficial ownership or control'),
      bodsRecordId: prop('string', 'BODS 记录标识', 'BODS record id'),
      bodsStatementDate: prop('string', 'BODS 声明日期', 'BODS statement date (as published)'),
      bodsStatementIds: prop('string[]', 'BODS 历次声明', 'BODS statement ids'),
      bodsReplacedBy: prop('string', 'BODS 替代声明', 'BODS statement that replaced it'),
      ...common,
      ownerName: prop('string', '受益所有人姓名', 'Owner name', { required: true }),
      ownerIdMasked: prop('string', '证件号码(脱敏)', 'Owner ID (masked)'),
      ownerKey: prop('string', '受益所有人标识', 'Owner key (person or firm)'),
      interestType: prop('string', '受益所有权类型', 'Kind of beneficial ownership'),
      ratio: prop('number', '持股/表决权比例', 'Share or voting ratio'),
      source: prop('string', '来源类型', 'Source (filing, bods)'),
      ...validity,
    },
    style: { color: '#e377c2', shape: 'rectangle', size: 26 },
  },
  PriorValue: {
    label: 'PriorValue',
    labels: ['PriorValue'],
    caption: { zh: '历史值', en: 'Prior value' },
    // History, not an entity: nothing else refers to it, so its identity is its firm and position.
    key: 'replacedBy',
    captionProperty: 'property',
    properties: {
      provenance: prop('string[]', '来源', 'Provenance'),
      property: prop('string', '属性', 'Property', { required: true }),
      value: prop('value', '原值', 'Value before', { required: true }),
      assertedBy: prop('string[]', '原值来源', 'Provenance of the earlier value', { required: true }),
      replacedBy: prop('string', '替换来源', 'Provenance entry that replaced it', { required: true }),
      replacedAt: prop('datetime', '替换时间', 'Replaced at', { required: true }),
    },
    style: { color: '#bdbdbd', shape: 'rectangle', size: 16 },
  },
  ImportRun: {
    label: 'ImportRun',
    labels: ['ImportRun'],
    caption: { zh: '导入批次', en: 'Import run' },
    // Provenance entries name the run by id ('runId/fileNo:row'); the run is the provenance.
    key: 'id',
    captionProperty: 'id',
    properties: {
      id: prop('string', '批次编号', 'Run id', { required: true }),
      provenance: prop('string[]', '来源', 'Provenance'),
      status: prop('string', '状态', 'Status (running, completed, failed, retracted)', { required: true }),
      startedAt: prop('datetime', '开始时间', 'Started at', { required: true }),
      finishedAt: prop('datetime', '结束时间', 'Finished at'),
      heartbeatAt: prop('datetime', '最近写入时间', 'Last batch written at'),
      resumedAt: prop('string[]', '续导时间', 'Resumed at'),
      retractedAt: prop('datetime', '撤销时间', 'Retracted at'),
      retractedBy: prop('string', '撤销人', 'Retracted by'),
      user: prop('string', '操作人', 'Run by'),
      options: prop('string', '导入选项', 'Import options (JSON)'),
      files: prop('string[]', '源文件', 'Source files'),
      fileNames: prop('string[]', '文件名', 'File names'),
      fileHashes: prop('string[]', '文件哈希', 'File hashes (SHA-256)'),
      fileBytes: prop('number[]', '文件大小', 'File sizes (bytes)'),
      fileFormats: prop('string[]', '文件格式', 'File formats'),
      fileEncodings: prop('string[]', '文件编码', 'File encodings'),
      // One entry per imported table (a file, or an XLSX sheet), in import order.
      partFiles: prop('number[]', '表所属文件', 'Part: file number'),
      partSheets: prop('string[]', '工作表', 'Part: sheet'),
      partKinds: prop('string[]', '数据类型', 'Part: record kind'),
      checkpoints: prop('number[]', '已写入至行', 'Part: last row written'),
      partRead: prop('number[]', '读取行数', 'Part: rows read'),
      partWritten: prop('number[]', '写入行数', 'Part: rows written'),
      partRejected: prop('number[]', '拒绝行数', 'Part: rows rejected'),
      partFlagged: prop('number[]', '标记行数', 'Part: rows flagged'),
      rowsRead: prop('number', '读取行数', 'Rows read'),
      rowsWritten: prop('number', '写入行数', 'Rows written'),
      rowsRejected: prop('number', '拒绝行数', 'Rows rejected'),
      rowsFlagged: prop('number', '标记行数', 'Rows flagged'),
      rejectsFile: prop('string', '问题行文件', 'Rejected and flagged rows file'),
      error: prop('string', '错误', 'Error'),
    },
    style: { color: '#525252', shape: 'star', size: 22 },
  },
} as const satisfies Record<string, NodeTypeSpec>;

export type NodeTypeName = keyof typeof nodeTypes;

/** What an ownership statement (BODS, GLEIF) says of a holding or a control beside its ratio: a range, and the statement behind it. */
const statedInterest = {
  ratioMin: prop('number', '比例下限', 'Ratio at least (range)'),
  ratioMinExclusive: prop('boolean', '下限不含', 'Lower bound exclusive'),
  ratioMax: prop('number', '比例上限', 'Ratio at most (range)'),
  ratioMaxExclusive: prop('boolean', '上限不含', 'Upper bound exclusive'),
  declaredBeneficialOwner: prop('boolean', '申报为受益所有人', 'Declared as beneficial ownership or control'),
  bodsStatementId: prop('string', 'BODS 声明标识', 'BODS statement id'),
  bodsRecordId: prop('string', 'BODS 记录标识', 'BODS record id'),
  bodsStatementDate: prop('string', 'BODS 声明日期', 'BODS statement date (as published)'),
  bodsStatementIds: prop('string[]', 'BODS 历次声明', 'BODS statement ids'),
  bodsReplacedBy: prop('string', 'BODS 替代声明', 'BODS statement that replaced it'),
};

export const relationshipTypes = {
  HOLDS_SHARES: {
    type: 'HOLDS_SHARES',
    caption: { zh: '持股', en: 'Holds shares in' },
    from: ['Person', 'Company'],
    to: ['Company'],
    properties: {
      source: prop('string', '来源类型', 'Source kind (bods, gleif)'),
      ...statedInterest,
      ratio: prop('number', '持股比例', 'Share ratio (0–1)'),
      ratioText: prop('string', '持股比例(原文)', 'Share ratio (as given)'),
      subscribedAmountWan: prop('number', '认缴出资额(万)', 'Subscribed capital (10k)'),
      subscribedCurrency: prop('string', '认缴币种', 'Subscribed capital currency'),
      subscribedText: prop('string', '认缴出资额(原文)', 'Subscribed capital (as given)'),
      paidAmountWan: prop('number', '实缴出资额(万)', 'Paid-in capital (10k)'),
      paidCurrency: prop('string', '实缴币种', 'Paid-in capital currency'),
      subscribedOn: prop('date', '认缴出资日期', 'Subscription due date'),
      holderType: prop('string', '股东类型', 'Holder type (as given)'),
      ...relCommon,
    },
    style: { color: '#1f6fb4', line: 'solid' },
  },
  LEGAL_REPRESENTATIVE_OF: {
    type: 'LEGAL_REPRESENTATIVE_OF',
    caption: { zh: '法定代表人', en: 'Legal representative of' },
    from: ['Person'],
    to: ['Company'],
    properties: { ...relCommon },
    style: { color: '#d62728', line: 'solid' },
  },
  OFFICER_OF: {
    type: 'OFFICER_OF',
    caption: { zh: '任职', en: 'Officer of' },
    from: ['Person'],
    to: ['Company'],
    properties: {
      role: prop('string', '职务', 'Role', { required: true }),
      ...relCommon,
    },
    style: { color: '#ff7f0e', line: 'solid' },
  },
  CONTROLS: {
    type: 'CONTROLS',
    caption: { zh: '控制', en: 'Controls' },
    from: ['Person', 'Company'],
    to: ['Company'],
    properties: {
      ratio: prop('number', '比例', 'Ratio (voting rights …)'),
      ratioText: prop('string', '比例(原文)', 'Ratio as given'),
      ...statedInterest,
      basis: prop('string', '控制方式', 'Basis (agreement, nominee, voting-entrustment, acting-in-concert, control)', { required: true }),
      basisText: prop('string', '关系类型(原文)', 'Relation as written'),
      evidence: prop('string', '依据', 'Evidence'),
      source: prop('string', '依据来源', 'Source'),
      ...relCommon,
    },
    style: { color: '#8e44ad', line: 'dashed' },
  },
  RELATED_TO: {
    type: 'RELATED_TO',
    caption: { zh: '关联关系', en: 'Related to' },
    from: ['Person'],
    to: ['Person'],
    properties: {
      basis: prop('string', '关系类型', 'Basis (family)', { required: true }),
      basisText: prop('string', '关系类型(原文)', 'Relation as written'),
      evidence: prop('string', '依据', 'Evidence'),
      source: prop('string', '依据来源', 'Source'),
      ...relCommon,
    },
    style: { color: '#8e44ad', line: 'dotted' },
  },
  BRANCH_OF: {
    type: 'BRANCH_OF',
    caption: { zh: '分支机构', en: 'Branch of' },
    from: ['Branch'],
    to: ['Company'],
    properties: { ...relCommon },
    style: { color: '#6baed6', line: 'solid' },
  },
  MEMBER_OF: {
    type: 'MEMBER_OF',
    caption: { zh: '会员/代理', en: 'Member of' },
    from: ['Company'],
    to: ['Exchange'],
    properties: {
      memberType: prop('string', '会员类型', 'Member type (会员, 代理商, 居间商, 授权服务机构)', { required: true }),
      memberTypeText: prop('string', '会员类型(原文)', 'Member type as written'),
      memberNo: prop('string', '会员编号', 'Member number'),
      status: prop('string', '状态', 'Status'),
      ...relCommon,
    },
    style: { color: '#c0392b', line: 'dashed' },
  },
  REGISTERED_AT: {
    type: 'REGISTERED_AT',
    caption: { zh: '住所', en: 'Registered at' },
    from: ['Company'],
    to: ['Address'],
    properties: { ...relCommon },
    style: { color: '#8c564b', line: 'solid' },
  },
  OPERATES_AT: {
    type: 'OPERATES_AT',
    caption: { zh: '经营地址', en: 'Operates at' },
    from: ['Company'],
    to: ['Address'],
    properties: { ...relCommon },
    style: { color: '#8c564b', line: 'dashed' },
  },
  IN_REGION: {
    type: 'IN_REGION',
    caption: { zh: '所在区划', en: 'In region' },
    from: ['Address'],
    to: ['Region'],
    properties: { ...relCommon },
    style: { color: '#7f7f7f', line: 'dotted' },
  },
  HAS_PHONE: {
    type: 'HAS_PHONE',
    caption: { zh: '联系电话', en: 'Has phone' },
    from: ['Company', 'Person'],
    to: ['Phone'],
    properties: { ...relCommon },
    style: { color: '#2ca02c', line: 'dotted' },
  },
  HAS_EMAIL: {
    type: 'HAS_EMAIL',
    caption: { zh: '邮箱', en: 'Has email' },
    from: ['Company', 'Person'],
    to: ['Email'],
    properties: { ...relCommon },
    style: { color: '#17becf', line: 'dotted' },
  },
  HAS_WEBSITE: {
    type: 'HAS_WEBSITE',
    caption: { zh: '网址', en: 'Has website' },
    from: ['Company'],
    to: ['Website'],
    properties: { ...relCommon },
    style: { color: '#9467bd', line: 'dotted' },
  },
  FLAGGED: {
    type: 'FLAGGED',
    caption: { zh: '列入名单/涉案', en: 'Flagged' },
    from: ['Company', 'Person'],
    to: ['ListEntry'],
    properties: {
      caseNo: prop('string', '案件编号', 'Case number'),
      filedOn: prop('date', '立案日期', 'Filed on'),
      amountWan: prop('number', '涉案金额(万)', 'Amount involved (10k)'),
      amountCurrency: prop('string', '币种', 'Currency'),
      amountText: prop('string', '涉案金额(原文)', 'Amount as written'),
      victims: prop('number', '受害人数', 'Victims'),
      source: prop('string', '来源', 'Source'),
      note: prop('string', '备注', 'Note'),
      ...relCommon,
    },
    style: { color: '#e31a1c', line: 'solid' },
  },
  APPROVED_BY: {
    type: 'APPROVED_BY',
    caption: { zh: '批准', en: 'Approved by' },
    from: ['Exchange'],
    to: ['Approval'],
    properties: { ...relCommon },
    style: { color: '#bcbd22', line: 'solid' },
  },
  HAS_CHANGE: {
    type: 'HAS_CHANGE',
    caption: { zh: '变更记录', en: 'Has change' },
    from: ['Company'],
    to: ['ChangeRecord'],
    properties: { ...relCommon },
    style: { color: '#a6a6a6', line: 'dotted' },
  },
  FILED_BO: {
    type: 'FILED_BO',
    caption: { zh: '备案受益所有人', en: 'Filed beneficial owner' },
    from: ['Company'],
    to: ['BOFiling'],
    properties: { ...relCommon },
    style: { color: '#e377c2', line: 'solid' },
  },
  HAD_VALUE: {
    type: 'HAD_VALUE',
    caption: { zh: '历史值', en: 'Had value' },
    from: ['Company', 'Person'],
    to: ['PriorValue'],
    properties: { provenance: prop('string[]', '来源', 'Provenance') },
    style: { color: '#bdbdbd', line: 'dotted' },
  },
  POSSIBLY_SAME_AS: {
    type: 'POSSIBLY_SAME_AS',
    caption: { zh: '疑似同一人', en: 'Possibly same as' },
    from: ['Person'],
    to: ['Person'],
    properties: {
      // Proposed by an import run, decided by a person: no source row asserts it.
      reasons: prop('string[]', '依据', 'Reasons (compatible-id, shared-firm, shared-address-or-phone)', { required: true }),
      status: prop('string', '状态', 'Status (proposed, confirmed, rejected)', { required: true }),
      proposedBy: prop('string', '提出批次', 'Proposed by run'),
      proposedAt: prop('datetime', '提出时间', 'Proposed at'),
      decidedBy: prop('string', '确认人', 'Decided by'),
      decidedOn: prop('date', '确认日期', 'Decided on'),
      provenance: prop('string[]', '来源', 'Provenance'),
    },
    style: { color: '#f39c12', line: 'dashed' },
  },
} as const satisfies Record<string, RelationshipTypeSpec<NodeTypeName>>;

export type RelationshipTypeName = keyof typeof relationshipTypes;

export const nodeTypeNames = Object.keys(nodeTypes) as NodeTypeName[];
export const relationshipTypeNames = Object.keys(relationshipTypes) as RelationshipTypeName[];

type TsType<T extends PropertyType> = T extends 'number'
  ? number
  : T extends 'boolean'
    ? boolean
    : T extends 'string[]'
      ? string[]
      : T extends 'number[]'
        ? number[]
        : T extends 'value'
          ? unknown
          : string;

type PropsOf<P extends Readonly<Record<string, PropertySpec>>> = {
  [K in keyof P as P[K] extends { required: true } ? K : never]: TsType<P[K]['type']>;
} & {
  [K in keyof P as P[K] extends { required: true } ? never : K]?: TsType<P[K]['type']> | null;
};

/** The property record of a node of the given type, as stored. */
export type NodeProperties<N extends NodeTypeName> = PropsOf<(typeof nodeTypes)[N]['properties']>;
/** The property record of a relationship of the given type, as stored. */
export type RelationshipProperties<R extends RelationshipTypeName> = PropsOf<(typeof relationshipTypes)[R]['properties']>;

/** The node type and every type that extends it (a `Company` endpoint accepts an `Exchange`). */
export function withSubtypes(name: NodeTypeName): NodeTypeName[] {
  const specs: Readonly<Record<string, NodeTypeSpec>> = nodeTypes;
  return nodeTypeNames.filter((n) => n === name || specs[n]!.extends === name);
}

export interface GraphModel {
  nodeTypes: Readonly<Record<string, NodeTypeSpec>>;
  relationshipTypes: Readonly<Record<string, RelationshipTypeSpec>>;
}

const PROPERTY_TYPES: readonly PropertyType[] = ['string', 'number', 'date', 'datetime', 'boolean', 'string[]', 'number[]', 'value'];
// Labels and types are spliced into Cypher text, so they must be plain identifiers.
const LABEL = /^[A-Z][A-Za-z0-9]*$/;
const REL_TYPE = /^[A-Z][A-Z0-9_]*$/;
const PROPERTY_NAME = /^[a-z][A-Za-z0-9]*$/;

class ModelError extends Error {
  constructor(where: string, problem: string) {
    super(`graph model: ${where}: ${problem}`);
    this.name = 'ModelError';
  }
}

function checkCaption(where: string, caption: Caption | undefined): void {
  if (!caption || typeof caption.zh !== 'string' || caption.zh.trim() === '') {
    throw new ModelError(where, 'caption.zh is missing');
  }
  if (typeof caption.en !== 'string' || caption.en.trim() === '') throw new ModelError(where, 'caption.en is missing');
}

function checkProperties(where: string, properties: Readonly<Record<string, PropertySpec>> | undefined): void {
  if (!properties) throw new ModelError(where, 'properties are missing');
  for (const [name, spec] of Object.entries(properties)) {
    const at = `${where} property "${name}"`;
    if (!PROPERTY_NAME.test(name)) throw new ModelError(at, 'name must be lowerCamelCase letters and digits');
    if (!PROPERTY_TYPES.includes(spec.type)) throw new ModelError(at, `type "${String(spec.type)}" is not one of ${PROPERTY_TYPES.join(', ')}`);
    checkCaption(at, spec.caption);
  }
  const provenance = properties['provenance'];
  if (!provenance || provenance.type !== 'string[]') {
    throw new ModelError(where, 'property "provenance" (string[]) is not declared');
  }
}

/**
 * Checks the model's invariants and throws naming the type and field at fault.
 * Run on the shipped model when this module loads; pass a model to check a copy.
 */
export function validateModel(model: GraphModel = { nodeTypes, relationshipTypes }): void {
  const nodeNames = new Set(Object.keys(model.nodeTypes));
  for (const [name, spec] of Object.entries(model.nodeTypes)) {
    const where = `node type ${name}`;
    if (spec.label !== name) throw new ModelError(where, `label "${spec.label}" differs from the type name`);
    if (!LABEL.test(name)) throw new ModelError(where, 'label must be a plain identifier');
    checkCaption(where, spec.caption);
    checkProperties(where, spec.properties);
    const keySpec = spec.properties[spec.key];
    if (!keySpec) throw new ModelError(where, `key property "${spec.key}" is not declared`);
    if (!keySpec.required) throw new ModelError(where, `key property "${spec.key}" is not required`);
    if (!spec.properties[spec.captionProperty]) {
      throw new ModelError(where, `caption property "${spec.captionProperty}" is not declared`);
    }
    if (!spec.labels.includes(name)) throw new ModelError(where, 'labels do not include its own label');
    for (const l of spec.labels) if (!LABEL.test(l)) throw new ModelError(where, `label "${l}" is not a plain identifier`);
    if (!/^#[0-9a-f]{6}$/i.test(spec.style?.color ?? '')) throw new ModelError(where, 'style.color must be #rrggbb');
    if (spec.extends !== undefined) {
      const parent = model.nodeTypes[spec.extends];
      if (!parent) throw new ModelError(where, `extends unknown node type "${spec.extends}"`);
      for (const l of parent.labels) if (!spec.labels.includes(l)) throw new ModelError(where, `labels lack parent label "${l}"`);
      for (const p of Object.keys(parent.properties)) {
        if (!spec.properties[p]) throw new ModelError(where, `lacks property "${p}" of parent ${spec.extends}`);
      }
      if (spec.key !== parent.key) throw new ModelError(where, `key "${spec.key}" differs from parent's "${parent.key}"`);
    }
  }
  for (const [name, spec] of Object.entries(model.relationshipTypes)) {
    const where = `relationship type ${name}`;
    if (spec.type !== name) throw new ModelError(where, `type "${spec.type}" differs from the type name`);
    if (!REL_TYPE.test(name)) throw new ModelError(where, 'type must be UPPER_SNAKE_CASE');
    checkCaption(where, spec.caption);
    checkProperties(where, spec.properties);
    for (const end of ['from', 'to'] as const) {
      if (!spec[end] || spec[end].length === 0) throw new ModelError(where, `${end} names no node type`);
      for (const n of spec[end]) {
        if (!nodeNames.has(n)) throw new ModelError(where, `${end} names unknown node type "${n}"`);
      }
    }
    if (!/^#[0-9a-f]{6}$/i.test(spec.style?.color ?? '')) throw new ModelError(where, 'style.color must be #rrggbb');
  }
}

validateModel();
