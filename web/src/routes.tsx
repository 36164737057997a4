// The app's screens by address (paths.ts builds the addresses). Each screen is its own chunk,
// loaded when first visited, so signing in does not download the penetration chart or the explorer.

import { createBrowserRouter, type RouteObject } from 'react-router';
import { App } from './App.tsx';

export const routes: RouteObject[] = [
  {
    path: '/',
    element: <App />,
    children: [
      { index: true, lazy: () => import('./screens/home/HomeScreen.tsx').then((m) => ({ Component: m.HomeScreen })) },
      { path: 'entity/:key', lazy: () => import('./screens/profile/ProfileScreen.tsx').then((m) => ({ Component: m.ProfileScreen })) },
      { path: 'penetration/:key', lazy: () => import('./screens/penetration/PenetrationScreen.tsx').then((m) => ({ Component: m.PenetrationScreen })) },
      { path: 'explore', lazy: () => import('./screens/explorer/ExplorerScreen.tsx').then((m) => ({ Component: m.ExplorerScreen })) },
      // 修改密码 is open to every role, role pages included, so the shell draws it (App.tsx); the route only makes the address known.
      { path: 'account/password', element: null },
      { path: '*', lazy: () => import('./screens/home/NotFound.tsx').then((m) => ({ Component: m.NotFound })) },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
