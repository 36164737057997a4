/**
 * The columns of each file, as the exports the importer's mappings (importers/mappings/*.json)
 * name them. Rows are records by field; a file's header is the Chinese text.
 */

export type Kind = 'registrations' | 'shareholders' | 'officers' | 'members' | 'branches' | 'lists' | 'approvals' | 'changes' | 'relations' | 'boFilings';

/** In the order an import writes them (importers/kinds/index.ts). */
export const KINDS: readonly Kind[] = ['registrations', 'branches', 'shareholders', 'officers', 'members', 'approvals', 'changes', 'lists', 'relations', 'boFilings'];

export const COLUMNS: Record<Kind, ReadonlyArray<readonly [field: string, header: string]>> = {
  registrations: [
    ['uscc', '统一社会信用代码'], ['regNo', '注册号'], ['name', '企业名称'], ['formerNames', '曾用名'], ['companyType', '企业类型'],
    ['status', '登记状态'], ['legalRep', '法定代表人'], ['legalRepId', '法定代表人证件号码'], ['capital', '注册资本'], ['established', '成立日期'],
    ['authority', '登记机关'], ['address', '住所'], ['operatingAddress', '实际经营地址'], ['industry', '所属行业'], ['scope', '经营范围'],
    ['phone', '联系电话'], ['email', '邮箱'], ['website', '网址'],
  ],
  shareholders: [
    ['firmUscc', '企业统一社会信用代码'], ['firmName', '企业名称'], ['holderName', '股东名称'], ['holderType', '股东类型'], ['holderId', '股东证照号码'],
    ['ratio', '持股比例'], ['subscribed', '认缴出资额'], ['paid', '实缴出资额'], ['subscribedOn', '认缴出资日期'],
  ],
  officers: [['firmUscc', '企业统一社会信用代码'], ['firmName', '企业名称'], ['name', '姓名'], ['id', '证件号码'], ['role', '职务'], ['from', '任职日期']],
  members: [
    ['venueUscc', '交易场所统一社会信用代码'], ['venueName', '交易场所名称'], ['memberUscc', '会员统一社会信用代码'], ['memberName', '会员名称'],
    ['memberType', '会员类型'], ['memberNo', '会员编号'], ['address', '经营地址'], ['from', '开始日期'], ['to', '结束日期'], ['status', '状态'],
  ],
  branches: [
    ['branchUscc', '分支机构统一社会信用代码'], ['branchName', '分支机构名称'], ['headUscc', '隶属企业统一社会信用代码'], ['headName', '隶属企业名称'],
    ['premises', '营业场所'], ['established', '成立日期'], ['authority', '登记机关'], ['status', '登记状态'], ['manager', '负责人'], ['managerId', '负责人证件号码'],
  ],
  lists: [
    ['uscc', '统一社会信用代码'], ['firmName', '企业名称'], ['personName', '姓名'], ['personId', '证件号码'], ['listType', '名单类型'], ['caseNo', '案件编号'],
    ['filedOn', '立案日期'], ['amount', '涉案金额'], ['victims', '受害人数'], ['source', '来源'], ['note', '备注'],
  ],
  approvals: [
    ['uscc', '统一社会信用代码'], ['name', '名称'], ['authority', '批准机关'], ['documentNo', '批准文号'], ['approvedOn', '批准日期'],
    ['province', '所在省份'], ['passed', '是否通过部际联席会议验收'], ['category', '类别'],
  ],
  changes: [['uscc', '统一社会信用代码'], ['firmName', '企业名称'], ['item', '变更事项'], ['before', '变更前'], ['after', '变更后'], ['changedOn', '变更日期']],
  relations: [
    ['subjectName', '主体名称'], ['subjectId', '主体证件号码'], ['type', '关系类型'], ['objectName', '对象名称'], ['objectId', '对象证件号码'],
    ['basis', '依据'], ['from', '开始日期'], ['to', '结束日期'], ['source', '来源'],
  ],
  boFilings: [
    ['firmUscc', '企业统一社会信用代码'], ['firmName', '企业名称'], ['ownerName', '受益所有人姓名'], ['ownerId', '证件号码'], ['interestType', '受益所有权类型'],
    ['ratio', '持股/表决权比例'], ['from', '开始日期'], ['to', '结束日期'],
  ],
};

/**
 * The later shareholder file: the shareholder columns and, per row, the date the file is a
 * snapshot of (what it does not repeat of a firm it lists has ended by then).
 */
export const SNAPSHOT_FILE = 'shareholders-snapshot.csv';
export const SNAPSHOT_COLUMNS: ReadonlyArray<readonly [field: string, header: string]> = [...COLUMNS.shareholders, ['asOf', '快照日期']];

/** A row by field; missing fields are blank cells. */
export type Row = Record<string, string>;

export function cellsOf(kind: Kind, row: Row): string[] {
  return COLUMNS[kind].map(([field]) => row[field] ?? '');
}

export function headerOf(kind: Kind, field: string): string {
  return COLUMNS[kind].find(([f]) => f === field)?.[1] ?? field;
}
