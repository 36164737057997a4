import { z } from 'zod';
import { int } from '../../../cypher/values.ts';
import { hasEnded } from '../../../model/firmStatus.ts';
import { phrase } from '../../../analyses/fulltextQuery.ts';
import { neighborhood } from '../../../analyses/neighborhood.ts';
import type { ApiContext } from '../../context.ts';
import { apiError } from '../../errors.ts';
import { parseInput } from '../../input.ts';

const searchArgs = z.object({ text: z.string().trim().min(1).max(200), limit: z.number().int().min(1).max(100) });
const keyArg = z.string().trim().min(1).max(100);
const samePersonDecisionArgs = z.object({
  person: keyArg,
  other: keyArg,
  decision: z.enum(['confirmed', 'rejected']),
  reason: z.string().trim().min(2, '请写明核实依据 / give the reason for the decision').max(500),
});
const neighborhoodArgs = z.object({ key: keyArg, depth: z.number().int().min(1).max(3), limit: z.number().int().min(1).max(1000) });


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
      const { text, limit } = parseInput(searchArgs, args);
      return graph.read('entities/search', { text, phrase: phrase(text), limit: int(limit) });
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
      const params = parseInput(neighborhoodArgs, args);
      const network = await neighborhood(graph, params);
      if (!network) throw apiError('NOT_FOUND', params.key);
      return network;
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
