import { createContext, useContext } from 'react';
import type { Me } from '../api.ts';

/**
 * Who is signed in, for the screens under the shell. `workspace` changes when another user signs
 * in over an ended session: screens keyed on it start empty, so nothing of the last user's stays.
 */
export interface Workspace {
  me: Me;
  workspace: number;
}

export const WorkspaceContext = createContext<Workspace | null>(null);

/** The signed-in user; screens render only inside the signed-in shell, so there always is one. */
export function useWorkspace(): Workspace {
  const workspace = useContext(WorkspaceContext);
  if (!workspace) throw new Error('useWorkspace outside the signed-in shell');
  return workspace;
}
