import { GraphQLScalarType, Kind, valueFromASTUntyped } from 'graphql';
import { analyses, analysisNames, getAnalysis, runAnalysis } from '../../../analyses/index.ts';
import { isWithin } from '../../../model/divisions.ts';
import type { ApiContext } from '../../context.ts';
import { analysisApiError, apiError } from '../../errors.ts';

/** Resolvers of analyses.graphql: the typed queries and runAnalysis all go through the registry. */

export const JSONScalar = new GraphQLScalarType({
  name: 'JSON',
  description: 'Any JSON value',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (ast, variables) => (ast.kind === Kind.NULL ? null : valueFromASTUntyped(ast, variables)),
});

/** Arguments left out and arguments sent as null both mean: use the default. */
function given(args: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(args).filter(([, v]) => v !== null && v !== undefined));
}

/**
 * The signed-in user's jurisdiction is the default of every analysis that takes one; where the
 * office enforces it (CHUANTOU_JURISDICTION_ENFORCED), a jurisdiction outside it is refused.
 */
function withJurisdiction(name: string, params: Record<string, unknown>, context: ApiContext): Record<string, unknown> {
  const user = context.session?.user;
  if (!user) return params;
  let takesJurisdiction = false;
  try {
    takesJurisdiction = 'jurisdiction' in getAnalysis(name).parameters;
  } catch {
    return params; // an unknown analysis is named as such by runAnalysis
  }
  if (!takesJurisdiction) return params;
  const asked = typeof params.jurisdiction === 'string' ? params.jurisdiction : user.jurisdiction;
  if (context.jurisdictionEnforced && !isWithin(asked, user.jurisdiction)) {
    throw apiError('OUTSIDE_JURISDICTION', `${asked} ∉ ${user.jurisdiction}`);
  }
  return { ...params, jurisdiction: asked };
}

async function run(name: string, params: Record<string, unknown>, context: ApiContext) {
  try {
    return await runAnalysis(context.graph, name, withJurisdiction(name, params, context), context.settings);
  } catch (error) {
    throw analysisApiError(error);
  }
}

export const analysesResolvers = {
  JSON: JSONScalar,
  Rules: { CN_2024: 'cn-2024', CN_2017: 'cn-2017' },
  Query: {
    analyses: () =>
      analysisNames.map((name) => {
        const a = analyses[name]!;
        return { name, titleZh: a.title.zh, titleEn: a.title.en, parameters: a.parameters };
      }),
    runAnalysis: (_: unknown, args: { name: string; params?: unknown }, context: ApiContext) => {
      if (args.params !== undefined && args.params !== null && (typeof args.params !== 'object' || Array.isArray(args.params))) {
        throw apiError('BAD_INPUT', 'params 应为对象 / params must be an object');
      }
      return run(args.name, given((args.params ?? {}) as Record<string, unknown>), context);
    },
    beneficialOwners: (_: unknown, args: Record<string, unknown>, context: ApiContext) => run('beneficial-owners', given(args), context),
    controlledFirms: (_: unknown, args: Record<string, unknown>, context: ApiContext) => run('controlled-firms', given(args), context),
  },
};
