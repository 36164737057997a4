import { z } from 'zod';
import { hasEnded } from '../../../model/firmStatus.ts';
import { search } from '../../../analyses/search.ts';
import { MAX_BUDGET, MAX_NEIGHBOUR_PAGE, neighborhood, neighbourPage, networkNodeKinds, networkRelationshipTypes } from '../../../analyses/neighborhood.ts';
import type { ApiContext } from '../../context.ts';
import { apiError } from '../../errors.ts';
import type { NetworkType } from '../../../analyses/network.ts';
import { parseInput } from '../../input.ts';
import { encodeCursor, offsetOf, offsetPage, pageArgs } from '../../pagination.ts';

const searchArgs = pageArgs.extend({
  text: z.string().trim().min(1).max(200),
  kinds: z.array(z.enum(['COMPANY', 'PERSON'])).max(2).nullish(),
});
const keyArg = z.string().trim().min(1).max(100);
const samePersonDecisionArgs = z.object({
  person: keyArg,
  other: keyArg,
  decision: z.enum(['confirmed', 'rejected']),
  reason: z.string().trim().min(2, '请写明核实依据 / give the reason for the decision').max(500),
});
const keyOrNodeId = z.string().trim().min(1).max(300);
/** The network's filters, as neighborhood and expandNode share them; GraphQL null means the default. */
const networkFilterArgs = {
  relationshipTypes: z.array(z.enum(networkRelationshipTypes as [NetworkType, ...NetworkType[]])).min(1).nullish(),
  kinds: z.array(z.enum(networkNodeKinds)).min(1).nullish(),
  activeOnly: z.boolean().nullish(),
  minRatio: z.number().min(0).max(1).nullish(),
  supernodeThreshold: z.number().int().min(1).max(500).nullish(),
};
const neighborhoodArgs = z.object({
  key: keyOrNodeId,
  depth: z.number().int().min(1).max(3).nullish(),
  limit: z.number().int().min(1).max(MAX_BUDGET).nullish(),
  budget: z.number().int().min(1).max(MAX_BUDGET).nullish(),
  ...networkFilterArgs,
});
const expandNodeArgs = z.object({
  key: keyOrNodeId,
  first: z.number().int().min(1).max(MAX_NEIGHBOUR_PAGE).nullish(),
  after: z.string().max(500).nullish(),
  ...networkFilterArgs,
});
const networkFilters = (a: z.infer<z.ZodObject<typeof networkFilterArgs>>) => ({
  types: a.relationshipTypes ?? undefined,
  kinds: a.kinds ?? undefined,
  activeOnly: a.activeOnly ?? undefined,
  minRatio: a.minRatio ?? undefined,
  fanOut: a.supernodeThreshold ?? undefined,
});


interface MoneyRow {
  amountWan: number | null;
  currency: string | null;
  text: string | null;
}
const money = ({ amountWan, currency, text }: MoneyRow) => (amountWan === null || amountWan === undefined ? null : { amountWan, currency: currency ?? 'CNY', text: text ?? '' });

interface ShareRow {
  holder: Record<string, unknown>;
  ratio: number | null;
  subscribedAmountWan: number | null;
  subscribedCurrency: string | null;
  subscribedText: string | null;
}
const shareholding = (s: ShareRow) => ({
  holder: s.holder,
  ratio: s.ratio,
  subscribedAmount: money({ amountWan: s.subscribedAmountWan, currency: s.subscribedCurrency, text: s.subscribedText }),
});

/** Whether a firm has ended is decided in one place (model/firmStatus.ts), not by each client. */
const inactive = (entity: { status?: string | null }) => hasEnded(entity.status);

interface SamePersonRow {
  person: string;
  other: Record<string, unknown>;
  firms: { key: string | null; name: string | null }[];
  status: string;
  reasons: string[] | null;
  decidedBy: string | null;
  decidedOn: string | null;
  decisionReason: string | null;
}
const samePersonLink = (r: SamePersonRow) => ({ ...r, otherFirms: r.firms.filter((f) => f.key !== null), reasons: r.reasons ?? [] });

export const entitiesResolvers = {
  SamePersonStatus: { PROPOSED: 'proposed', CONFIRMED: 'confirmed', REJECTED: 'rejected' },
  SamePersonDecision: { CONFIRMED: 'confirmed', REJECTED: 'rejected' },
  EntitySummary: { inactive },
  Company: { inactive },
  NetworkNode: { inactive },
  Query: {
    search: async (_: unknown, args: unknown, { graph }: ApiContext) => {
      const { text, kinds, first, after } = parseInput(searchArgs, args);
      const offset = offsetOf(after);
      const hits = await graph.reading((reader) => search(reader, text, { kinds, offset, limit: first + 1 }));
      return offsetPage(hits, first, offset);
    },
    company: async (_: unknown, args: { key: unknown }, { graph }: ApiContext) => {
      const key = parseInput(keyArg, args.key);
      const [row] = await graph.read<{ company: Record<string, unknown>; legalRepresentative: unknown; shareholders: ShareRow[]; holdings: ShareRow[] }>(
        'entities/company',
        { key },
      );
      if (!row) return null;
      const c = row.company;
      return {
        ...c,
        keyUnverified: c.keyUnverified === true,
        formerNames: c.formerNames ?? [],
        registeredCapital: money({ amountWan: c.registeredCapitalWan as number, currency: c.registeredCapitalCurrency as string, text: c.registeredCapitalText as string }),
        legalRepresentative: row.legalRepresentative,
        shareholders: row.shareholders.map(shareholding),
        holdings: row.holdings.map(shareholding),
      };
    },
    samePersonLinks: async (_: unknown, args: { person: unknown }, { graph }: ApiContext) =>
      (await graph.read<SamePersonRow>('persons/samePersonLinks', { key: parseInput(keyArg, args.person) })).map(samePersonLink),
    neighborhood: async (_: unknown, args: unknown, { graph }: ApiContext) => {
      const a = parseInput(neighborhoodArgs, args);
      const network = await neighborhood(graph, { key: a.key, depth: a.depth ?? undefined, limit: a.limit ?? undefined, budget: a.budget ?? undefined, ...networkFilters(a) });
      if (!network) throw apiError('NOT_FOUND', a.key);
      return network;
    },
    expandNode: async (_: unknown, args: unknown, { graph }: ApiContext) => {
      const a = parseInput(expandNodeArgs, args);
      const offset = offsetOf(a.after);
      const first = a.first ?? 100;
      const page = await neighbourPage(graph, { key: a.key, first, offset, ...networkFilters(a) });
      if (!page) throw apiError('NOT_FOUND', a.key);
      return {
        node: page.node,
        nodes: page.neighbours,
        pageInfo: { hasNextPage: page.more, endCursor: page.neighbours.length > 0 ? encodeCursor({ offset: offset + page.neighbours.length }) : null },
        totalCount: page.total,
      };
    },
  },
  Mutation: {
    decideSamePerson: async (_: unknown, args: unknown, context: ApiContext) => {
      const { person, other, decision, reason } = parseInput(samePersonDecisionArgs, args);
      const [decided] = await context.graph.write('persons/decideSamePerson', { key: person, other, status: decision, user: context.session!.user.name, reason });
      if (!decided) throw apiError('NOT_FOUND', `${person} ↔ ${other}`);
      context.auditNote.detail = `${decision === 'confirmed' ? '确认为同一人 / confirmed' : '否定为同一人 / rejected'}: ${reason}`;
      return (await context.graph.read<SamePersonRow>('persons/samePersonLinks', { key: person })).map(samePersonLink);
    },
  },
};
