import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/**
 * Column mappings are data: one JSON file per record kind says which headers feed which field.
 * A user copies a file from importers/mappings/, edits the header lists for their source and
 * passes it with --mapping. Headers are compared after normalising width, case, spaces and brackets.
 */

const mappingSchema = z.object({
  kind: z.enum(['registrations', 'shareholders', 'officers', 'members', 'branches', 'lists', 'approvals', 'changes', 'relations', 'boFilings']),
  caption: z.object({ zh: z.string(), en: z.string() }),
  /** Fields whose headers must all be present for a file to be taken as this kind. */
  detect: z.array(z.string()).min(1),
  /** Headers whose presence means the file is some other kind (a shareholder list also names its firm). */
  notIfHeaders: z.array(z.string()),
  columns: z.record(z.string(), z.array(z.string()).min(1)),
});

export type Mapping = z.infer<typeof mappingSchema>;
export type RecordKind = Mapping['kind'];

export class MappingError extends Error {
  readonly code = 'MAPPING_INVALID';
}

const builtInDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'mappings');

export function loadMapping(file: string): Mapping {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new MappingError(`映射文件无法读取 / cannot read mapping ${file}: ${(error as Error).message}`);
  }
  const parsed = mappingSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new MappingError(`映射文件 ${file} 的字段 ${issue.path.join('.')} 有误 / invalid field in mapping: ${issue.message}`);
  }
  for (const field of parsed.data.detect) {
    if (!(field in parsed.data.columns)) throw new MappingError(`映射文件 ${file}：detect 中的 ${field} 未在 columns 中定义 / ${field} is not a column`);
  }
  return parsed.data;
}

export const builtInMappings: Mapping[] = fs
  .readdirSync(builtInDir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => loadMapping(path.join(builtInDir, f)));

export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKC')
    .replace(/[\s_\-()（）[\]【】:：*]/g, '')
    .toLowerCase();
}

/** Which column index feeds each field; the first matching header wins. */
export function matchColumns(mapping: Mapping, headers: string[]): Map<string, number> {
  const normalized = headers.map(normalizeHeader);
  const out = new Map<string, number>();
  for (const [field, aliases] of Object.entries(mapping.columns)) {
    for (const alias of aliases) {
      const at = normalized.indexOf(normalizeHeader(alias));
      if (at >= 0 && ![...out.values()].includes(at)) {
        out.set(field, at);
        break;
      }
    }
  }
  return out;
}

/** The kind whose detecting headers all appear (and none of its excluding ones), most columns matched first. */
export function detectMapping(headers: string[], mappings: Mapping[] = builtInMappings): { mapping: Mapping; columns: Map<string, number> } | null {
  const candidates = mappings
    .map((mapping) => ({ mapping, columns: matchColumns(mapping, headers) }))
    .filter(({ mapping, columns }) => {
      const excluded = new Set(mapping.notIfHeaders.map(normalizeHeader));
      return mapping.detect.every((f) => columns.has(f)) && !headers.some((h) => excluded.has(normalizeHeader(h)));
    })
    .sort((a, b) => b.columns.size - a.columns.size);
  return candidates[0] ?? null;
}
