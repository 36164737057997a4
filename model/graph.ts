/**
 * The graph model as data: node and relationship types, their keys, properties, and
 * Chinese and English captions. Importers, Cypher and the server read this one definition
 * (FollowTheMoney-style); nothing else names a label or relationship type. How the network
 * looks is the web app's own (web/src/graph/style.ts), which imports nothing from model/.
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
  /**
   * Personal information: never leaves the database through the API or an analysis, which read
   * the masked form (tests/architecture/sensitiveProperties.test.ts holds every query to it).
   */
  sensitive?: boolean;
}

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
}

export interface RelationshipTypeSpec<N extends string = string> {
  type: string;
  caption: Caption;
  from: readonly N[];
  to: readonly N[];
  properties: Readonly<Record<string, PropertySpec>>;
  /**
   * Properties that tell two relationships of this type between the same two nodes apart (the
   * import's MERGE key): one person is both 执行董事 and 总经理 of a firm. Without them, two such
   * relationships are the same fact.
   */
  distinguishedBy?: readonly string[];
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

/** A holding or office a snapshot did not repeat, ended at its date (importers/passes/snapshots.ts). */
const snapshotClosure = {
  closedBy: prop('string', '结束批次', 'Ended by the snapshot of run'),
  closedAt: prop('datetime', '结束时间', 'Ended at'),
  // The end date the closure replaced, restored when the run is retracted.
  validToBefore: prop('date', '原结束日期', 'Valid to before the snapshot'),
};

const companyProperties = {
  ...common,
  name: prop('string', '企业名称', 'Name', { required: true }),
  normalizedName: prop('string', '规范化名称', 'Normalised name'),
  formerNames: prop('string[]', '曾用名', 'Former names'),
  formerNamesText: prop('string', '曾用名(全文)', 'Former names (joined, for full-text search)'),
  // Pinyin search (model/names.ts pinyinForms): full pinyin and initials, space-separated.
  namePinyin: prop('string', '名称拼音', 'Name in pinyin (full and initials)'),
  formerNamesPinyin: prop('string', '曾用名拼音', 'Former names in pinyin (full and initials)'),
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
      namePinyin: prop('string', '姓名拼音', 'Name in pinyin (full and initials)'),
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
      // The canonical type of the vocabulary (model/listTypes.ts), or the spelling as written when
      // the import's vocabulary did not know it (then no listTypeCode).
      listType: prop('string', '名单类型', 'List type', { required: true }),
      listTypeCode: prop('string', '名单类型代码', 'List type code'),
      listTypeText: prop('string', '名单类型(原文)', 'List type (as given)'),
      caseNo: prop('string', '案件编号', 'Case number'),
      issuer: prop('string', '发布机关', 'Issued by'),
      source: prop('string', '来源', 'Source'),
      note: prop('string', '备注', 'Note'),
    },
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
      // Absent where a holding's reading gained a marker it had not had (import/holdingHistory).
      value: prop('value', '原值', 'Value before'),
      holder: prop('string', '持股人标识', 'Holder key (a holding\'s value, not the firm\'s)'),
      assertedBy: prop('string[]', '原值来源', 'Provenance of the earlier value', { required: true }),
      replacedBy: prop('string', '替换来源', 'Provenance entry that replaced it', { required: true }),
      replacedAt: prop('datetime', '替换时间', 'Replaced at', { required: true }),
    },
  },
  // The list-type vocabulary (model/listTypes.ts, importers/listTypes.ts): reference data, like
  // the divisions, not asserted by an import run, so without provenance entries.
  ListType: {
    label: 'ListType',
    labels: ['ListType'],
    caption: { zh: '名单类型', en: 'List type' },
    key: 'code',
    captionProperty: 'name',
    properties: {
      code: prop('string', '代码', 'Code', { required: true }),
      provenance: prop('string[]', '来源', 'Provenance'),
      name: prop('string', '名称', 'Name', { required: true }),
      nameEn: prop('string', '英文名称', 'English name', { required: true }),
      meaning: prop('string', '含义', 'Meaning (flagging, disclosure, context)', { required: true }),
      spellings: prop('string[]', '写法', 'Spellings'),
      position: prop('number', '顺序', 'Position in the vocabulary'),
    },
  },
  Vocabulary: {
    label: 'Vocabulary',
    labels: ['Vocabulary'],
    caption: { zh: '词表', en: 'Vocabulary' },
    key: 'name',
    captionProperty: 'name',
    properties: {
      name: prop('string', '名称', 'Name', { required: true }),
      provenance: prop('string[]', '来源', 'Provenance'),
      version: prop('number', '版本', 'Version (up by one with every change)', { required: true }),
      seedVersion: prop('number', '所据种子版本', 'Version of the shipped seed it was built on'),
      updatedAt: prop('datetime', '修改时间', 'Changed at'),
      updatedBy: prop('string', '修改人', 'Changed by'),
    },
  },
  // One version of a vocabulary (model/vocabularies.ts, cypher/vocabularies.ts): who made it,
  // when and why, and the whole vocabulary as it then stood, so a former version stays readable.
  VocabularyVersion: {
    label: 'VocabularyVersion',
    labels: ['VocabularyVersion'],
    caption: { zh: '词表版本', en: 'Vocabulary version' },
    key: 'id',
    captionProperty: 'id',
    properties: {
      id: prop('string', '标识', 'Id (<vocabulary>@<version>)', { required: true }),
      provenance: prop('string[]', '来源', 'Provenance'),
      vocabulary: prop('string', '词表', 'Vocabulary (listTypes, keywordLists)', { required: true }),
      version: prop('number', '版本', 'Version', { required: true }),
      author: prop('string', '修改人', 'Changed by', { required: true }),
      at: prop('datetime', '修改时间', 'Changed at', { required: true }),
      reason: prop('string', '修改原因', 'Reason', { required: true }),
      changes: prop('string', '修改内容', 'Changes (JSON list of {op, path, value})', { required: true }),
      content: prop('string', '词表内容', 'The vocabulary as it then stood (JSON)', { required: true }),
    },
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
  },
  // The version of the data model the store holds (migrations/): one node, id 'model'. Its
  // history is kept as parallel lists, one entry per step (a new store stamped, a migration
  // applied), as the ImportRun keeps its parts: a list property cannot hold maps.
  ModelVersion: {
    label: 'ModelVersion',
    labels: ['ModelVersion'],
    caption: { zh: '数据模型版本', en: 'Data model version' },
    key: 'id',
    captionProperty: 'version',
    properties: {
      id: prop('string', '标识', 'Id (always "model")', { required: true }),
      provenance: prop('string[]', '来源', 'Provenance'),
      version: prop('number', '版本', 'Model version of the store', { required: true }),
      appliedAt: prop('datetime', '更新时间', 'Version reached at', { required: true }),
      historyVersions: prop('number[]', '历次版本', 'History: version reached'),
      historyNames: prop('string[]', '历次步骤', 'History: step (new-store, bulk-load, or the migration name)'),
      historyAt: prop('string[]', '历次时间', 'History: when (ISO 8601)'),
      historyBy: prop('string[]', '历次操作人', 'History: by (OS user)'),
    },
  },
  // One person named twice in one firm — by name only (or a masked number) and with a full ID
  // number — made one node (importers/passes/persons.ts). The record keeps what the merged-away
  // node was and which of its relationships went where, so retracting a run it rests on splits
  // the person back exactly. Its provenance is every entry the merge rests on.
  PersonMerge: {
    label: 'PersonMerge',
    labels: ['PersonMerge'],
    caption: { zh: '人员合并记录', en: 'Person merge' },
    key: 'key',
    captionProperty: 'name',
    properties: {
      ...common,
      fromKey: prop('string', '被合并人员标识', 'Key of the person merged away', { required: true }),
      intoKey: prop('string', '保留人员标识', 'Key of the surviving person', { required: true }),
      firmKey: prop('string', '所在企业标识', 'Key of the firm both are named in', { required: true }),
      name: prop('string', '姓名', 'Name', { required: true }),
      normalizedName: prop('string', '规范化姓名', 'Normalised name', { required: true }),
      fromIdMasked: prop('string', '被合并记载的证件号码(脱敏)', 'Masked ID number of the mention merged away'),
      excludedKeys: prop('string[]', '排除的同名人员', 'Same-name persons of the firm not candidates (rejected as the same, or a family tie)'),
      madeBy: prop('string', '合并依据的批次', 'Made by (import run, retract of a run, or migration)', { required: true }),
      mergedAt: prop('datetime', '合并时间', 'Merged at', { required: true }),
      reason: prop('string', '合并理由', 'Why (Chinese / English)', { required: true }),
      fromProps: prop('string', '被合并人员属性(JSON)', 'Properties of the person merged away (JSON, typed)', { required: true }),
      moved: prop('string', '迁移的关系(JSON)', 'Relationships moved, united or dropped, and what the survivor gained (JSON, typed)', { required: true }),
    },
  },
  // A person key that no longer names a node of its own (merged into another person): kept so that
  // every key ever handed out (exports, saved queries, canvases) still answers, with the survivor.
  KeyAlias: {
    label: 'KeyAlias',
    labels: ['KeyAlias'],
    caption: { zh: '原标识', en: 'Former key' },
    key: 'key',
    captionProperty: 'key',
    properties: {
      key: prop('string', '标识', 'Key', { required: true }),
      provenance: prop('string[]', '来源', 'Provenance'),
    },
  },
} as const satisfies Record<string, NodeTypeSpec>;

