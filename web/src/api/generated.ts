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

export type NeighborhoodQueryVariables = Exact<{
  key: string | number;
  depth?: number | null | undefined;
  limit?: number | null | undefined;
}>;


export type NeighborhoodQuery = { neighborhood: { exhaustive: boolean, limitsHit: Array<string>, nodes: Array<{ id: string, kind: NetworkNodeKind, label: string, status: string | null, inactive: boolean, center: boolean }>, edges: Array<{ id: string, type: RelationshipType, source: string, target: string, ratio: number | null, role: string | null }> } };

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
  Me: 'aa4215152551c9e286cb37d63947af733a5ad4515b76fc42f86825eabff6beba',
  Neighborhood: '8455e2882cd03192b884c6cc0715893b82bf69268b7d763bf194b656b66aef80',
  Search: '231caa8fd8333a8472fb59e3de2774b0662839ced291914c746de2e15b768851',
  SetQueryReason: '5e5cd75560bb4e8d74620fa659e245b03ca0884db7b8b654882cb77d65574f26',
  SignIn: 'c02dbe5491e078db6fb1a5e2476490bb73d668aaa69872d76e33923b35d0162a',
  SignOut: '06562a4643f1d41111c4f2edc22f3adf88348b04a76a979592af164d785a7b6d',
} as const;

/** Each operation's result and variables types, by operation name. */
export interface Operations {
  ChangePassword: { result: ChangePasswordMutation; variables: ChangePasswordMutationVariables };
  Company: { result: CompanyQuery; variables: CompanyQueryVariables };
  Me: { result: MeQuery; variables: MeQueryVariables };
  Neighborhood: { result: NeighborhoodQuery; variables: NeighborhoodQueryVariables };
  Search: { result: SearchQuery; variables: SearchQueryVariables };
  SetQueryReason: { result: SetQueryReasonMutation; variables: SetQueryReasonMutationVariables };
  SignIn: { result: SignInMutation; variables: SignInMutationVariables };
  SignOut: { result: SignOutMutation; variables: SignOutMutationVariables };
}

export type OperationName = keyof Operations;
