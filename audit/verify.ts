import type { GraphReader } from '../cypher/run.ts';
import { int } from '../cypher/values.ts';
import { entryHmac, type StoredEntry } from './chain.ts';
import { readCheckpoints, type Checkpoint } from './checkpoints.ts';
import type { AuditBreak, AuditHead, AuditVerification } from './types.ts';

/**
 * Checks the chain: every entry in seq order, a batch at a time, its HMAC recomputed from the one
 * before; then the head the store names and every daily checkpoint. What each finding means:
 *   AUDIT_ENTRY_ALTERED        the entry's HMAC is not what its content and the chain give: edited,
 *                              or the chain recomputed with another key (then from seq 1)
 *   AUDIT_GAP                  an entry of the chain is missing (deleted from the middle)
 *   AUDIT_TAIL_DELETED         the head or a checkpoint names an entry past the last one
 *   AUDIT_HEAD_MISMATCH        the head names the last entry with another HMAC
 *   AUDIT_CHECKPOINT_MISMATCH  a checkpoint holds another HMAC for its entry: entries up to it
 *                              were changed and the chain recomputed with the key
 *   AUDIT_CHECKPOINT_UNREADABLE a checkpoint file is not a checkpoint
 */

const BATCH = 5000;

type Message = AuditBreak['message'];

function broken(seq: number | null, code: AuditBreak['code'], message: Message, checkpoint?: string): AuditBreak {
  return checkpoint ? { seq, code, message, checkpoint } : { seq, code, message };
}

export async function verifyChain(graph: GraphReader, key: Buffer, checkpointDir: string): Promise<AuditVerification> {
  // Checkpoints before the head, the head before the entries: appends running meanwhile only
  // move things forward, so a checkpoint read first never names more than the head read after it.
  const files = readCheckpoints(checkpointDir);
  const [headRow] = await graph.read<{ seq: number; hmac: string; at: string | null }>('audit/readHead');
  const head: AuditHead | null = headRow && headRow.seq > 0 && headRow.at !== null ? { seq: headRow.seq, hmac: headRow.hmac, at: headRow.at } : null;
  const result = (entries: number, firstBroken: AuditBreak | null): AuditVerification => ({ ok: firstBroken === null, entries, checkpoints: files.length, head, firstBroken });

  const unreadable = files.find((f) => !f.ok);
  if (unreadable && !unreadable.ok) {
    return result(
      0,
      broken(
        null,
        'AUDIT_CHECKPOINT_UNREADABLE',
        {
          zh: `检查点文件 ${unreadable.file} 无法读取或内容有误：${unreadable.error}`,
          en: `the checkpoint file ${unreadable.file} cannot be read or is not a checkpoint: ${unreadable.error}`,
        },
        unreadable.file,
      ),
    );
  }
  const checkpoints = files.flatMap((f) => (f.ok ? [f.checkpoint] : []));
  const bySeq = new Map<number, Checkpoint[]>();
  for (const c of checkpoints) bySeq.set(c.seq, [...(bySeq.get(c.seq) ?? []), c]);
  // Entries appended after the head was read are not this check's business. Without a head node
  // (deleted) every entry is walked, and entries without a head are a finding.
  const until = headRow ? headRow.seq : Number.MAX_SAFE_INTEGER;

  let previous = '';
  let last = 0;
  let checked = 0;
  for (;;) {
    const rows = until === 0 ? [] : await graph.read<StoredEntry>('audit/chainBatch', { after: int(last), until: int(until), limit: int(BATCH) });
    for (const row of rows) {
      const expected = last + 1;
      if (row.seq !== expected) {
        return result(
          checked,
          broken(expected, 'AUDIT_GAP', {
            zh: `审计记录 #${expected} 缺失（下一条为 #${row.seq}），记录被删除`,
            en: `audit entry #${expected} is missing (the next is #${row.seq}): entries were deleted`,
          }),
        );
      }
      const hmac = entryHmac(key, previous, row);
      if (hmac !== row.hmac) {
        return result(
          checked,
          broken(row.seq, 'AUDIT_ENTRY_ALTERED', {
            zh: `审计记录 #${row.seq} 的校验值不符：该记录被改动${row.seq === 1 ? '，或整条链以另一密钥重新计算（或所配置的审计密钥不是写入时的密钥）' : ''}`,
            en: `audit entry #${row.seq} does not match its HMAC: the entry was altered${row.seq === 1 ? ', or the whole chain was recomputed with another key (or the configured audit key is not the one it was written with)' : ''}`,
          }),
        );
      }
      for (const c of bySeq.get(row.seq) ?? []) {
        if (c.hmac !== hmac) {
          const before = checkpoints.filter((k) => k.seq < row.seq).at(-1);
          const from = before ? before.seq + 1 : 1;
          return result(
            checked,
            broken(
              row.seq,
              'AUDIT_CHECKPOINT_MISMATCH',
              {
                zh: `审计链与检查点 ${c.file}（#${c.seq}）不符：#${from} 至 #${row.seq} 之间的记录被改动且整条链被重新计算`,
                en: `the audit chain disagrees with the checkpoint ${c.file} (#${c.seq}): entries between #${from} and #${row.seq} were altered and the chain recomputed`,
              },
              c.file,
            ),
          );
        }
      }
      previous = hmac;
      last = row.seq;
      checked++;
    }
    if (rows.length < BATCH) break;
  }

  if (!headRow && checked > 0) {
    return result(
      checked,
      broken(last, 'AUDIT_HEAD_MISMATCH', {
        zh: `审计链头缺失，而记录已到 #${last}：链头被删除`,
        en: `the chain head is missing while the entries reach #${last}: the head was deleted`,
      }),
    );
  }
  if (head && last < head.seq) {
    return result(
      checked,
      broken(last + 1, 'AUDIT_TAIL_DELETED', {
        zh: `审计链头为 #${head.seq}，但记录只到 #${last}：#${last + 1} 起的记录被删除`,
        en: `the chain head is #${head.seq} but the entries end at #${last}: entries from #${last + 1} on were deleted`,
      }),
    );
  }
  if (head && head.hmac !== previous) {
    return result(
      checked,
      broken(head.seq, 'AUDIT_HEAD_MISMATCH', {
        zh: `审计链头记载的 #${head.seq} 校验值与该记录不符`,
        en: `the chain head names entry #${head.seq} with another HMAC than the entry's`,
      }),
    );
  }
  const beyond = checkpoints.filter((c) => c.seq > last).sort((a, b) => a.seq - b.seq)[0];
  if (beyond) {
    return result(
      checked,
      broken(
        last + 1,
        'AUDIT_TAIL_DELETED',
        {
          zh: `检查点 ${beyond.file} 记载审计链已到 #${beyond.seq}，但记录只到 #${last}：#${last + 1} 起的记录被删除`,
          en: `the checkpoint ${beyond.file} records the chain at #${beyond.seq} but the entries end at #${last}: entries from #${last + 1} on were deleted`,
        },
        beyond.file,
      ),
    );
  }
  return result(checked, null);
}
