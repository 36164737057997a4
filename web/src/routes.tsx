// The app's screens by address (paths.ts builds the addresses). Each screen is its own chunk,
// loaded when first visited, so signing in does not download the penetration chart or the explorer.

import { createBrowserRouter, type RouteObject } from 'react-router';
import { App } from './App.tsx';
import { withAccess } from './shell/access.ts';

export const routes: RouteObject[] = [
  {
    path: '/',
    element: <App />,
    // Which roles may open each screen: shell/access.ts.
    children: withAccess([
      { index: true, lazy: () => import('./screens/home/HomeScreen.tsx').then((m) => ({ Component: m.HomeScreen })) },
      { path: 'entity/:key', lazy: () => import('./screens/profile/ProfileScreen.tsx').then((m) => ({ Component: m.ProfileScreen })) },
      { path: 'penetration/:key', lazy: () => import('./screens/penetration/PenetrationScreen.tsx').then((m) => ({ Component: m.PenetrationScreen })) },
      { path: 'explore', lazy: () => import('./screens/explorer/ExplorerScreen.tsx').then((m) => ({ Component: m.ExplorerScreen })) },
      { path: 'analyses', lazy: () => import('./screens/analyses/AnalysesScreen.tsx').then((m) => ({ Component: m.AnalysesScreen })) },
      { path: 'analyses/:name', lazy: () => import('./screens/analyses/AnalysesScreen.tsx').then((m) => ({ Component: m.AnalysesScreen })) },
      { path: 'reports', lazy: () => import('./screens/reports/ReportsScreen.tsx').then((m) => ({ Component: m.ReportsScreen })) },
      { path: 'reports/:id', lazy: () => import('./screens/reports/ReportScreen.tsx').then((m) => ({ Component: m.ReportScreen })) },
      { path: 'reports/:id/runs/:runId', lazy: () => import('./screens/reports/ReportRunScreen.tsx').then((m) => ({ Component: m.ReportRunScreen })) },
      { path: 'inbox', lazy: () => import('./screens/reports/InboxScreen.tsx').then((m) => ({ Component: m.InboxScreen })) },
      { path: 'imports', lazy: () => import('./screens/imports/ImportsScreen.tsx').then((m) => ({ Component: m.ImportsScreen })) },
      { path: 'imports/:runId', lazy: () => import('./screens/imports/ImportRunScreen.tsx').then((m) => ({ Component: m.ImportRunScreen })) },
      { path: 'cases', lazy: () => import('./screens/cases/CasesScreen.tsx').then((m) => ({ Component: m.CasesScreen })) },
      { path: 'cases/:id', lazy: () => import('./screens/cases/CaseScreen.tsx').then((m) => ({ Component: m.CaseScreen })) },
      { path: 'admin/accounts', lazy: () => import('./screens/admin/AccountsScreen.tsx').then((m) => ({ Component: m.AccountsScreen })) },
      { path: 'admin/vocabularies', lazy: () => import('./screens/admin/VocabulariesScreen.tsx').then((m) => ({ Component: m.VocabulariesScreen })) },
      { path: 'audit', lazy: () => import('./screens/audit/AuditLogScreen.tsx').then((m) => ({ Component: m.AuditLogScreen })) },
      // 修改密码 is open to every role, so the shell draws it (App.tsx); the route only makes the address known.
      { path: 'account/password', element: null },
      { path: '*', lazy: () => import('./screens/home/NotFound.tsx').then((m) => ({ Component: m.NotFound })) },
    ]),
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
