import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { createRouter } from './routes.tsx';
import { nonceScriptCreatedStyles } from './shell/styleNonce.ts';
import './styles.css';

nonceScriptCreatedStyles();

const queryClient = new QueryClient({
  defaultOptions: {
    // Police data changes by import, not by the second: a minute fresh, and no refetch just
    // because the window got focus (an investigator switching windows would re-run a 穿透 walk).
    queries: { staleTime: 60_000, refetchOnWindowFocus: false, retry: false },
  },
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html lacks #root');
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={createRouter()} />
    </QueryClientProvider>
  </StrictMode>,
);
