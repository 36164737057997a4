import { VENUE_LIST, type KeywordListVocabulary } from '../../model/keywordLists.ts';
import type { KeywordListUse } from '../envelope.ts';

/**
 * The keyword lists the screens run with (DOMAIN.md §5.4) are the version the database holds,
 * edited by system administrators, or the shipped seed (model/data/keywordLists.json) while it
 * holds none (cypher/vocabularies.ts readKeywordLists), read once per run so that a run sees one
 * version and its report names it.
 */

/** What the envelope says about the lists a run used. */
export function keywordListUse(vocabulary: KeywordListVocabulary): KeywordListUse {
  return { vocabularyVersion: vocabulary.version, vocabularySource: vocabulary.source };
}

/** The trading-venue names (交易所, 交易中心, 交易市场) of a version: what makes a firm venue-like. Every version has the list (model/keywordLists.ts). */
export function venueKeywords(vocabulary: KeywordListVocabulary): string[] {
  return vocabulary.lists.find((l) => l.name === VENUE_LIST)!.keywords;
}
