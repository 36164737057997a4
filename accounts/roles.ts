/**
 * The roles of an office's users, with separation of duties (三员分立, 等保 level 3): the system
 * administrator manages accounts and vocabularies but sees no case data, the auditor reads the
 * audit trail and nothing else, and the users who work with the data are investigators,
 * regulators and viewers. Which operation each role may run is declared next to the GraphQL
 * schema (server/modules/*.graphql, `@requiresScopes`), not here: this module only names them.
 */
export const roles = ['sysadmin', 'auditor', 'investigator', 'regulator', 'viewer'] as const;
export type Role = (typeof roles)[number];

export const roleTitles: Record<Role, { zh: string; en: string }> = {
  sysadmin: { zh: '系统管理员', en: 'System administrator' },
  auditor: { zh: '安全审计员', en: 'Auditor' },
  investigator: { zh: '侦查员', en: 'Investigator' },
  regulator: { zh: '监管人员', en: 'Regulator' },
  viewer: { zh: '查阅人员', en: 'Viewer' },
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (roles as readonly string[]).includes(value);
}

/**
 * Whether output to this reader may carry full ID numbers: only an investigator, and only with a
 * recorded reason (查询事由) for the session or the query. Everyone else reads them masked.
 */
export function mayReadFullIdNumbers(role: Role | null | undefined, reason: string | null | undefined): boolean {
  return role === 'investigator' && typeof reason === 'string' && reason.trim().length > 0;
}
