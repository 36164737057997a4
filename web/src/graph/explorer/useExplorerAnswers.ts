// The API's answers for one explorer view, each through the query cache under the same key
// useApiQuery gives it (apiQueryOptions): a centre's network, one hop around each expanded
// node, the opened pages of each supernode, and the paths between the parties asked about. Undo of
// a filter or a collapse finds its earlier answers in the cache and redraws without a request.

import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { useRef } from 'react';
import { apiQueryOptions } from '../../api/hooks.ts';
import type { OperationName, Operations } from '../../api/generated.ts';
import { serverFilters, type Answers, type RelationPath, type View } from '../graphState.ts';

/** Nodes per centre; the budget caps nodes and edges together. */
const CENTRE_LIMIT = 300;
const BUDGET = 2000;

function apiQuery<N extends OperationName>(operation: N, variables: Operations[N]['variables']) {
  return {
    ...apiQueryOptions(operation, variables),
    // While a changed filter is asked again, the earlier drawing stays instead of blanking.
    placeholderData: keepPreviousData,
  };
}

export interface ExplorerAnswers {
  answers: Answers;
  loading: boolean;
  error: Error | null;
  pathsLoading: boolean;
  pathsError: Error | null;
  relations: Operations['Relations']['result']['relations'] | undefined;
}

export function useExplorerAnswers(view: View): ExplorerAnswers {
  const filters = serverFilters(view.filters);
  const opened = Object.entries(view.opened);
  // A node with more relationships than this is a supernode; each "more" opens this many of its neighbours.
  const threshold = view.supernodeThreshold;

  const centres = useQueries({
    queries: view.centres.map((key) =>
      apiQuery('Neighborhood', { key, depth: view.depth, limit: CENTRE_LIMIT, budget: BUDGET, supernodeThreshold: threshold, ...filters }),
    ),
  });
  const expansions = useQueries({
    queries: view.expanded.map((key) =>
      apiQuery('Neighborhood', { key, depth: 1, limit: CENTRE_LIMIT, budget: BUDGET, supernodeThreshold: threshold, ...filters }),
    ),
  });
  const pages = useQueries({
    queries: opened.map(([key, count]) =>
      apiQuery('ExpandNode', { key, first: Math.min(1000, count * threshold), supernodeThreshold: threshold, ...filters }),
    ),
  });
  const relations = useQuery({
    ...apiQuery('Relations', { parties: [...view.pathParties], k: 3, activeOnly: view.filters.activeOnly }),
    placeholderData: undefined,
    enabled: view.pathParties.length >= 2,
  });

  const rel = relations.data?.relations;
  const paths: RelationPath[] = rel ? (rel.connection ? rel.connection.paths : rel.pairs.flatMap((p) => p.paths)) : [];
  const all = [...centres, ...expansions, ...pages];
  const next: Answers = {
    centres: centres.map((q) => q.data?.neighborhood),
    expansions: new Map(view.expanded.map((id, i) => [id, expansions[i]?.data?.neighborhood])),
    opened: new Map(opened.map(([id], i) => [id, pages[i]?.data?.expandNode])),
    paths: view.pathParties.length >= 2 ? paths : [],
  };
  // The same answers keep the same object, so the graph is rebuilt (and redrawn) only when one changes.
  const stable = useRef<Answers>(next);
  if (!sameAnswers(stable.current, next)) stable.current = next;
  return {
    answers: stable.current,
    loading: all.some((q) => q.isFetching),
    error: all.find((q) => q.error)?.error ?? null,
    pathsLoading: relations.isFetching,
    pathsError: relations.error,
    relations: view.pathParties.length >= 2 ? rel : undefined,
  };
}

function sameAnswers(a: Answers, b: Answers): boolean {
  const sameList = <T>(x: readonly T[], y: readonly T[]) => x.length === y.length && x.every((v, i) => v === y[i]);
  const sameMap = <T>(x: ReadonlyMap<string, T>, y: ReadonlyMap<string, T>) => x.size === y.size && [...x].every(([k, v]) => y.has(k) && y.get(k) === v);
  const samePaths = a.paths.length === b.paths.length && a.paths.every((p, i) => p === b.paths[i]);
  return sameList(a.centres, b.centres) && sameMap(a.expansions, b.expansions) && sameMap(a.opened, b.opened) && samePaths;
}
