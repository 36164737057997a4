// Which roles may open which screen: one table, keyed by the route's path as routes.tsx spells it
// (the index route is '/'). routes.tsx attaches each entry to its route (withAccess); the shell
// shows the 403 page for a route the signed-in role may not open. The server refuses the data
// anyway (every operation is authorized there); this keeps a role from a screen that could only
// fail, and says why instead of showing a blank or broken screen.

import type { RouteObject } from 'react-router';
import type { Role } from '../api.ts';
import { paths } from '../paths.ts';

const everyone: readonly Role[] = ['investigator', 'regulator', 'viewer', 'sysadmin', 'auditor'];
const caseData: readonly Role[] = ['investigator', 'regulator'];

/** Route path → the roles that may open it. A route missing here is open to nobody (routes.tsx wraps every route). */
export const routeAccess: Readonly<Record<string, readonly Role[]>> = {
  '/': caseData,
  'entity/:key': caseData,
  'penetration/:key': caseData,
  explore: caseData,
  analyses: caseData,
  'analyses/:name': caseData,
  // A viewer reads the reports shared with them, and their runs; the inbox is of watches they own.
  reports: [...caseData, 'viewer'],
  'reports/:id': [...caseData, 'viewer'],
  'reports/:id/runs/:runId': [...caseData, 'viewer'],
  inbox: caseData,
  imports: ['investigator'],
  'imports/:runId': ['investigator'],
  cases: caseData,
  'cases/:id': caseData,
  'admin/accounts': ['sysadmin'],
  // Read by every role the vocabulary API answers (the working roles look up what a type means); edited by the sysadmin.
  'admin/vocabularies': ['sysadmin', ...caseData],
  audit: ['auditor'],
  'account/password': everyone,
  '*': everyone,
};

/** Where a role starts: the first screen of its work. */
const homes: Record<Role, string> = {
  investigator: paths.home(),
  regulator: paths.home(),
  viewer: paths.reports(),
  sysadmin: paths.accounts(),
  auditor: paths.auditLog(),
};

export function homeOf(role: Role): string {
  return homes[role];
}

/** What routes.tsx attaches to a route (its `handle`), read by the shell through useMatches. */
export interface AccessHandle {
  access: readonly Role[];
}

export function isAccessHandle(handle: unknown): handle is AccessHandle {
  return typeof handle === 'object' && handle !== null && Array.isArray((handle as AccessHandle).access);
}

export function mayOpen(role: Role, routePath: string): boolean {
  return routeAccess[routePath]?.includes(role) ?? false;
}

/** The routes with their access from the table attached, so no route is drawn without a say in it. */
export function withAccess(children: RouteObject[]): RouteObject[] {
  return children.map((route) => {
    const key = route.index ? '/' : (route.path ?? '');
    const handle: AccessHandle = { access: routeAccess[key] ?? [] };
    return { ...route, handle } as RouteObject;
  });
}
