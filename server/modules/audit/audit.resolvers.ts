import { Writable } from 'node:stream';
import { z } from 'zod';
import { auditActions, type AuditFilter } from '../../../audit/types.ts';
import type { ApiContext } from '../../context.ts';
import { apiError } from '../../errors.ts';
import { parseInput } from '../../input.ts';

/** Resolvers of audit.graphql: reading the trail; writing it is the audit plugin's alone. */

const MAX_EXPORT = 50_000;

const isoTime = z.string().datetime({ offset: true }).or(z.string().regex(/^\d{4}-\d{2}-\d{2}$/));
const filterSchema = z
  .object({
    from: isoTime.nullish(),
    to: isoTime.nullish(),
    actor: z.string().max(200).nullish(),
    action: z.enum(auditActions).nullish(),
    outcome: z.enum(['ok', 'denied', 'failed']).nullish(),
    operation: z.string().max(200).nullish(),
  })
  .nullish();
const pageSchema = z.object({ limit: z.number().int().min(1).max(1000), offset: z.number().int().min(0).max(10_000_000) });

function filterOf(raw: unknown): AuditFilter {
  return parseInput(filterSchema, raw) ?? {};
}

export const auditResolvers = {
  AuditExportFormat: { CSV: 'csv', JSONL: 'jsonl' },
  Query: {
    auditLog: async (_: unknown, args: { filter?: unknown; limit: number; offset: number }, { audit }: ApiContext) => {
      const filter = filterOf(args.filter);
      const page = parseInput(pageSchema, { limit: args.limit, offset: args.offset });
      const [entries, total] = await Promise.all([audit.list(filter, page), audit.count(filter)]);
      return { entries, total };
    },
    auditVerify: async (_: unknown, __: unknown, { audit }: ApiContext) => {
      const result = await audit.verify();
      return {
        ok: result.ok,
        entries: result.entries,
        checkpoints: result.checkpoints,
        headSeq: result.head?.seq ?? null,
        firstBroken: result.firstBroken && {
          seq: result.firstBroken.seq,
          code: result.firstBroken.code,
          message: `${result.firstBroken.message.zh} / ${result.firstBroken.message.en}`,
          checkpoint: result.firstBroken.checkpoint ?? null,
        },
      };
    },
    auditExport: async (_: unknown, args: { filter?: unknown; format: 'csv' | 'jsonl' }, { audit }: ApiContext) => {
      const filter = filterOf(args.filter);
      const total = await audit.count(filter);
      if (total > MAX_EXPORT) throw apiError('BAD_INPUT', `${total} 条超过 ${MAX_EXPORT} 条上限，请缩小范围或使用 npx chuantou audit export / ${total} entries exceed ${MAX_EXPORT}: narrow the filter or use npx chuantou audit export`);
      const chunks: Buffer[] = [];
      const sink = new Writable({
        write(chunk, _encoding, done) {
          chunks.push(Buffer.from(chunk));
          done();
        },
      });
      await audit.export(filter, args.format, sink);
      return Buffer.concat(chunks).toString('utf8');
    },
  },
};
