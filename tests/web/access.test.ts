// Which roles may open which screen (web/src/shell/access.ts): every route has its say, each role's
// home and menu lead only to screens it may open, and separation of duties holds — the sysadmin
// and the auditor see no case data, a viewer only reports.

import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../web/src/api.ts';
import { paths } from '../../web/src/paths.ts';
import { homeOf, mayOpen, routeAccess, withAccess } from '../../web/src/shell/access.ts';
import { menuFor } from '../../web/src/shell/menu.ts';

const roles: Role[] = ['investigator', 'regulator', 'viewer', 'sysadmin', 'auditor'];

/** The route a path of the app belongs to, as routes.tsx spells it. */
function routeOf(pathname: string): string {
  if (pathname === '/') return '/';
  const segments = pathname.replace(/^\//, '').split('/');
  const found = Object.keys(routeAccess).find((route) => {
    const parts = route.split('/');
    return parts.length === segments.length && parts.every((p, i) => p.startsWith(':') || p === segments[i]);
  });
  return found ?? '*';
}

describe('route access', () => {
  it('has an entry for every route routes.tsx declares', () => {
    const source = fs.readFileSync('web/src/routes.tsx', 'utf8');
    const declared = [...source.matchAll(/\{ (?:path: '([^']+)'|index: true)/g)].map((m) => m[1] ?? '/');
    expect(declared.length).toBeGreaterThan(10);
    expect(declared.filter((route) => !(route in routeAccess))).toEqual([]);
    expect(source).toContain('children: withAccess([');
  });

  it('attaches the table’s roles to each route, and no role to a route the table does not know', () => {
    const [index, analyses, unknown] = withAccess([{ index: true }, { path: 'analyses' }, { path: 'nowhere' }]);
    expect(index!.handle).toEqual({ access: ['investigator', 'regulator'] });
    expect(analyses!.handle).toEqual({ access: ['investigator', 'regulator'] });
    expect(unknown!.handle).toEqual({ access: [] });
  });

  it('starts each role on its own home, which it may open', () => {
    expect(roles.map(homeOf)).toEqual(['/', '/', '/reports', '/admin/accounts', '/audit']);
    for (const role of roles) expect(mayOpen(role, routeOf(homeOf(role)))).toBe(true);
  });

  it('lets each role open every entry of its menu', () => {
    for (const role of roles) {
      for (const item of menuFor(role)) expect([role, item.key, mayOpen(role, routeOf(item.path.split('?')[0]!))]).toEqual([role, item.key, true]);
    }
  });

  it('keeps the viewer, the sysadmin and the auditor from the case data', () => {
    const caseScreens = [paths.home(), paths.entity('k'), paths.penetration('k'), paths.explore([]), paths.analyses(), paths.analyses('flagged-controllers'), paths.imports(), paths.cases(), paths.caseFile('c')];
    for (const role of ['viewer', 'sysadmin', 'auditor'] as const) {
      for (const path of caseScreens) expect([role, path, mayOpen(role, routeOf(path.split('?')[0]!))]).toEqual([role, path, false]);
    }
    expect(mayOpen('viewer', routeOf(paths.report('r')))).toBe(true);
    expect(mayOpen('regulator', routeOf(paths.imports()))).toBe(false);
  });

  it('gives the auditor the audit log and nothing else of the app, and the audit log to the auditor alone', () => {
    const auditorRoutes = Object.keys(routeAccess).filter((route) => mayOpen('auditor', route));
    expect(auditorRoutes.sort()).toEqual(['*', 'account/password', 'audit']);
    expect(roles.filter((role) => mayOpen(role, 'audit'))).toEqual(['auditor']);
    expect(roles.filter((role) => mayOpen(role, 'admin/accounts'))).toEqual(['sysadmin']);
  });
});
