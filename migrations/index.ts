import { listTypeVocabulary } from './listTypeVocabulary.ts';
import { onePersonPerFirm } from './onePersonPerFirm.ts';
import { namePinyin } from './namePinyin.ts';
import type { Migration } from './migration.ts';

/**
 * The data model's migrations, in order: migration N takes a store from version N - 1 to N, and
 * the last reaches model/graph.ts MODEL_VERSION (tests/migrations/index.test.ts holds both). A store
 * written before versions were recorded is version 0. `npx chuantou db migrate` applies the ones a
 * store lacks (migrations/modelVersion.ts).
 */
export const migrations: readonly Migration[] = [listTypeVocabulary, onePersonPerFirm, namePinyin];

export type { Migration, MigrationContext } from './migration.ts';
