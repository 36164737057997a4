/**
 * The end of a firm's registration, read from its 登记状态 as registries write it (DOMAIN.md §2):
 * 吊销 (licence revoked — often the fate of fundraising shells) or 注销 (deregistered). Revoked and
 * deregistered firms stay in the graph, since the people behind them are the point; this is the one
 * place that says which statuses mean a firm has ended. The text is free: '吊销，未注销' (revoked,
 * not yet deregistered) is revoked.
 */
export type FirmEnd = 'revoked' | 'deregistered';

/**
 * The words of a 登记状态 that say the firm has ended, for queries that must leave ended firms out
 * in the database (a walk over active firms only): passed to Cypher as a parameter, so this stays
 * the one place that says it.
 */
export const endedStatusMarkers: readonly string[] = ['吊销', '注销'];

export function firmEnd(status: string | null | undefined): FirmEnd | null {
  if (!status) return null;
  if (status.includes('吊销')) return 'revoked';
  if (status.includes('注销')) return 'deregistered';
  return null;
}

/** Revoked or deregistered: the firm no longer trades, and must not look like a live one. */
export function hasEnded(status: string | null | undefined): boolean {
  return firmEnd(status) !== null;
}
