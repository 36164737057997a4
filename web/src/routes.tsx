// The app's screens by address (paths.ts builds the addresses). Each screen is its own chunk,
// loaded when first visited, so signing in does not download the penetration chart or the explorer.

import { createBrowserRouter, type RouteObject } from 'react-router';
import { App } from './App.tsx';

export const routes: RouteObject[] = [
  {
    path: '/',
    element: <App />,
    children: [
      { index: true, lazy: () => import('./screens/workbench/Workbench.tsx').then((m) => ({ Component: m.WorkbenchRoute })) },
      { path: 'entity/:key', lazy: () => import('./screens/profile/ProfileScreen.tsx').then((m) => ({ Component: m.ProfileScreen })) },
      { path: 'penetration/:key', lazy: () => import('./screens/penetration/PenetrationScreen.tsx').then((m) => ({ Component: m.PenetrationScreen })) },
      { path: 'explore', lazy: () => import('./screens/explorer/ExplorerScreen.tsx').then((m) => ({ Component: m.ExplorerScreen })) },
      { path: 'home', lazy: () => import('./screens/home/HomeScreen.tsx').then((m) => ({ Component: m.HomeScreen })) },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
