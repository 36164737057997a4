// 自动生成，请勿手改 / GENERATED FILE — do not edit.
// Made by `npm run codegen` (scripts/apiCodegen.ts) from the server's schema
// (server/modules/<m>/<m>.graphql) and the web app's operations (web/src/api/operations/*.graphql).
// Change those and run `npm run codegen`; tests/web/generatedTypes.test.ts fails when this file is stale.

/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
export type AuditExportFormat =
  /** UTF-8 with BOM, Excel-safe. */
  | 'CSV'
  /** One JSON object a line. */
  | 'JSONL';

export type AuditFilter = {
  action?: string | null | undefined;
  actor?: string | null | undefined;
  /** ISO time, inclusive. */
  from?: string | null | undefined;
  /** Text the operation contains. */
  operation?: string | null | undefined;
  /** ok, denied or failed. */
  outcome?: string | null | undefined;
  /** ISO time, exclusive. */
  to?: string | null | undefined;
};

/** At most 5000 nodes plus edges and 2 MB; every edge joins two nodes of the canvas. */
export type CanvasContentInput = {
  edges: Array<CanvasEdgeInput>;
  nodes: Array<CanvasNodeInput>;
  viewport?: CanvasViewportInput | null | undefined;
};

export type CanvasEdgeInput = {
  hidden?: boolean | null | undefined;
  /** The edge id as Network returns it; it names source and target. */
  id: string | number;
  label?: string | null | undefined;
  source: string | number;
  style?: unknown;
  target: string | number;
};

export type CanvasNodeInput = {
  hidden?: boolean | null | undefined;
  key: string | number;
  label?: string | null | undefined;
  style?: unknown;
  x: number;
  y: number;
};

export type CanvasViewportInput = {
  x: number;
  y: number;
  zoom: number;
};

/** A source is required: informant, document or both. */
export type CaseRelationInput = {
  document?: string | null | undefined;
  /** Key of a firm or person (USCC, registration number, U-…, P-…). */
  from: string | number;
  informant?: string | null | undefined;
  informationAssessment: InformationAssessment;
  kind: CaseRelationKind;
  sourceReliability: SourceReliability;
  text?: string | null | undefined;
  to: string | number;
};

/** What a hand-entered relation says the two parties are to each other. */
export type CaseRelationKind =
  /** 熟识 */
  | 'ACQUAINTANCE'
  /** 实际控制 */
  | 'ACTUAL_CONTROL'
  /** 业务往来 */
  | 'BUSINESS'
  /** 通讯联系 */
  | 'CONTACT'
  /** 雇佣 */
  | 'EMPLOYMENT'
  /** 亲属 */
  | 'FAMILY'
  /** 资金往来 */
  | 'FUNDS'
  /** 代持 */
  | 'NOMINEE'
  /** 其他: say what in text */
  | 'OTHER'
  /** 配偶 */
  | 'SPOUSE';

/** What changed for one finding, in investigators' terms. */
export type ChangeCode =
  /** An effective share moved across 25% (either way). */
  | 'CONTROL_CROSSED_25'
  /** An effective share moved across 50% (either way). */
  | 'CONTROL_CROSSED_50'
  /** The same figures on different chains. */
  | 'EVIDENCE_CHANGED'
  /** Another figure of the row changed (named in field). */
  | 'FACTS_CHANGED'
  /** A firm on the finding's evidence is newly on a list (涉案 / flagged). */
  | 'NEWLY_FLAGGED'
  /** An out-of-province venue has a new local member or agent. */
  | 'NEW_LOCAL_MEMBER'
  /** A path between two parties that was not there. */
  | 'NEW_PATH'
  /** A beneficial owner or controller gone and another arrived. */
  | 'OWNER_REPLACED'
  /** The ranking figure moved without crossing a threshold. */
  | 'SCORE_CHANGED';

export type EntityKind =
  | 'COMPANY'
  | 'PERSON';

/** Which way a hop walks its relationship: FORWARD as it points in the graph (holder → firm, officer → firm, firm → address), BACKWARD against it. */
export type HopDirection =
  | 'BACKWARD'
  | 'FORWARD';

/** Record kinds the importers read (importers/mappings/). */
export type ImportKind =
  | 'approvals'
  | 'boFilings'
  | 'branches'
  | 'changes'
  | 'lists'
  | 'members'
  | 'officers'
  | 'registrations'
  | 'relations'
  | 'shareholders';

export type ImportRunStatus =
  | 'COMPLETED'
  | 'FAILED'
  | 'RETRACTED'
  /** Being imported — or, when not activeHere, interrupted (resume it) or running in another process. */
  | 'RUNNING';

/** 4×4 grading (Europol): how far the information is known to be true (the digit of the grade). */
export type InformationAssessment =
  /** 3 信息源不亲知，有其他信息佐证 / not known personally to the source, corroborated by information already recorded */
  | 'CORROBORATED'
  /** 2 信息源亲知，转述人不亲知 / known personally to the source but not to the officer passing it on */
  | 'KNOWN_TO_SOURCE'
  /** 1 准确性无可置疑 / accuracy not in doubt */
  | 'KNOWN_TRUE'
  /** 4 信息源不亲知，且无法佐证 / not known personally to the source and cannot be corroborated */
  | 'UNCORROBORATED';

export type KeywordListInput = {
  fields: Array<ScreenField>;
  keywords: Array<string>;
  name: string;
  title: KeywordListTitleInput;
};

export type KeywordListTitleInput = {
  en: string;
  zh: string;
};

export type ListTypeInput = {
  code: string;
  meaning: ListTypeMeaning;
  name: string;
  nameEn: string;
  spellings: Array<string>;
};

export type ListTypeMeaning =
  /** Shown beside a finding, never counted (失信被执行人, 合规类). */
  | 'CONTEXT'
  /** Names a relationship, not a wrong (a P2P platform's borrowers). */
  | 'DISCLOSURE'
  /** A finding against the firm or person: what the screens count. */
  | 'FLAGGING';

/** What a node of the network is. */
export type NetworkNodeKind =
  /** A registered or operating address, shared by the firms there. */
  | 'ADDRESS'
  | 'COMPANY'
  | 'EMAIL'
  /** An entry of a list or a case (非法集资案件 …), shared by the firms on it. */
  | 'LIST_ENTRY'
  | 'PERSON'
  | 'PHONE'
  | 'WEBSITE';

export type NewCase = {
  description?: string | null | undefined;
  title: string;
};

export type NewUser = {
  displayName?: string | null | undefined;
  jurisdiction: string;
  name: string;
  /** The first password; the user must change it at first sign-in. */
  password: string;
  role: Role;
};

/** Which way a penetration chart grows from the firm. */
export type PenetrationDirection =
  /** The firms the firm holds or controls, theirs, … (对外投资穿透). */
  | 'DOWN'
  /** The firm's holders and controllers, theirs, … (股东穿透). */
  | 'UP';

export type ProfileContactKind =
  | 'ADDRESS'
  | 'EMAIL'
  | 'PHONE'
  | 'WEBSITE';

/** A relationship the network view draws: holdings and roles, and what else connects parties. */
export type RelationshipType =
  /** A branch (分支机构) to its head office. */
  | 'BRANCH_OF'
  /** Control without (or beyond) shares: agreement, nominee, voting entrustment … */
  | 'CONTROLS'
  /** A firm or person to a list entry or case (名单/案件) it is on. */
  | 'FLAGGED'
  | 'HAS_EMAIL'
  | 'HAS_PHONE'
  | 'HAS_WEBSITE'
  | 'HOLDS_SHARES'
  | 'LEGAL_REPRESENTATIVE_OF'
  /** A firm to a trading venue it is a member, agent or broker of. */
  | 'MEMBER_OF'
  | 'OFFICER_OF'
  /** A firm to its operating address. */
  | 'OPERATES_AT'
  /** A firm to its registered address. */
  | 'REGISTERED_AT'
  /** Family ties between people. */
  | 'RELATED_TO';

export type Role =
  /** 安全审计员: reads and exports the audit trail, nothing else. */
  | 'AUDITOR'
  /** 侦查员: every analysis, full ID numbers with a reason, imports. */
  | 'INVESTIGATOR'
  /** 监管人员: every analysis, ID numbers always masked, no imports. */
  | 'REGULATOR'
  /** 系统管理员: accounts and vocabularies, no case data. */
  | 'SYSADMIN'
  /** 查阅人员: reports shared with them only. */
  | 'VIEWER';

