import type { Graph } from '../cypher/run.ts';
import { auditKey } from '../audit/key.ts';
import { appendPending } from '../audit/pending.ts';
import { AuditTrail } from '../audit/trail.ts';
import type { Config } from './config.ts';

/**
 * The configured audit trail: the key from CHUANTOU_AUDIT_KEY or the data directory's own file,
 * the checkpoints where CHUANTOU_AUDIT_DIR says. The one place both doors (server, CLI) open it,
 * so both chain into one trail with one key — and whichever opens it first appends what was
 * recorded while the database was stopped (audit/pending.ts).
 */
export async function openAuditTrail(graph: Graph, config: Config): Promise<AuditTrail> {
  const trail = new AuditTrail(graph, { key: auditKey(config.local.dataDir, { CHUANTOU_AUDIT_KEY: config.audit.key }), checkpointDir: config.audit.checkpointDir });
  await appendPending(trail, config.audit.checkpointDir);
  return trail;
}
