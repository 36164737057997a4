import { parseRelationsParams, relations, type Hop } from '../../../analyses/relations.ts';
import type { ApiContext } from '../../context.ts';
import { analysisApiError } from '../../errors.ts';

/** Resolvers of paths.graphql: 查关系 between parties (analyses/relations.ts does the work). */

interface RelationsArgs {
  parties: string[];
  k?: number | null;
  maxHops?: number | null;
  relationshipTypes?: string[] | null;
  asOf?: string | null;
  fanOut?: number | null;
  timeoutMs?: number | null;
}

export const pathsResolvers = {
  RelationGroup: {
    HOLDINGS: 'holdings',
    ROLES: 'roles',
    CONTROL: 'control',
    FAMILY: 'family',
    BRANCHES: 'branches',
    MEMBERSHIPS: 'memberships',
    ADDRESSES: 'addresses',
    PHONES: 'phones',
    EMAILS: 'emails',
    WEBSITES: 'websites',
  },
  RelationHop: { relationship: (hop: Hop) => hop.type },
  SkippedHub: { relationships: (hub: { degree: number }) => hub.degree },
  Query: {
    relations: async (_: unknown, args: RelationsArgs, context: ApiContext) => {
      const { relationshipTypes, ...rest } = args;
      // Arguments left out and arguments sent as null both mean: use the default.
      const given = Object.fromEntries(Object.entries({ ...rest, types: relationshipTypes }).filter(([, v]) => v !== null && v !== undefined));
      try {
        return await relations(context.graph, parseRelationsParams(given));
      } catch (error) {
        throw analysisApiError(error);
      }
    },
  },
};
