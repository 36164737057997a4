import { parseRelationsParams, relations, type Hop } from '../../../analyses/relations.ts';
import type { ApiContext } from '../../context.ts';
import { analysisApiError } from '../../errors.ts';
import { caseRelationsTouching } from '../cases/cases.resolvers.ts';

/** Resolvers of paths.graphql: 查关系 between parties (analyses/relations.ts does the work). */

interface RelationsArgs {
  parties: string[];
  k?: number | null;
  maxHops?: number | null;
  relationshipTypes?: string[] | null;
  asOf?: string | null;
  fanOut?: number | null;
  timeoutMs?: number | null;
  caseId?: string | null;
  activeOnly?: boolean | null;
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
  // Read only when asked for, after the analysis has answered: hand-entered relations never reach it.
  RelationsResult: {
    caseRelations: (result: { caseId?: string | null; parties: { key: string }[] }, _: unknown, context: ApiContext) =>
      result.caseId ? caseRelationsTouching(context, result.caseId, result.parties.map((p) => p.key)) : null,
  },
  Query: {
    relations: async (_: unknown, args: RelationsArgs, context: ApiContext) => {
      const { relationshipTypes, caseId, ...rest } = args;
      // Arguments left out and arguments sent as null both mean: use the default.
      const given = Object.fromEntries(Object.entries({ ...rest, types: relationshipTypes }).filter(([, v]) => v !== null && v !== undefined));
      try {
        return { ...(await relations(context.graph, parseRelationsParams(given))), caseId };
      } catch (error) {
        throw analysisApiError(error);
      }
    },
  },
};