/** Which beneficial-owner rules apply. */
export type Rules =
  /** PBOC 2017 No. 235 with 2018 No. 164: more than 25% (超过25%). */
  | 'CN_2017'
  /** PBOC/SAMR Order 2024 No. 3: 25% or more (25%以上). The default. */
  | 'CN_2024';

export type RunTrigger =
  /** Run by the command line. */
  | 'CLI'
  /** Run by a user through the API. */
  | 'MANUAL'
  /** Run by a watch. */
  | 'SCHEDULE';

export type SamePersonDecision =
  /** The two records are one person. */
  | 'CONFIRMED'
  /** They are two people. */
  | 'REJECTED';

export type SamePersonStatus =
  | 'CONFIRMED'
  | 'PROPOSED'
  | 'REJECTED';

/** Narrows the saved queries listed; every field left out leaves the list as it is. */
export type SavedQueryFilter = {
  /** Only the queries of this analysis (its name, e.g. flagged-controllers). */
  analysis?: string | null | undefined;
  /** Words in the title or description (case-insensitive). */
  text?: string | null | undefined;
  /** Only the queries watched on a schedule. */
  watched?: boolean | null | undefined;
  whose?: SavedQueryWhose | null | undefined;
};

export type SavedQueryInput = {
  /** An analysis's name (Query.analyses); BAD_INPUT names what is wrong with it or its params. */
  analysis: string;
  caseId?: string | number | null | undefined;
  description?: string | null | undefined;
  /** The analysis's parameters, as runAnalysis takes them; left out: its defaults. */
  params?: unknown;
  title: string;
};

/** Which of the saved queries a user sees: their own, those shared with them, or both. */
export type SavedQueryWhose =
  | 'ALL'
  | 'MINE'
  | 'SHARED';

/** A preset, or CRON with an expression; timezone defaults to Asia/Shanghai. BAD_INPUT on a bad expression or zone. */
export type ScheduleInput = {
  cron?: string | null | undefined;
  kind: ScheduleKind;
  timezone?: string | null | undefined;
};

export type ScheduleKind =
  /** A cron expression of its own. */
  | 'CRON'
  /** Every day at 06:00 in the schedule's time zone. */
  | 'DAILY'
  /** The 1st of every month at 06:00. */
  | 'MONTHLY'
  /** Mondays at 06:00. */
  | 'WEEKLY';

export type ScreenField =
  /** 经营范围 */
  | 'BUSINESS_SCOPE'
  /** 曾用名 */
  | 'FORMER_NAMES'
  /** 企业名称 */
  | 'NAME';

/** What a search hit matched on (the best of several). */
export type SearchMatchedOn =
  /** Part of a firm's registered or operating address. */
  | 'ADDRESS'
  /** The case or document number of a list entry (名单/案件) the firm or person is on. */
  | 'CASE_NUMBER'
  /** A former name (曾用名). */
  | 'FORMER_NAME'
  /** USCC, registration number or key, exactly. */
  | 'IDENTIFIER'
  /** The name (traditional characters find the simplified one). */
  | 'NAME'
  /** A firm's phone number. */
  | 'PHONE'
  /** The full pinyin or the initials of the name or a former name (nanjingxinghe, njxh). */
  | 'PINYIN';

/** 4×4 grading (Europol): how reliable the source is. */
export type SourceReliability =
  /** 完全可靠 / no doubt of authenticity, trustworthiness and competence, or a history of complete reliability */
  | 'A'
  /** 通常可靠 / has in most instances proved reliable */
  | 'B'
  /** 通常不可靠 / has in most instances proved unreliable */
  | 'C'
  /** 无法评估 / cannot be assessed */
  | 'X';

/** What a finding is about: a firm or person mostly; an address, phone or e-mail for a cluster, a list entry … */
export type SubjectKind =
  | 'ADDRESS'
  | 'APPROVAL'
  | 'BO_FILING'
  | 'CHANGE_RECORD'
  | 'COMPANY'
  | 'EMAIL'
  | 'LIST_ENTRY'
  | 'PERSON'
  | 'PHONE'
  | 'REGION'
  | 'WEBSITE';

export type UserChanges = {
  disabled?: boolean | null | undefined;
  displayName?: string | null | undefined;
  jurisdiction?: string | null | undefined;
  role?: Role | null | undefined;
};

export type Vocabulary =
  /** 关键词清单 of the keyword screen (model/keywordLists.ts). */
  | 'KEYWORD_LISTS'
  /** 名单类型 (model/listTypes.ts). */
  | 'LIST_TYPES';

export type VocabularyChangeOp =
  | 'ADDED'
  | 'CHANGED'
  | 'REMOVED';

export type VocabularySource =
  /** The version the database holds. */
  | 'DATABASE'
  /** The shipped seed, standing in while the database holds none (its first edit stores both). */
  | 'SHIPPED';

export type AdminUserFieldsFragment = { name: string, displayName: string, role: Role, jurisdiction: string, disabled: boolean, lockedUntil: string | null, mustChangePassword: boolean, createdAt: string, lastSignInAt: string | null };

export type AdminUsersQueryVariables = Exact<{ [key: string]: never; }>;


export type AdminUsersQuery = { users: Array<{ name: string, displayName: string, role: Role, jurisdiction: string, disabled: boolean, lockedUntil: string | null, mustChangePassword: boolean, createdAt: string, lastSignInAt: string | null }> };

export type AdminCreateUserMutationVariables = Exact<{
  user: NewUser;
}>;


export type AdminCreateUserMutation = { createUser: { name: string, displayName: string, role: Role, jurisdiction: string, disabled: boolean, lockedUntil: string | null, mustChangePassword: boolean, createdAt: string, lastSignInAt: string | null } };

export type AdminUpdateUserMutationVariables = Exact<{
  name: string;
  changes: UserChanges;
}>;


export type AdminUpdateUserMutation = { updateUser: { name: string, displayName: string, role: Role, jurisdiction: string, disabled: boolean, lockedUntil: string | null, mustChangePassword: boolean, createdAt: string, lastSignInAt: string | null } };

export type AdminUnlockUserMutationVariables = Exact<{
  name: string;
}>;


export type AdminUnlockUserMutation = { unlockUser: { name: string, displayName: string, role: Role, jurisdiction: string, disabled: boolean, lockedUntil: string | null, mustChangePassword: boolean, createdAt: string, lastSignInAt: string | null } };

export type AdminResetPasswordMutationVariables = Exact<{
  name: string;
  newPassword: string;
}>;


export type AdminResetPasswordMutation = { resetPassword: boolean };

export type AdminSignOutUserMutationVariables = Exact<{
  name: string;
}>;


export type AdminSignOutUserMutation = { signOutUser: number };

export type AdminListTypesQueryVariables = Exact<{
  version?: number | null | undefined;
}>;


export type AdminListTypesQuery = { listTypes: { version: number, source: VocabularySource, types: Array<{ code: string, name: string, nameEn: string, meaning: ListTypeMeaning, spellings: Array<string> }> } };

export type AdminKeywordListsQueryVariables = Exact<{
  version?: number | null | undefined;
}>;


export type AdminKeywordListsQuery = { keywordLists: { version: number, source: VocabularySource, lists: Array<{ name: string, fields: Array<ScreenField>, keywords: Array<string>, title: { zh: string, en: string } }> } };

