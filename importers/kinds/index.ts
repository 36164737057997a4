import type { RecordKind } from '../mapping.ts';
import type { KindHandler } from './kind.ts';
import { registrations } from './registrations.ts';
import { shareholders } from './shareholders.ts';
import { officers } from './officers.ts';
import { branches } from './branches.ts';
import { members } from './members.ts';
import { approvals } from './approvals.ts';
import { changes } from './changes.ts';
import { lists } from './lists.ts';
import { relations } from './relations.ts';
import { boFilings } from './boFilings.ts';

/**
 * Every record kind, in the order an import writes them: firms are registered before rows that
 * refer to them by name, so those rows can be matched to the registered firm.
 */
export const kindHandlers: KindHandler<any>[] = [registrations, branches, shareholders, officers, members, approvals, changes, lists, relations, boFilings];

export function handlerFor(kind: RecordKind): KindHandler<any> {
  return kindHandlers.find((h) => h.kind === kind)!;
}

export const kindOrder = (kind: RecordKind) => kindHandlers.findIndex((h) => h.kind === kind);
