import type { FirmRef } from './parties.ts';
import type { RunQuery } from './kind.ts';

/**
 * Writes the firms and persons a batch refers to, before the relationships between them.
 * Firms named without a valid code are first looked up by normalised name: exactly one
 * registered firm of that name is taken to be the one meant; otherwise the name-plus-source key
 * stands (two firms of one name are never guessed between).
 */

export interface PersonWrite {
  key: string;
  props: Record<string, unknown>;
  /** For a person scoped to a firm (no full ID number): the person's key when scoped to another firm key. */
  rescope?: (firmKey: string) => string;
}

/**
 * The person as scoped to the firm that names them, once that firm's key is resolved: a firm named
 * without a code that turned out to be a registered firm scopes its people to the registered key,
 * so they are the same persons as those its registration names.
 */
export function inFirm(person: PersonWrite, namedFirmKey: string, resolve: (key: string) => string): PersonWrite {
  const firmKey = resolve(namedFirmKey);
  return person.rescope && firmKey !== namedFirmKey ? { key: person.rescope(firmKey), props: person.props } : person;
}

/** Upserts the referenced firms; returns, for each reference key, the key it resolved to. */
export async function writeFirmRefs(run: RunQuery, refs: { ref: FirmRef; prov: string }[]): Promise<(key: string) => string> {
  const names = [...new Set(refs.filter((r) => r.ref.matchByName && r.ref.props.normalizedName).map((r) => String(r.ref.props.normalizedName)))];
  const byName = new Map<string, string>();
  if (names.length > 0) {
    for (const row of await run('import/resolveFirmNames', { names })) {
      const keys = row.keys as string[];
      if (keys.length === 1) byName.set(row.name as string, keys[0]!);
    }
  }
  const resolved = new Map<string, string>();
  const rows = new Map<string, { key: string; props: Record<string, unknown>; prov: string }>();
  for (const { ref, prov } of refs) {
    const key = (ref.matchByName && byName.get(String(ref.props.normalizedName))) || ref.key;
    resolved.set(ref.key, key);
    if (!rows.has(`${key}\0${prov}`)) rows.set(`${key}\0${prov}`, { key, props: ref.props, prov });
  }
  await run('import/firmRefs', { rows: [...rows.values()] });
  return (key: string) => resolved.get(key) ?? key;
}

export async function writePersons(run: RunQuery, persons: { person: PersonWrite; prov: string }[]): Promise<void> {
  if (persons.length === 0) return;
  await run('import/persons', { rows: persons.map(({ person, prov }) => ({ key: person.key, props: person.props, prov })) });
}

/**
 * Splits rows so that no key appears twice in one statement: a statement reads every row's
 * "before" first, so a second row for the same firm in one batch would not see the first row's
 * values and its history (PriorValue, former names) would be lost. Generations run in order.
 */
export function generations<T>(rows: T[], key: (row: T) => string): T[][] {
  const seen = new Map<string, number>();
  const out: T[][] = [];
  for (const row of rows) {
    const k = key(row);
    const g = seen.get(k) ?? 0;
    seen.set(k, g + 1);
    (out[g] ??= []).push(row);
  }
  return out;
}
