// The query cache between the screens and the API (TanStack Query): each operation is cached by
// its name and variables, refetched when stale, shared by every screen that asks the same. The
// operation names, variables and results are the generated ones (api/generated.ts), so a screen
// never types an API shape by hand.

import { useMutation, useQuery, type UseMutationOptions, type UseQueryOptions } from '@tanstack/react-query';
import { request } from '../api.ts';
import type { OperationName, Operations } from './generated.ts';

type Result<N extends OperationName> = Operations[N]['result'];
type Variables<N extends OperationName> = Operations[N]['variables'];

/** The cache entry of one operation: keyed [operation, variables], for useQuery or useQueries alike. */
export function apiQueryOptions<N extends OperationName>(operation: N, variables: Variables<N>) {
  return {
    queryKey: [operation, variables] as const,
    queryFn: ({ signal }: { signal: AbortSignal }) => request(operation, variables, { signal }),
  };
}

/** A query operation through the cache; the key is [operation, variables]. */
export function useApiQuery<N extends OperationName>(
  operation: N,
  variables: Variables<N>,
  options: Omit<UseQueryOptions<Result<N>, Error, Result<N>, readonly [N, Variables<N>]>, 'queryKey' | 'queryFn'> = {},
) {
  return useQuery({ ...apiQueryOptions(operation, variables), ...options });
}

/** A mutation operation; invalidate what it changes in `onSuccess` (queryClient.invalidateQueries). */
export function useApiMutation<N extends OperationName>(
  operation: N,
  options: Omit<UseMutationOptions<Result<N>, Error, Variables<N>>, 'mutationFn'> = {},
) {
  return useMutation({ mutationFn: (variables: Variables<N>) => request(operation, variables), ...options });
}
