import { z } from 'zod';
import { profile } from '../../../analyses/profile/index.ts';
import type { Provenance } from '../../../analyses/profile/sources.ts';
import type { ApiContext } from '../../context.ts';
import { apiError } from '../../errors.ts';
import { parseInput } from '../../input.ts';

/** Resolvers of profile.graphql: 一户一档 (analyses/profile/ assembles it; the output masking masks its ID numbers). */

const profileArgs = z.object({ key: z.string().trim().min(1).max(100) });

export const profileResolvers = {
  Provenance: { recordKind: (p: Provenance) => p.kind },
  Query: {
    profile: async (_: unknown, args: unknown, { graph }: ApiContext) => {
      const { key } = parseInput(profileArgs, args);
      const found = await profile(graph, key);
      if (!found) throw apiError('NOT_FOUND', key);
      return found;
    },
  },
};
