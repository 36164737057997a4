import { z } from 'zod';
import { int } from '../../../cypher/values.ts';
import { neighborhood } from '../../../analyses/neighborhood.ts';
import type { ApiContext } from '../../context.ts';
import { apiError } from '../../errors.ts';

const searchArgs = z.object({ text: z.string().trim().min(1).max(200), limit: z.number().int().min(1).max(100) });
const keyArg = z.string().trim().min(1).max(100);
const neighborhoodArgs = z.object({ key: keyArg, depth: z.number().int().min(1).max(3), limit: z.number().int().min(1).max(1000) });

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw apiError('BAD_INPUT', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  return parsed.data;
}

/** Lucene syntax characters in user text are escaped, and the text is searched as one phrase. */
export function phraseQuery(text: string): string {
  return `"${text.replace(/[\\"]/g, '\\$&')}"`;
}

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

export const entitiesResolvers = {
  Query: {
    search: async (_: unknown, args: unknown, { graph }: ApiContext) => {
      const { text, limit } = parse(searchArgs, args);
      return graph.read('entities/search', { text, phrase: phraseQuery(text), limit: int(limit) });
    },
    company: async (_: unknown, args: { key: unknown }, { graph }: ApiContext) => {
      const key = parse(keyArg, args.key);
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
    neighborhood: async (_: unknown, args: unknown, { graph }: ApiContext) => {
      const params = parse(neighborhoodArgs, args);
      const network = await neighborhood(graph, params);
      if (!network) throw apiError('NOT_FOUND', params.key);
      return network;
    },
  },
};
