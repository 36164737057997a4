// The main menu by role. Separation of duties (三员分立) decides what each role works with: the
// sysadmin keeps accounts and vocabularies, the auditor the audit log, a viewer the reports shared
// with them; investigators and regulators work the case data. The server refuses the rest anyway
// (every operation is authorized there); the menu only leaves out what would be refused.

import type { Role } from '../api.ts';
import type { MessageKey } from '../i18n.ts';
import { paths } from '../paths.ts';

export type MenuKey = 'home' | 'explore' | 'analyses' | 'reports' | 'inbox' | 'imports' | 'cases' | 'accounts' | 'vocabularies' | 'auditLog';

export interface MenuEntry {
  key: MenuKey;
  label: MessageKey;
  path: string;
}

const entry = (key: MenuKey, path: string): MenuEntry => ({ key, label: `nav.${key}`, path });

const home = entry('home', paths.home());
const explore = entry('explore', paths.explore([]));
const analyses = entry('analyses', paths.analyses());
const reports = entry('reports', paths.reports());
const inbox = entry('inbox', paths.inbox());
const imports = entry('imports', paths.imports());
const cases = entry('cases', paths.cases());
const accounts = entry('accounts', paths.accounts());
const vocabularies = entry('vocabularies', paths.vocabularies());
const auditLog = entry('auditLog', paths.auditLog());

const byRole: Record<Role, MenuEntry[]> = {
  investigator: [home, explore, analyses, reports, inbox, cases, imports],
  regulator: [home, explore, analyses, reports, inbox, cases],
  viewer: [reports],
  sysadmin: [accounts, vocabularies],
  auditor: [auditLog],
};

export function menuFor(role: Role): MenuEntry[] {
  return byRole[role];
}

/** The entry an address belongs to (the longest matching path); a profile or chart belongs to none. */
export function menuKeyOf(role: Role, pathname: string): MenuKey | null {
  let best: MenuEntry | null = null;
  for (const item of byRole[role]) {
    const base = item.path.split('?')[0]!;
    const matches = base === '/' ? pathname === '/' : pathname === base || pathname.startsWith(`${base}/`);
    if (matches && (!best || base.length > best.path.split('?')[0]!.length)) best = item;
  }
  return best?.key ?? null;
}
