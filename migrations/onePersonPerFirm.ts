import { resolvePersonsInFirms } from '../importers/passes/persons.ts';
import type { Migration } from './migration.ts';

/**
 * Migration 2: one person per firm (issue 10 §3). Before it, a firm's legal representative named by
 * name only in the registration file and again, with an ID number, in its officers file were two
 * persons. The import pass that now resolves such mentions runs once over every firm of the store:
 * a mention without a full ID number merges into the one person of that name in the same firm whose
 * number does not contradict it; the merged-away key stays valid as an alias. Resolution goes firm
 * batch by firm batch, each in its own transaction, and a mention already merged is no longer a
 * mention, so running it again changes nothing.
 */
export const onePersonPerFirm: Migration = {
  version: 2,
  name: 'one-person-per-firm',
  description: {
    zh: '同一企业中同名、证件号码不矛盾的人员合并为一人，原标识保留为别名',
    en: "one person per firm: a firm's same-name mentions whose ID numbers do not contradict become one person, the old keys kept as aliases",
  },
  async up(graph) {
    const { merged, split, proposed } = await resolvePersonsInFirms(graph, { scope: 'all' }, { by: 'migration-2-one-person-per-firm' });
    return {
      zh: `合并 ${merged} 处人员记载，拆回 ${split} 处，提出疑似同一人 ${proposed} 对`,
      en: `${merged} person mentions merged, ${split} split back, ${proposed} possibly-same pairs proposed`,
    };
  },
};
