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
      // One read transaction for the profile's dozen queries: one session instead of one each
      // (at 20 clients, ten sessions a profile outran the driver's pool), one view of the graph.
      const found = await graph.reading((reader) => profile(reader, key));
      if (!found) throw apiError('NOT_FOUND', key);
      return found;
    },
  },
};
