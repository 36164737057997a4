import { parsePenetrationParams, penetrationTree, type PenetrationEdge } from '../../../analyses/penetrationTree.ts';
import type { ApiContext } from '../../context.ts';
import { analysisApiError } from '../../errors.ts';

/** Resolvers of penetration.graphql: the chart data of a firm's holders (analyses/penetrationTree.ts does the work). */

export const penetrationResolvers = {
  PenetrationDirection: { UP: 'up', DOWN: 'down' },
  PenetrationEdge: { relationship: (edge: PenetrationEdge) => edge.type },
  Query: {
    penetration: async (_: unknown, args: Record<string, unknown>, context: ApiContext) => {
      // Arguments left out and arguments sent as null both mean: use the default.
      const given = Object.fromEntries(Object.entries(args).filter(([, v]) => v !== null && v !== undefined));
      try {
        return await penetrationTree(context.graph, parsePenetrationParams(given));
      } catch (error) {
        throw analysisApiError(error);
      }
    },
  },
};