/**
 * The version of the data model this code reads and writes. A store records the version it holds
 * (the ModelVersion node); migrations/index.ts lists the steps from each version to the next, the
 * last of which reaches this one. A new empty store is stamped with it: it has nothing to migrate.
 */
export const MODEL_VERSION = 3;

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
      // A bare number ≤ 1 among percents ('0.4' beside '60%') and a ratio derived from the
      // subscribed amount say how the ratio was arrived at (importers/passes/ratios.ts).
      ratioAmbiguous: prop('boolean', '比例单位不明', 'Ratio unit ambiguous (a bare number ≤ 1)'),
      ratioByConvention: prop('number', '按惯例的读法', 'Ratio as the column’s convention reads it'),
      ratioAlt: prop('number', '另一读法', 'Ratio read the other way'),
      ratioConvention: prop('string', '惯例出自', 'Convention of: column | file'),
      ratioBasis: prop('string', '比例依据', 'Ratio decided by: column | file | firm-sum | registered-capital | subscribed-sum'),
      ratioDerived: prop('boolean', '比例为推算', 'Ratio derived from the subscribed amount'),
      ratioDenominatorWan: prop('number', '推算分母(万)', 'Denominator of the derived ratio (10k)'),
      ratioDenominatorCurrency: prop('string', '推算分母币种', 'Currency of that denominator'),
      subscribedAmountWan: prop('number', '认缴出资额(万)', 'Subscribed capital (10k)'),
      subscribedCurrency: prop('string', '认缴币种', 'Subscribed capital currency'),
      subscribedText: prop('string', '认缴出资额(原文)', 'Subscribed capital (as given)'),
      paidAmountWan: prop('number', '实缴出资额(万)', 'Paid-in capital (10k)'),
      paidCurrency: prop('string', '实缴币种', 'Paid-in capital currency'),
      subscribedOn: prop('date', '认缴出资日期', 'Subscription due date'),
      holderType: prop('string', '股东类型', 'Holder type (as given)'),
      ...relCommon,
      ...snapshotClosure,
    },
  },
  LEGAL_REPRESENTATIVE_OF: {
    type: 'LEGAL_REPRESENTATIVE_OF',
    caption: { zh: '法定代表人', en: 'Legal representative of' },
    from: ['Person'],
    to: ['Company'],
    properties: { ...relCommon, ...snapshotClosure },
  },
  OFFICER_OF: {
    type: 'OFFICER_OF',
    distinguishedBy: ['role'],
    caption: { zh: '任职', en: 'Officer of' },
    from: ['Person'],
    to: ['Company'],
    properties: {
      role: prop('string', '职务', 'Role', { required: true }),
      ...relCommon,
      ...snapshotClosure,
    },
  },
  CONTROLS: {
    type: 'CONTROLS',
    distinguishedBy: ['basis'],
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
  },
  RELATED_TO: {
    type: 'RELATED_TO',
    distinguishedBy: ['basis'],
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
  },
  BRANCH_OF: {
    type: 'BRANCH_OF',
    caption: { zh: '分支机构', en: 'Branch of' },
    from: ['Branch'],
    to: ['Company'],
    properties: { ...relCommon },
  },
  MEMBER_OF: {
    type: 'MEMBER_OF',
    distinguishedBy: ['memberType'],
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
  },
  REGISTERED_AT: {
    type: 'REGISTERED_AT',
    caption: { zh: '住所', en: 'Registered at' },
    from: ['Company'],
    to: ['Address'],
    properties: { ...relCommon },
  },
  OPERATES_AT: {
    type: 'OPERATES_AT',
    caption: { zh: '经营地址', en: 'Operates at' },
    from: ['Company'],
    to: ['Address'],
    properties: { ...relCommon },
  },
  IN_REGION: {
    type: 'IN_REGION',
    caption: { zh: '所在区划', en: 'In region' },
    from: ['Address'],
    to: ['Region'],
    properties: { ...relCommon },
  },
  HAS_PHONE: {
    type: 'HAS_PHONE',
    caption: { zh: '联系电话', en: 'Has phone' },
    from: ['Company', 'Person'],
    to: ['Phone'],
    properties: { ...relCommon },
  },
  HAS_EMAIL: {
    type: 'HAS_EMAIL',
    caption: { zh: '邮箱', en: 'Has email' },
    from: ['Company', 'Person'],
    to: ['Email'],
    properties: { ...relCommon },
  },
  HAS_WEBSITE: {
    type: 'HAS_WEBSITE',
    caption: { zh: '网址', en: 'Has website' },
    from: ['Company'],
    to: ['Website'],
    properties: { ...relCommon },
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
  },
  APPROVED_BY: {
    type: 'APPROVED_BY',
    caption: { zh: '批准', en: 'Approved by' },
    from: ['Exchange'],
    to: ['Approval'],
    properties: { ...relCommon },
  },
  HAS_CHANGE: {
    type: 'HAS_CHANGE',
    caption: { zh: '变更记录', en: 'Has change' },
    from: ['Company'],
    to: ['ChangeRecord'],
    properties: { ...relCommon },
  },
  FILED_BO: {
    type: 'FILED_BO',
    caption: { zh: '备案受益所有人', en: 'Filed beneficial owner' },
    from: ['Company'],
    to: ['BOFiling'],
    properties: { ...relCommon },
  },
  HAD_VALUE: {
    type: 'HAD_VALUE',
    caption: { zh: '历史值', en: 'Had value' },
    from: ['Company', 'Person'],
    to: ['PriorValue'],
    properties: { provenance: prop('string[]', '来源', 'Provenance') },
  },
  ALIAS_OF: {
    type: 'ALIAS_OF',
    caption: { zh: '原标识指向', en: 'Alias of' },
    from: ['KeyAlias'],
    to: ['Person'],
    properties: { provenance: prop('string[]', '来源', 'Provenance') },
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
      decisionReason: prop('string', '核实依据', 'Reason given for the decision'),
      provenance: prop('string[]', '来源', 'Provenance'),
    },
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
    for (const p of spec.distinguishedBy ?? []) if (!spec.properties[p]) throw new ModelError(where, `distinguishedBy names undeclared property "${p}"`);
  }
}

validateModel();