export type AdminVocabularyHistoryQueryVariables = Exact<{
  vocabulary: Vocabulary;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type AdminVocabularyHistoryQuery = { vocabularyHistory: { nodes: Array<{ vocabulary: Vocabulary, version: number, author: string, at: string | null, reason: string, changes: Array<{ op: VocabularyChangeOp, path: string, value: string }> }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type AdminSetListTypesMutationVariables = Exact<{
  expectedVersion: number;
  reason: string;
  types: Array<ListTypeInput> | ListTypeInput;
}>;


export type AdminSetListTypesMutation = { setListTypes: { version: number } };

export type AdminSetKeywordListsMutationVariables = Exact<{
  expectedVersion: number;
  reason: string;
  lists: Array<KeywordListInput> | KeywordListInput;
}>;


export type AdminSetKeywordListsMutation = { setKeywordLists: { version: number } };

export type AuditLogQueryVariables = Exact<{
  filter?: AuditFilter | null | undefined;
  limit?: number | null | undefined;
  offset?: number | null | undefined;
}>;


export type AuditLogQuery = { auditLog: { total: number, entries: Array<{ seq: number, at: string, action: string, operation: string, outcome: string, address: string | null, params: unknown, reason: string | null, resultCount: number | null, durationMs: number | null, detail: string | null, hmac: string, actor: { name: string, via: string, role: Role | null } }> } };

export type AuditVerifyQueryVariables = Exact<{ [key: string]: never; }>;


export type AuditVerifyQuery = { auditVerify: { ok: boolean, entries: number, checkpoints: number, headSeq: number | null, firstBroken: { seq: number | null, code: string, message: string, checkpoint: string | null } | null } };

export type AuditExportQueryVariables = Exact<{
  filter?: AuditFilter | null | undefined;
  format?: AuditExportFormat | null | undefined;
}>;


export type AuditExportQuery = { auditExport: string };

export type AnalysisCatalogueQueryVariables = Exact<{ [key: string]: never; }>;


export type AnalysisCatalogueQuery = { analyses: Array<{ name: string, titleZh: string, titleEn: string, parameters: unknown }> };

export type RunAnalysisQueryVariables = Exact<{
  name: string;
  params?: unknown;
}>;


export type RunAnalysisQuery = { runAnalysis: { analysis: string, params: unknown, ranAt: string, exhaustive: boolean, limitsHit: Array<string>, listTypes: unknown, keywordLists: unknown, about: { kind: SubjectKind, key: string, name: string } | null, findings: Array<{ score: number | null, facts: unknown, evidence: unknown, exhaustive: boolean, limitsHit: Array<string>, subject: { kind: SubjectKind, key: string, name: string } }> } };

export type AnalysisVocabulariesQueryVariables = Exact<{ [key: string]: never; }>;


export type AnalysisVocabulariesQuery = { listTypes: { version: number, types: Array<{ code: string, name: string, nameEn: string, meaning: ListTypeMeaning }> }, keywordLists: { version: number, lists: Array<{ name: string, title: { zh: string, en: string } }> } };

export type SaveAnalysisAsReportMutationVariables = Exact<{
  input: SavedQueryInput;
}>;


export type SaveAnalysisAsReportMutation = { saveQuery: { id: string, title: string } };

export type CaseUserFieldsFragment = { name: string, displayName: string };

export type CaseSummaryFieldsFragment = { id: string, title: string, description: string | null, version: number, createdAt: string, updatedAt: string, updatedBy: string, owner: { name: string, displayName: string }, sharedWith: Array<{ name: string, displayName: string }> };

export type CaseCanvasSummaryFieldsFragment = { id: string, title: string, elements: number, version: number, createdAt: string, createdBy: string, updatedAt: string, updatedBy: string };

export type CaseRelationFieldsFragment = { id: string, fromKey: string, toKey: string, kind: CaseRelationKind, text: string | null, label: string, informant: string | null, document: string | null, sourceReliability: SourceReliability, informationAssessment: InformationAssessment, grade: string, author: string, createdAt: string };

export type CasesQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type CasesQuery = { cases: { nodes: Array<{ id: string, title: string, description: string | null, version: number, createdAt: string, updatedAt: string, updatedBy: string, owner: { name: string, displayName: string }, sharedWith: Array<{ name: string, displayName: string }> }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type CaseFileQueryVariables = Exact<{
  id: string | number;
  first: number;
}>;


export type CaseFileQuery = { case: { id: string, title: string, description: string | null, version: number, createdAt: string, updatedAt: string, updatedBy: string, canvases: { nodes: Array<{ id: string, title: string, elements: number, version: number, createdAt: string, createdBy: string, updatedAt: string, updatedBy: string }> }, notes: { nodes: Array<{ id: string, number: number, text: string, author: string, createdAt: string }>, pageInfo: { hasNextPage: boolean } }, relations: { nodes: Array<{ id: string, fromKey: string, toKey: string, kind: CaseRelationKind, text: string | null, label: string, informant: string | null, document: string | null, sourceReliability: SourceReliability, informationAssessment: InformationAssessment, grade: string, author: string, createdAt: string }>, pageInfo: { hasNextPage: boolean } }, reportRuns: { nodes: Array<{ runId: string, queryId: string | null, title: string, linkedAt: string, linkedBy: string }> }, owner: { name: string, displayName: string }, sharedWith: Array<{ name: string, displayName: string }> } };

export type CaseCanvasQueryVariables = Exact<{
  caseId: string | number;
  canvasId: string | number;
}>;


export type CaseCanvasQuery = { caseCanvas: { id: string, title: string, elements: number, version: number, createdAt: string, createdBy: string, updatedAt: string, updatedBy: string, content: { nodes: Array<{ key: string, x: number, y: number, hidden: boolean, label: string | null, style: unknown }>, edges: Array<{ id: string, source: string, target: string, hidden: boolean, label: string | null, style: unknown }>, viewport: { zoom: number, x: number, y: number } | null } } };

export type CreateCaseMutationVariables = Exact<{
  input: NewCase;
}>;


export type CreateCaseMutation = { createCase: { id: string, title: string, description: string | null, version: number, createdAt: string, updatedAt: string, updatedBy: string, owner: { name: string, displayName: string }, sharedWith: Array<{ name: string, displayName: string }> } };

export type DeleteCaseMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteCaseMutation = { deleteCase: boolean };

export type ShareCaseMutationVariables = Exact<{
  id: string | number;
  userName: string;
}>;


export type ShareCaseMutation = { shareCase: { id: string, title: string, description: string | null, version: number, createdAt: string, updatedAt: string, updatedBy: string, owner: { name: string, displayName: string }, sharedWith: Array<{ name: string, displayName: string }> } };

export type UnshareCaseMutationVariables = Exact<{
  id: string | number;
  userName: string;
}>;


export type UnshareCaseMutation = { unshareCase: { id: string, title: string, description: string | null, version: number, createdAt: string, updatedAt: string, updatedBy: string, owner: { name: string, displayName: string }, sharedWith: Array<{ name: string, displayName: string }> } };

export type CreateCaseCanvasMutationVariables = Exact<{
  caseId: string | number;
  title: string;
  content: CanvasContentInput;
}>;


export type CreateCaseCanvasMutation = { createCaseCanvas: { id: string, title: string, elements: number, version: number, createdAt: string, createdBy: string, updatedAt: string, updatedBy: string } };

export type SaveCaseCanvasMutationVariables = Exact<{
  caseId: string | number;
  canvasId: string | number;
  expectedVersion: number;
  content: CanvasContentInput;
}>;


export type SaveCaseCanvasMutation = { saveCaseCanvas: { id: string, title: string, elements: number, version: number, createdAt: string, createdBy: string, updatedAt: string, updatedBy: string } };

export type AddCaseNoteMutationVariables = Exact<{
  caseId: string | number;
  text: string;
}>;


export type AddCaseNoteMutation = { addCaseNote: { id: string } };

export type AddCaseRelationMutationVariables = Exact<{
  caseId: string | number;
  relation: CaseRelationInput;
}>;


export type AddCaseRelationMutation = { addCaseRelation: { id: string, fromKey: string, toKey: string, kind: CaseRelationKind, text: string | null, label: string, informant: string | null, document: string | null, sourceReliability: SourceReliability, informationAssessment: InformationAssessment, grade: string, author: string, createdAt: string } };

export type DeleteCaseRelationMutationVariables = Exact<{
  caseId: string | number;
  relationId: string | number;
}>;


export type DeleteCaseRelationMutation = { deleteCaseRelation: boolean };

export type LinkCaseReportRunMutationVariables = Exact<{
  caseId: string | number;
  runId: string | number;
  title: string;
}>;


export type LinkCaseReportRunMutation = { linkCaseReportRun: { runId: string, queryId: string | null, title: string } };

export type EntitySummaryFieldsFragment = { kind: EntityKind, key: string, name: string, identifier: string | null, idNumber: string | null, status: string | null, inactive: boolean, address: string | null };

export type MoneyFieldsFragment = { amountWan: number, currency: string, text: string };

export type ShareholdingFieldsFragment = { ratio: number | null, holder: { kind: EntityKind, key: string, name: string, identifier: string | null, idNumber: string | null, status: string | null, inactive: boolean, address: string | null }, subscribedAmount: { amountWan: number, currency: string, text: string } | null };

export type SearchHitFieldsFragment = { matchedOn: SearchMatchedOn, matchedText: string, entity: { kind: EntityKind, key: string, name: string, identifier: string | null, idNumber: string | null, status: string | null, inactive: boolean, address: string | null }, firms: Array<{ key: string, name: string }> };

export type SearchQueryVariables = Exact<{
  text: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type SearchQuery = { search: { nodes: Array<{ matchedOn: SearchMatchedOn, matchedText: string, entity: { kind: EntityKind, key: string, name: string, identifier: string | null, idNumber: string | null, status: string | null, inactive: boolean, address: string | null }, firms: Array<{ key: string, name: string }> }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type CompanyQueryVariables = Exact<{
  key: string | number;
}>;


export type CompanyQuery = { company: { key: string, name: string, uscc: string | null, registrationNumber: string | null, keyUnverified: boolean, formerNames: Array<string>, status: string | null, inactive: boolean, companyType: string | null, establishedOn: string | null, registrationAuthority: string | null, registeredAddress: string | null, businessScope: string | null, regionCode: string | null, regionName: string | null, legalRepresentative: { kind: EntityKind, key: string, name: string, identifier: string | null, idNumber: string | null, status: string | null, inactive: boolean, address: string | null } | null, registeredCapital: { amountWan: number, currency: string, text: string } | null, shareholders: Array<{ ratio: number | null, holder: { kind: EntityKind, key: string, name: string, identifier: string | null, idNumber: string | null, status: string | null, inactive: boolean, address: string | null }, subscribedAmount: { amountWan: number, currency: string, text: string } | null }>, holdings: Array<{ ratio: number | null, holder: { kind: EntityKind, key: string, name: string, identifier: string | null, idNumber: string | null, status: string | null, inactive: boolean, address: string | null }, subscribedAmount: { amountWan: number, currency: string, text: string } | null }> } | null };

export type NetworkNodeFieldsFragment = { id: string, key: string, kind: NetworkNodeKind, label: string, status: string | null, inactive: boolean, center: boolean, degree: number, supernode: boolean, hiddenNeighbours: Array<{ type: RelationshipType, kind: NetworkNodeKind, count: number }> };

export type NetworkEdgeFieldsFragment = { id: string, type: RelationshipType, source: string, target: string, ratio: number | null, role: string | null };

export type NeighborhoodQueryVariables = Exact<{
  key: string | number;
  depth?: number | null | undefined;
  limit?: number | null | undefined;
  relationshipTypes?: Array<RelationshipType> | RelationshipType | null | undefined;
  kinds?: Array<NetworkNodeKind> | NetworkNodeKind | null | undefined;
  activeOnly?: boolean | null | undefined;
  supernodeThreshold?: number | null | undefined;
  budget?: number | null | undefined;
}>;


export type NeighborhoodQuery = { neighborhood: { exhaustive: boolean, limitsHit: Array<string>, nodes: Array<{ id: string, key: string, kind: NetworkNodeKind, label: string, status: string | null, inactive: boolean, center: boolean, degree: number, supernode: boolean, hiddenNeighbours: Array<{ type: RelationshipType, kind: NetworkNodeKind, count: number }> }>, edges: Array<{ id: string, type: RelationshipType, source: string, target: string, ratio: number | null, role: string | null }>, cut: { nodes: number, edges: number, unexpanded: number } } };

export type ExpandNodeQueryVariables = Exact<{
  key: string | number;
  relationshipTypes?: Array<RelationshipType> | RelationshipType | null | undefined;
  kinds?: Array<NetworkNodeKind> | NetworkNodeKind | null | undefined;
  activeOnly?: boolean | null | undefined;
  supernodeThreshold?: number | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ExpandNodeQuery = { expandNode: { totalCount: number, node: { id: string, key: string, kind: NetworkNodeKind, label: string, status: string | null, inactive: boolean, center: boolean, degree: number, supernode: boolean, hiddenNeighbours: Array<{ type: RelationshipType, kind: NetworkNodeKind, count: number }> }, nodes: Array<{ node: { id: string, key: string, kind: NetworkNodeKind, label: string, status: string | null, inactive: boolean, center: boolean, degree: number, supernode: boolean, hiddenNeighbours: Array<{ type: RelationshipType, kind: NetworkNodeKind, count: number }> }, edge: { id: string, type: RelationshipType, source: string, target: string, ratio: number | null, role: string | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ImportUploadQueryVariables = Exact<{
  id: string | number;
  kind?: ImportKind | null | undefined;
}>;


export type ImportUploadQuery = { upload: { id: string, fileName: string, bytes: number, uploadedAt: string, format: string | null, encoding: string | null, tables: Array<{ sheet: string | null, kind: string, caption: string | null, headers: Array<string>, unmatchedHeaders: Array<string>, mapping: Array<{ field: string, header: string, column: number }> }>, problem: { code: string, message: string } | null } | null };

export type ImportRunQueryVariables = Exact<{
  id: string | number;
  rejectsAfter?: string | null | undefined;
}>;


export type ImportRunQuery = { importRun: { id: string, status: ImportRunStatus, activeHere: boolean, uploadId: string | null, fileNames: Array<string>, user: string | null, startedAt: string | null, finishedAt: string | null, error: string | null, rejectsUrl: string | null, retractedAt: string | null, retractedBy: string | null, progress: { rowsRead: number, rowsTotal: number | null, bytes: number }, summary: { rowsRead: number, rowsWritten: number, rowsRejected: number, rowsFlagged: number, proposedSamePersons: number, seconds: number, files: Array<{ fileName: string, sheet: string | null, kind: string, encoding: string | null, read: number, written: number, rejected: number, flagged: number, blank: number }>, warnings: Array<{ code: string, severity: string, count: number, message: string, value: string | null }> } | null, rejects: { nodes: Array<{ fileName: string, sheet: string | null, row: number, column: string, value: string, code: string, severity: string, message: string, detail: string | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } | null };

export type ImportRunsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ImportRunsQuery = { importRuns: { nodes: Array<{ id: string, status: ImportRunStatus, activeHere: boolean, fileNames: Array<string>, user: string | null, startedAt: string | null, finishedAt: string | null, retractedAt: string | null, retractedBy: string | null, progress: { rowsRead: number }, summary: { rowsRead: number, rowsWritten: number, rowsRejected: number } | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type StartImportMutationVariables = Exact<{
  uploadId: string | number;
  kind?: ImportKind | null | undefined;
  reason: string;
}>;


export type StartImportMutation = { startImport: { id: string, status: ImportRunStatus } };

export type ResumeImportMutationVariables = Exact<{
  runId: string | number;
}>;


export type ResumeImportMutation = { resumeImport: { id: string, status: ImportRunStatus } };

export type RetractImportMutationVariables = Exact<{
  runId: string | number;
  reason: string;
}>;


export type RetractImportMutation = { retractImport: { redecided: number, run: { id: string, status: ImportRunStatus } } };

export type PenetrationNodeFieldsFragment = { kind: SubjectKind, key: string, name: string, identifier: string | null, status: string | null, level: number, effectiveRatio: number, beneficialOwner: boolean, controller: boolean, rulesMet: Array<string>, ruleSet: string | null, cutHolders: number, holdersComplete: boolean };

export type PenetrationEdgeFieldsFragment = { child: string, holder: string, relationship: string, ratio: number | null, basis: string | null, cycle: boolean };

export type PenetrationQueryVariables = Exact<{
  firm: string;
  direction: PenetrationDirection;
  levels: number;
  threshold?: number | null | undefined;
  rules?: Rules | null | undefined;
  maxChildren?: number | null | undefined;
  activeOnly?: boolean | null | undefined;
}>;


export type PenetrationQuery = { penetration: { root: string, direction: PenetrationDirection, ruleSet: string, threshold: number, levels: number, inactiveCut: number, limitsHit: Array<string>, nodes: Array<{ kind: SubjectKind, key: string, name: string, identifier: string | null, status: string | null, level: number, effectiveRatio: number, beneficialOwner: boolean, controller: boolean, rulesMet: Array<string>, ruleSet: string | null, cutHolders: number, holdersComplete: boolean }>, edges: Array<{ child: string, holder: string, relationship: string, ratio: number | null, basis: string | null, cycle: boolean }>, cutByLevel: Array<{ level: number, holders: number }> } };

export type SamePersonLinkFieldsFragment = { person: string, status: SamePersonStatus, reasons: Array<string>, decidedBy: string | null, decidedOn: string | null, decisionReason: string | null, other: { kind: EntityKind, key: string, name: string, identifier: string | null, idNumber: string | null, status: string | null, inactive: boolean, address: string | null }, otherFirms: Array<{ key: string, name: string }> };

export type ProfileQueryVariables = Exact<{
  key: string | number;
}>;


export type ProfileQuery = { profile: { kind: EntityKind, requestedKey: string, aliases: Array<string>, entity: { kind: EntityKind, key: string, name: string, identifier: string | null, idNumber: string | null, status: string | null, inactive: boolean, address: string | null }, provenance: Array<{ entry: string, runId: string, file: string | null, fileHash: string | null, sheet: string | null, row: number, recordKind: string | null, importedAt: string | null, runStatus: string | null }>, registration: { name: string, uscc: string | null, registrationNumber: string | null, keyUnverified: boolean, formerNames: Array<string>, companyType: string | null, status: string | null, inactive: boolean, establishedOn: string | null, registrationAuthority: string | null, registeredAddress: string | null, operatingAddress: string | null, industry: string | null, businessScope: string | null, regionCode: string | null, regionName: string | null, venue: boolean, venueCategory: string | null, tradingModel: string | null, branch: boolean, headOfficeName: string | null, personInCharge: string | null, premisesAddress: string | null, registeredCapital: { amountWan: number, currency: string, text: string } | null, provenance: Array<{ entry: string, runId: string, file: string | null, fileHash: string | null, sheet: string | null, row: number, recordKind: string | null, importedAt: string | null, runStatus: string | null }> } | null, identity: { name: string, idKind: string | null, idInvalid: boolean, sex: string | null, nationality: string | null, keyBasis: string | null, provenance: Array<{ entry: string, runId: string, file: string | null, fileHash: string | null, sheet: string | null, row: number, recordKind: string | null, importedAt: string | null, runStatus: string | null }> } | null, legalRepresentative: { person: { kind: EntityKind, key: string, name: string, identifier: string | null, idNumber: string | null, status: string | null, inactive: boolean, address: string | null }, roles: Array<{ role: string, legalRepresentative: boolean, validFrom: string | null, validTo: string | null, provenance: Array<{ entry: string, runId: string, file: string | null, fileHash: string | null, sheet: string | null, row: number, recordKind: string | null, importedAt: string | null, runStatus: string | null }> }> } | null, officers: { total: number, nodes: Array<{ person: { kind: EntityKind, key: string, name: string, identifier: string | null, idNumber: string | null, status: string | null, inactive: boolean, address: string | null }, roles: Array<{ role: string, legalRepresentative: boolean, validFrom: string | null, validTo: string | null, provenance: Array<{ entry: string, runId: string, file: string | null, fileHash: string | null, sheet: string | null, row: number, recordKind: string | null, importedAt: string | null, runStatus: string | null }> }> }> }, positions: { total: number, nodes: Array<{ firm: { kind: EntityKind, key: string, name: string, identifier: string | null, idNumber: string | null, status: string | null, inactive: boolean, address: string | null }, roles: Array<{ role: string, legalRepresentative: boolean, validFrom: string | null, validTo: string | null, provenance: Array<{ entry: string, runId: string, file: string | null, fileHash: string | null, sheet: string | null, row: number, recordKind: string | null, importedAt: string | null, runStatus: string | null }> }> }> }, flags: { total: number, nodes: Array<{ key: string, listType: string, listTypeCode: string | null, listTypeText: string | null, name: string | null, caseNo: string | null, issuer: string | null, filedOn: string | null, victims: number | null, source: string | null, note: string | null, amount: { amountWan: number, currency: string, text: string } | null, provenance: Array<{ entry: string, runId: string, file: string | null, fileHash: string | null, sheet: string | null, row: number, recordKind: string | null, importedAt: string | null, runStatus: string | null }> }> }, holders: { total: number, directTotal: number, exhaustive: boolean, limitsHit: Array<string>, nodes: Array<{ direct: boolean, directRatio: number | null, ratioText: string | null, effectiveRatio: number, validFrom: string | null, validTo: string | null, entity: { kind: EntityKind, key: string, name: string, identifier: string | null, idNumber: string | null, status: string | null, inactive: boolean, address: string | null }, subscribedAmount: { amountWan: number, currency: string, text: string } | null, provenance: Array<{ entry: string, runId: string, file: string | null, fileHash: string | null, sheet: string | null, row: number, recordKind: string | null, importedAt: string | null, runStatus: string | null }> }> }, holdings: { total: number, directTotal: number, exhaustive: boolean, limitsHit: Array<string>, nodes: Array<{ direct: boolean, directRatio: number | null, ratioText: string | null, effectiveRatio: number, validFrom: string | null, validTo: string | null, entity: { kind: EntityKind, key: string, name: string, identifier: string | null, idNumber: string | null, status: string | null, inactive: boolean, address: string | null }, subscribedAmount: { amountWan: number, currency: string, text: string } | null, provenance: Array<{ entry: string, runId: string, file: string | null, fileHash: string | null, sheet: string | null, row: number, recordKind: string | null, importedAt: string | null, runStatus: string | null }> }> }, headOffice: { validFrom: string | null, validTo: string | null, firm: { kind: EntityKind, key: string, name: string, identifier: string | null, idNumber: string | null, status: string | null, inactive: boolean, address: string | null }, provenance: Array<{ entry: string, runId: string, file: string | null, fileHash: string | null, sheet: string | null, row: number, recordKind: string | null, importedAt: string | null, runStatus: string | null }> } | null, branches: { total: number, nodes: Array<{ validFrom: string | null, validTo: string | null, firm: { kind: EntityKind, key: string, name: string, identifier: string | null, idNumber: string | null, status: string | null, inactive: boolean, address: string | null }, provenance: Array<{ entry: string, runId: string, file: string | null, fileHash: string | null, sheet: string | null, row: number, recordKind: string | null, importedAt: string | null, runStatus: string | null }> }> }, venueMemberships: Array<{ memberType: string, memberTypeText: string | null, memberNo: string | null, status: string | null, validFrom: string | null, validTo: string | null, firm: { kind: EntityKind, key: string, name: string, identifier: string | null, idNumber: string | null, status: string | null, inactive: boolean, address: string | null }, provenance: Array<{ entry: string, runId: string, file: string | null, fileHash: string | null, sheet: string | null, row: number, recordKind: string | null, importedAt: string | null, runStatus: string | null }> }>, venueMembers: { total: number, nodes: Array<{ memberType: string, memberTypeText: string | null, memberNo: string | null, status: string | null, validFrom: string | null, validTo: string | null, firm: { kind: EntityKind, key: string, name: string, identifier: string | null, idNumber: string | null, status: string | null, inactive: boolean, address: string | null }, provenance: Array<{ entry: string, runId: string, file: string | null, fileHash: string | null, sheet: string | null, row: number, recordKind: string | null, importedAt: string | null, runStatus: string | null }> }> }, contacts: Array<{ kind: ProfileContactKind, key: string, text: string, regionCode: string | null, sharedTotal: number, links: Array<{ relationship: string, validFrom: string | null, validTo: string | null, provenance: Array<{ entry: string, runId: string, file: string | null, fileHash: string | null, sheet: string | null, row: number, recordKind: string | null, importedAt: string | null, runStatus: string | null }> }>, sharedWith: Array<{ kind: EntityKind, key: string, name: string, identifier: string | null, idNumber: string | null, status: string | null, inactive: boolean, address: string | null }> }>, changes: { total: number, nodes: Array<{ key: string, item: string, before: string | null, after: string | null, changedOn: string | null, provenance: Array<{ entry: string, runId: string, file: string | null, fileHash: string | null, sheet: string | null, row: number, recordKind: string | null, importedAt: string | null, runStatus: string | null }> }> }, priorValues: { total: number, nodes: Array<{ property: string, value: string | null, replacedAt: string, provenance: Array<{ entry: string, runId: string, file: string | null, fileHash: string | null, sheet: string | null, row: number, recordKind: string | null, importedAt: string | null, runStatus: string | null }>, replacedBy: { entry: string, runId: string, file: string | null, fileHash: string | null, sheet: string | null, row: number, recordKind: string | null, importedAt: string | null, runStatus: string | null } | null }> }, samePersonCandidates: { total: number, nodes: Array<{ person: string, status: SamePersonStatus, reasons: Array<string>, decidedBy: string | null, decidedOn: string | null, decisionReason: string | null, other: { kind: EntityKind, key: string, name: string, identifier: string | null, idNumber: string | null, status: string | null, inactive: boolean, address: string | null }, otherFirms: Array<{ key: string, name: string }> }> } } | null };

export type DecideSamePersonMutationVariables = Exact<{
  person: string | number;
  other: string | number;
  decision: SamePersonDecision;
  reason: string;
}>;


export type DecideSamePersonMutation = { decideSamePerson: Array<{ person: string, status: SamePersonStatus, reasons: Array<string>, decidedBy: string | null, decidedOn: string | null, decisionReason: string | null, other: { kind: EntityKind, key: string, name: string, identifier: string | null, idNumber: string | null, status: string | null, inactive: boolean, address: string | null }, otherFirms: Array<{ key: string, name: string }> }> };

export type RelationsQueryVariables = Exact<{
  parties: Array<string> | string;
  k?: number | null | undefined;
  maxHops?: number | null | undefined;
  activeOnly?: boolean | null | undefined;
}>;


export type RelationsQuery = { relations: { exhaustive: boolean, limitsHit: Array<string>, parties: Array<{ kind: SubjectKind, key: string, name: string }>, pairs: Array<{ exhaustive: boolean, limitsHit: Array<string>, from: { kind: SubjectKind, key: string, name: string }, to: { kind: SubjectKind, key: string, name: string }, paths: Array<{ length: number, hops: Array<{ relationship: string, direction: HopDirection, ratio: number | null, role: string | null, alsoLinkedBy: Array<string>, from: { kind: SubjectKind, key: string, name: string }, to: { kind: SubjectKind, key: string, name: string } }> }>, hubsSkipped: Array<{ relationships: number, entity: { kind: SubjectKind, key: string, name: string } }> }>, connection: { exhaustive: boolean, limitsHit: Array<string>, apart: Array<{ kind: SubjectKind, key: string, name: string }>, paths: Array<{ length: number, hops: Array<{ relationship: string, direction: HopDirection, ratio: number | null, role: string | null, alsoLinkedBy: Array<string>, from: { kind: SubjectKind, key: string, name: string }, to: { kind: SubjectKind, key: string, name: string } }> }> } | null } };

export type ReportRunSummaryFieldsFragment = { id: string, queryId: string | null, number: number, ranAt: string, ranBy: string, trigger: RunTrigger, findingCount: number, exhaustive: boolean, contentHash: string };

export type ReportSavedQueryFieldsFragment = { id: string, title: string, description: string | null, analysis: string, params: unknown, caseId: string | null, nextRunAt: string | null, version: number, createdAt: string, updatedAt: string, owner: { name: string, displayName: string }, sharedWith: { roles: Array<Role>, users: Array<{ name: string, displayName: string }> }, schedule: { kind: ScheduleKind, cron: string, timezone: string } | null, lastRun: { id: string, number: number, ranAt: string, ranBy: string, findingCount: number, exhaustive: boolean } | null };

export type ReportRunDiffFieldsFragment = { fromRunId: string, toRunId: string, unchangedCount: number, newFindings: Array<{ kind: SubjectKind, key: string, name: string }>, goneFindings: Array<{ kind: SubjectKind, key: string, name: string }>, changedFindings: Array<{ subject: { kind: SubjectKind, key: string, name: string }, changes: Array<{ code: ChangeCode, field: string | null, before: unknown, after: unknown, text: string }> }>, resolvedAliases: Array<{ from: string, to: string }> };

export type ReportSavedQueriesQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: SavedQueryFilter | null | undefined;
}>;


export type ReportSavedQueriesQuery = { savedQueries: { nodes: Array<{ id: string, title: string, description: string | null, analysis: string, params: unknown, caseId: string | null, nextRunAt: string | null, version: number, createdAt: string, updatedAt: string, owner: { name: string, displayName: string }, sharedWith: { roles: Array<Role>, users: Array<{ name: string, displayName: string }> }, schedule: { kind: ScheduleKind, cron: string, timezone: string } | null, lastRun: { id: string, number: number, ranAt: string, ranBy: string, findingCount: number, exhaustive: boolean } | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ReportSavedQueryQueryVariables = Exact<{
  id: string | number;
}>;


export type ReportSavedQueryQuery = { savedQuery: { id: string, title: string, description: string | null, analysis: string, params: unknown, caseId: string | null, nextRunAt: string | null, version: number, createdAt: string, updatedAt: string, owner: { name: string, displayName: string }, sharedWith: { roles: Array<Role>, users: Array<{ name: string, displayName: string }> }, schedule: { kind: ScheduleKind, cron: string, timezone: string } | null, lastRun: { id: string, number: number, ranAt: string, ranBy: string, findingCount: number, exhaustive: boolean } | null } };

export type ReportRunsQueryVariables = Exact<{
  queryId: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ReportRunsQuery = { reportRuns: { nodes: Array<{ id: string, queryId: string | null, number: number, ranAt: string, ranBy: string, trigger: RunTrigger, findingCount: number, exhaustive: boolean, contentHash: string }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ReportRunDocumentQueryVariables = Exact<{
  id: string | number;
}>;


export type ReportRunDocumentQuery = { reportRun: { document: unknown, id: string, queryId: string | null, number: number, ranAt: string, ranBy: string, trigger: RunTrigger, findingCount: number, exhaustive: boolean, contentHash: string } };

export type ReportRunDiffQueryVariables = Exact<{
  fromRunId: string | number;
  toRunId: string | number;
}>;


export type ReportRunDiffQuery = { runDiff: { fromRunId: string, toRunId: string, unchangedCount: number, newFindings: Array<{ kind: SubjectKind, key: string, name: string }>, goneFindings: Array<{ kind: SubjectKind, key: string, name: string }>, changedFindings: Array<{ subject: { kind: SubjectKind, key: string, name: string }, changes: Array<{ code: ChangeCode, field: string | null, before: unknown, after: unknown, text: string }> }>, resolvedAliases: Array<{ from: string, to: string }> } };

export type ReportInboxQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  unreadOnly?: boolean | null | undefined;
}>;


export type ReportInboxQuery = { inbox: { nodes: Array<{ id: string, queryId: string, queryTitle: string, runId: string, createdAt: string, readAt: string | null, diff: { fromRunId: string, toRunId: string, unchangedCount: number, newFindings: Array<{ kind: SubjectKind, key: string, name: string }>, goneFindings: Array<{ kind: SubjectKind, key: string, name: string }>, changedFindings: Array<{ subject: { kind: SubjectKind, key: string, name: string }, changes: Array<{ code: ChangeCode, field: string | null, before: unknown, after: unknown, text: string }> }>, resolvedAliases: Array<{ from: string, to: string }> } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ReportRunNowMutationVariables = Exact<{
  id: string | number;
}>;


export type ReportRunNowMutation = { runSavedQuery: { id: string, queryId: string | null, number: number, ranAt: string, ranBy: string, trigger: RunTrigger, findingCount: number, exhaustive: boolean, contentHash: string } };

export type ReportScheduleMutationVariables = Exact<{
  id: string | number;
  version: number;
  schedule?: ScheduleInput | null | undefined;
}>;


export type ReportScheduleMutation = { scheduleSavedQuery: { id: string, title: string, description: string | null, analysis: string, params: unknown, caseId: string | null, nextRunAt: string | null, version: number, createdAt: string, updatedAt: string, owner: { name: string, displayName: string }, sharedWith: { roles: Array<Role>, users: Array<{ name: string, displayName: string }> }, schedule: { kind: ScheduleKind, cron: string, timezone: string } | null, lastRun: { id: string, number: number, ranAt: string, ranBy: string, findingCount: number, exhaustive: boolean } | null } };

export type ReportShareMutationVariables = Exact<{
  id: string | number;
  roles: Array<Role> | Role;
  users: Array<string> | string;
}>;


export type ReportShareMutation = { shareSavedQuery: { id: string, title: string, description: string | null, analysis: string, params: unknown, caseId: string | null, nextRunAt: string | null, version: number, createdAt: string, updatedAt: string, owner: { name: string, displayName: string }, sharedWith: { roles: Array<Role>, users: Array<{ name: string, displayName: string }> }, schedule: { kind: ScheduleKind, cron: string, timezone: string } | null, lastRun: { id: string, number: number, ranAt: string, ranBy: string, findingCount: number, exhaustive: boolean } | null } };

export type ReportDeleteMutationVariables = Exact<{
  id: string | number;
}>;


export type ReportDeleteMutation = { deleteSavedQuery: boolean };

export type ReportMarkReadMutationVariables = Exact<{
  id: string | number;
}>;


export type ReportMarkReadMutation = { markInboxItemRead: { id: string, readAt: string | null } };

export type MeFieldsFragment = { fullIdNumbers: boolean, user: { name: string, displayName: string, role: Role, jurisdiction: string, mustChangePassword: boolean }, session: { expiresAt: string, reason: string | null } };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { fullIdNumbers: boolean, user: { name: string, displayName: string, role: Role, jurisdiction: string, mustChangePassword: boolean }, session: { expiresAt: string, reason: string | null } } | null };

export type SignInMutationVariables = Exact<{
  name: string;
  password: string;
}>;


export type SignInMutation = { signIn: { ok: boolean, code: string | null, message: string | null, lockedUntil: string | null, me: { fullIdNumbers: boolean, user: { name: string, displayName: string, role: Role, jurisdiction: string, mustChangePassword: boolean }, session: { expiresAt: string, reason: string | null } } | null } };

export type SignOutMutationVariables = Exact<{ [key: string]: never; }>;


export type SignOutMutation = { signOut: boolean };

export type ChangePasswordMutationVariables = Exact<{
  oldPassword: string;
  newPassword: string;
}>;


export type ChangePasswordMutation = { changePassword: boolean };

export type SetQueryReasonMutationVariables = Exact<{
  reason?: string | null | undefined;
}>;


export type SetQueryReasonMutation = { setQueryReason: { fullIdNumbers: boolean, user: { name: string, displayName: string, role: Role, jurisdiction: string, mustChangePassword: boolean }, session: { expiresAt: string, reason: string | null } } };


/** The persisted-document hash of each operation: the client sends this, never the document (server/persistedOperations.json). */
export const persistedOperationHashes = {
  AddCaseNote: 'a3c7200361b62547118d42491c2ad100be67a97e1d91b7550510e1e22d3f3562',
  AddCaseRelation: 'f106500f1a90177d73c3b7c84393a713b58fca34ae42d9c8e45d04850d5675d4',
  AdminCreateUser: 'ed49a14b72d87769331dcb19fc32db8bd7466ddacc95193efe48d8270232dda2',
  AdminKeywordLists: 'e0dce82b83731bb397743cdd6e8bc86332e7f48fd33e4002c6fe1e351d8d9dfa',
  AdminListTypes: 'd7a71bab7e520e2800d4865dda7acab0e62ac12149719e9661b82b88fa15962d',
  AdminResetPassword: '525c028524c8b36ad87bd8f3cd8d0c0cfdb25c38e66372a5c7189291055206ff',
  AdminSetKeywordLists: 'ecdc511ab95a10af1addcb37a29d64bc6da5bc5f75bc6130bc497a99f9780908',
  AdminSetListTypes: '43a4a8f7a0073c06e92b34e68429920d115a528d028d8837ba4117efcba88345',
  AdminSignOutUser: '9ac74395b2ed4595b5743bfd473926fa9a5c0b7b656fbc1e2c7bd994169903d0',
  AdminUnlockUser: '0ab528da3c82d41898b88ec36d536be7458220e9993779987cb0030c6a8e218e',
  AdminUpdateUser: '71e390e459c133e897ae1b4543ffec7d6cd4b07d9cc9991593311d981f6747b9',
  AdminUsers: 'c97b3d0ea26fa58645b8b31eddcd5a87c1bf1cda79e6932c9838b340a164d2ed',
  AdminVocabularyHistory: '38ea133c60889c4e545f6834fd28440ee435fb0323924f2f70935e35343e25b7',
  AnalysisCatalogue: 'b790efbd74f50ee7ca49ef88bb993c277ccb11eb8fcfadcbee4cd2bbe9891696',
  AnalysisVocabularies: '62b9c267a5c183edceb6372345b11bafd1332683e65c7b195e147725eb6cb1db',
  AuditExport: 'f423d2b3c15989351a1f92fddc3d42959bb01bd88cacf21f97fdb00870692fc7',
  AuditLog: 'e78ba1c4d94d04206d664149fcc4efcf09f094d1169a2578999809bdf0f26015',
  AuditVerify: '0489368f1b24bc7909ad967c4c4264f42186627967c0572467df888bb4450301',
  CaseCanvas: '9dac70c284bbdea9013e11e971c7da70966161990e654e2c486e09d3c4fce8c5',
  CaseFile: 'd5132ea72fe2f6fc251f012872c06feb991cdf5cbfa452c3aec5c9dfbb84256c',
  Cases: 'efc7a55bb146099da7714651a01e4e08d00c8873394d29ee6d8c704f3767e5a9',
  ChangePassword: '0cf3cc3340a9c3abb2cc0dbad5f251da42e7cb38e62d82fd1701028fdf4788a8',
  Company: '3725025a961463cb4a370cb9ed1986ad648d2c391f7a665f1698ddc0ef488793',
  CreateCase: '7a5998b4d44b58ea9ba06e9b7f61f7a369dbcb9704986ab2c2e74fb1051656e4',
  CreateCaseCanvas: '65582c7f0fd1ff1ce5dbb233cc8925efff9169c762393c0da93b94f35facdc76',
  DecideSamePerson: '60773245b7238c064d43a13334dd250c5eb911c6d0f3bc74f63f7e7835ac2ba5',
  DeleteCase: 'ef6c3849b3a999d4a3699f5f2d6d36556733d8635865e173e29a0ef3547f0382',
  DeleteCaseRelation: '75912f8ae0ed833052fcbecb6633a88a52d24394c0217b96205716f4b5fef689',
  ExpandNode: '85920f1b1fc3cbc2b22f3d626f60b8f1c1c212017ad524e8e3e579f59882c75c',
  ImportRun: 'f380c4f443a67af3d35eced1810834bf771d740860abc7281e609e376f3e1842',
  ImportRuns: '3ae5c85da9129776abbe0124574c083d8fba3f0add0e162550b5929c74c56745',
  ImportUpload: '8059b5f03d16840d132a18ccc13801ebf4915ac2d446a139ff38498cdcf6550d',
  LinkCaseReportRun: '76ab830ec97a5d9682685808e89a21f3bd01d79a9b8c1dd8ff25da0aa26541d9',
  Me: 'aa4215152551c9e286cb37d63947af733a5ad4515b76fc42f86825eabff6beba',
  Neighborhood: '944faf10517d6283a09f108e3f86c441cec1280e4ca4626014e50109ab2a187c',
  Penetration: '65fbe23a820b6885dc41386b11e62d5154f64ad185a35f95991e5c8ab1194150',
  Profile: '30cb682d4213b43089a8c749b2812ac7b26218305fe69177d9c4b92c67dbb30e',
  Relations: '05841c212ff89fcd3972f8157d22645af33b7d9db5c813ea8bed33807c37d83b',
  ReportDelete: '7d008a6c9dd1bd28150836ec51829b1e67c98d7cac5d2b76f70ec00cb500dd93',
  ReportInbox: '5b1f02f22519a8c50a56c490541e30c14f1a0eb6ae650c28128d1a825939f52c',
  ReportMarkRead: 'd7c2ab4893f519faa0529914d2fb5781d5616b4e7131e946dfbb236cb68fb8c8',
  ReportRunDiff: 'b957aa98b431f5265bfe01f861f9769461767eabd908662a47dc6029beefd3ab',
  ReportRunDocument: 'db0eb175b4ba5f2ac6f74c73a7efcf21b58ad399dc5ee4c285319a91926ffd9e',
  ReportRunNow: '874a2acb71345b447ecef515e63b320ecac6d163fa1c30412d50ee2d17cf6c07',
  ReportRuns: 'c4a69c1338b24bc9593990ca93e59247f4da837f6e5eada741021576ba597b7f',
  ReportSavedQueries: '1c5aecbf2d7e11bc19347f7253fcb442cf587fd22424a9664a935f744617ad8a',
  ReportSavedQuery: 'ef079d7441fd90d9fa65e9248d772d3dcac25d2957a25d8a87cc66f58824eea9',
  ReportSchedule: '2e98b1ffc37afd383fb1caeca5349cd19a1ccdcb1e2ac8cf52899bd03bc77cda',
  ReportShare: '2ddcd57d8717746bd007d56b1692af88c0fe3bf80f059ec8f1aafc8610d168a0',
  ResumeImport: '9e2bdd6d21e2e08d9836ab8193b72b7de273370bf1de719e562930bcc230dab3',
  RetractImport: '544d6d43326a0124f6e1344cfc2699ec537c5e10a3845eb9a1a982471d0c229c',
  RunAnalysis: '492e230ad035d78a7dd1985260889471de034593573b717c35ab6ddcae1668e2',
  SaveAnalysisAsReport: '49d6ce994a7fb0f84824aa2f91962362a01d95b8d23b465f1f54d11094dc2b6c',
  SaveCaseCanvas: 'e90cf3c37f58ec2e1fc0e6057f38caf65d2fea503cb8840c04073334496c8985',
  Search: '231caa8fd8333a8472fb59e3de2774b0662839ced291914c746de2e15b768851',
  SetQueryReason: '5e5cd75560bb4e8d74620fa659e245b03ca0884db7b8b654882cb77d65574f26',
  ShareCase: '622e39692674cbf437f30372a2005b6979b27d5538ecbe70ec8c681c02958cb4',
  SignIn: 'c02dbe5491e078db6fb1a5e2476490bb73d668aaa69872d76e33923b35d0162a',
  SignOut: '06562a4643f1d41111c4f2edc22f3adf88348b04a76a979592af164d785a7b6d',
  StartImport: 'e2cec814eb25d0c70de8e472d1b39c1cd1a0e4726196294066e9997882d384b1',
  UnshareCase: '20a8b24022aeb13becf863791be320e520d4e5a82bdc7965d63fb4af655747fb',
} as const;

/** Each operation's result and variables types, by operation name. */
export interface Operations {
  AddCaseNote: { result: AddCaseNoteMutation; variables: AddCaseNoteMutationVariables };
  AddCaseRelation: { result: AddCaseRelationMutation; variables: AddCaseRelationMutationVariables };
  AdminCreateUser: { result: AdminCreateUserMutation; variables: AdminCreateUserMutationVariables };
  AdminKeywordLists: { result: AdminKeywordListsQuery; variables: AdminKeywordListsQueryVariables };
  AdminListTypes: { result: AdminListTypesQuery; variables: AdminListTypesQueryVariables };
  AdminResetPassword: { result: AdminResetPasswordMutation; variables: AdminResetPasswordMutationVariables };
  AdminSetKeywordLists: { result: AdminSetKeywordListsMutation; variables: AdminSetKeywordListsMutationVariables };
  AdminSetListTypes: { result: AdminSetListTypesMutation; variables: AdminSetListTypesMutationVariables };
  AdminSignOutUser: { result: AdminSignOutUserMutation; variables: AdminSignOutUserMutationVariables };
  AdminUnlockUser: { result: AdminUnlockUserMutation; variables: AdminUnlockUserMutationVariables };
  AdminUpdateUser: { result: AdminUpdateUserMutation; variables: AdminUpdateUserMutationVariables };
  AdminUsers: { result: AdminUsersQuery; variables: AdminUsersQueryVariables };
  AdminVocabularyHistory: { result: AdminVocabularyHistoryQuery; variables: AdminVocabularyHistoryQueryVariables };
  AnalysisCatalogue: { result: AnalysisCatalogueQuery; variables: AnalysisCatalogueQueryVariables };
  AnalysisVocabularies: { result: AnalysisVocabulariesQuery; variables: AnalysisVocabulariesQueryVariables };
  AuditExport: { result: AuditExportQuery; variables: AuditExportQueryVariables };
  AuditLog: { result: AuditLogQuery; variables: AuditLogQueryVariables };
  AuditVerify: { result: AuditVerifyQuery; variables: AuditVerifyQueryVariables };
  CaseCanvas: { result: CaseCanvasQuery; variables: CaseCanvasQueryVariables };
  CaseFile: { result: CaseFileQuery; variables: CaseFileQueryVariables };
  Cases: { result: CasesQuery; variables: CasesQueryVariables };
  ChangePassword: { result: ChangePasswordMutation; variables: ChangePasswordMutationVariables };
  Company: { result: CompanyQuery; variables: CompanyQueryVariables };
  CreateCase: { result: CreateCaseMutation; variables: CreateCaseMutationVariables };
  CreateCaseCanvas: { result: CreateCaseCanvasMutation; variables: CreateCaseCanvasMutationVariables };
  DecideSamePerson: { result: DecideSamePersonMutation; variables: DecideSamePersonMutationVariables };
  DeleteCase: { result: DeleteCaseMutation; variables: DeleteCaseMutationVariables };
  DeleteCaseRelation: { result: DeleteCaseRelationMutation; variables: DeleteCaseRelationMutationVariables };
  ExpandNode: { result: ExpandNodeQuery; variables: ExpandNodeQueryVariables };
  ImportRun: { result: ImportRunQuery; variables: ImportRunQueryVariables };
  ImportRuns: { result: ImportRunsQuery; variables: ImportRunsQueryVariables };
  ImportUpload: { result: ImportUploadQuery; variables: ImportUploadQueryVariables };
  LinkCaseReportRun: { result: LinkCaseReportRunMutation; variables: LinkCaseReportRunMutationVariables };
  Me: { result: MeQuery; variables: MeQueryVariables };
  Neighborhood: { result: NeighborhoodQuery; variables: NeighborhoodQueryVariables };
  Penetration: { result: PenetrationQuery; variables: PenetrationQueryVariables };
  Profile: { result: ProfileQuery; variables: ProfileQueryVariables };
  Relations: { result: RelationsQuery; variables: RelationsQueryVariables };
  ReportDelete: { result: ReportDeleteMutation; variables: ReportDeleteMutationVariables };
  ReportInbox: { result: ReportInboxQuery; variables: ReportInboxQueryVariables };
  ReportMarkRead: { result: ReportMarkReadMutation; variables: ReportMarkReadMutationVariables };
  ReportRunDiff: { result: ReportRunDiffQuery; variables: ReportRunDiffQueryVariables };
  ReportRunDocument: { result: ReportRunDocumentQuery; variables: ReportRunDocumentQueryVariables };
  ReportRunNow: { result: ReportRunNowMutation; variables: ReportRunNowMutationVariables };
  ReportRuns: { result: ReportRunsQuery; variables: ReportRunsQueryVariables };
  ReportSavedQueries: { result: ReportSavedQueriesQuery; variables: ReportSavedQueriesQueryVariables };
  ReportSavedQuery: { result: ReportSavedQueryQuery; variables: ReportSavedQueryQueryVariables };
  ReportSchedule: { result: ReportScheduleMutation; variables: ReportScheduleMutationVariables };
  ReportShare: { result: ReportShareMutation; variables: ReportShareMutationVariables };
  ResumeImport: { result: ResumeImportMutation; variables: ResumeImportMutationVariables };
  RetractImport: { result: RetractImportMutation; variables: RetractImportMutationVariables };
  RunAnalysis: { result: RunAnalysisQuery; variables: RunAnalysisQueryVariables };
  SaveAnalysisAsReport: { result: SaveAnalysisAsReportMutation; variables: SaveAnalysisAsReportMutationVariables };
  SaveCaseCanvas: { result: SaveCaseCanvasMutation; variables: SaveCaseCanvasMutationVariables };
  Search: { result: SearchQuery; variables: SearchQueryVariables };
  SetQueryReason: { result: SetQueryReasonMutation; variables: SetQueryReasonMutationVariables };
  ShareCase: { result: ShareCaseMutation; variables: ShareCaseMutationVariables };
  SignIn: { result: SignInMutation; variables: SignInMutationVariables };
  SignOut: { result: SignOutMutation; variables: SignOutMutationVariables };
  StartImport: { result: StartImportMutation; variables: StartImportMutationVariables };
  UnshareCase: { result: UnshareCaseMutation; variables: UnshareCaseMutationVariables };
}

export type OperationName = keyof Operations;
