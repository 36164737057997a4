// 自动生成，请勿手改 / GENERATED FILE — do not edit.
// Made by `npm run codegen` (scripts/apiCodegen.ts) from the server's schema
// (server/modules/<m>/<m>.graphql) and the web app's operations (web/src/api/operations/*.graphql).
// Change those and run `npm run codegen`; tests/web/generatedTypes.test.ts fails when this file is stale.

/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
export type EntityKind =
  | 'COMPANY'
  | 'PERSON';

/** Which way a hop walks its relationship: FORWARD as it points in the graph (holder → firm, officer → firm, firm → address), BACKWARD against it. */
export type HopDirection =
  | 'BACKWARD'
  | 'FORWARD';

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

export type SamePersonDecision =
  /** The two records are one person. */
  | 'CONFIRMED'
  /** They are two people. */
  | 'REJECTED';

export type SamePersonStatus =
  | 'CONFIRMED'
  | 'PROPOSED'
  | 'REJECTED';

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
  ChangePassword: '0cf3cc3340a9c3abb2cc0dbad5f251da42e7cb38e62d82fd1701028fdf4788a8',
  Company: '3725025a961463cb4a370cb9ed1986ad648d2c391f7a665f1698ddc0ef488793',
  DecideSamePerson: '60773245b7238c064d43a13334dd250c5eb911c6d0f3bc74f63f7e7835ac2ba5',
  ExpandNode: '85920f1b1fc3cbc2b22f3d626f60b8f1c1c212017ad524e8e3e579f59882c75c',
  Me: 'aa4215152551c9e286cb37d63947af733a5ad4515b76fc42f86825eabff6beba',
  Neighborhood: '944faf10517d6283a09f108e3f86c441cec1280e4ca4626014e50109ab2a187c',
  Penetration: '65fbe23a820b6885dc41386b11e62d5154f64ad185a35f95991e5c8ab1194150',
  Profile: '30cb682d4213b43089a8c749b2812ac7b26218305fe69177d9c4b92c67dbb30e',
  Relations: '05841c212ff89fcd3972f8157d22645af33b7d9db5c813ea8bed33807c37d83b',
  Search: '231caa8fd8333a8472fb59e3de2774b0662839ced291914c746de2e15b768851',
  SetQueryReason: '5e5cd75560bb4e8d74620fa659e245b03ca0884db7b8b654882cb77d65574f26',
  SignIn: 'c02dbe5491e078db6fb1a5e2476490bb73d668aaa69872d76e33923b35d0162a',
  SignOut: '06562a4643f1d41111c4f2edc22f3adf88348b04a76a979592af164d785a7b6d',
} as const;

/** Each operation's result and variables types, by operation name. */
export interface Operations {
  ChangePassword: { result: ChangePasswordMutation; variables: ChangePasswordMutationVariables };
  Company: { result: CompanyQuery; variables: CompanyQueryVariables };
  DecideSamePerson: { result: DecideSamePersonMutation; variables: DecideSamePersonMutationVariables };
  ExpandNode: { result: ExpandNodeQuery; variables: ExpandNodeQueryVariables };
  Me: { result: MeQuery; variables: MeQueryVariables };
  Neighborhood: { result: NeighborhoodQuery; variables: NeighborhoodQueryVariables };
  Penetration: { result: PenetrationQuery; variables: PenetrationQueryVariables };
  Profile: { result: ProfileQuery; variables: ProfileQueryVariables };
  Relations: { result: RelationsQuery; variables: RelationsQueryVariables };
  Search: { result: SearchQuery; variables: SearchQueryVariables };
  SetQueryReason: { result: SetQueryReasonMutation; variables: SetQueryReasonMutationVariables };
  SignIn: { result: SignInMutation; variables: SignInMutationVariables };
  SignOut: { result: SignOutMutation; variables: SignOutMutationVariables };
}

export type OperationName = keyof Operations;
