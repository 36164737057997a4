import crypto from 'node:crypto';
import { parseDate } from '../../model/values.ts';
import { normalizeName, pinyinForms } from '../../model/names.ts';
import { dateParam } from '../../cypher/values.ts';
import { requiredFirm, type FirmRef } from './parties.ts';
import { generations, writeFirmRefs } from './writeParties.ts';
import type { KindHandler } from './kind.ts';

/** A change record (变更记录): what changed, from what to what, when. */

export interface ChangeRecord {
  firm: FirmRef;
  change: { key: string; item: string; before: string | null; after: string | null; changedOn: unknown; isNameChange: boolean; normalizedBefore: string | null; pinyinBefore: string | null };
}

export const changes: KindHandler<ChangeRecord> = {
  kind: 'changes',
  convert(row, env) {
    const firm = requiredFirm(row, 'uscc', 'firmName', env.source);
    if (!firm) return null;
    const item = row.get('item');
    if (!item) {
      row.report('item', 'CHANGE_ITEM_MISSING');
      return null;
    }
    const before = row.get('before');
    const after = row.get('after');
    const dateText = row.get('changedOn');
    const iso = dateText ? parseDate(dateText) : null;
    if (dateText && !iso) row.report('changedOn', 'DATE_INVALID');
    const key = `C-${crypto.createHash('sha256').update([firm.key, item, iso ?? '', before ?? '', after ?? ''].join('\0')).digest('hex').slice(0, 24)}`;
    const isNameChange = /名称/.test(item) && !/经营|住所|地址/.test(item);
    return {
      firm,
      change: { key, item, before, after, changedOn: dateParam(iso), isNameChange, normalizedBefore: before ? normalizeName(before) : null, pinyinBefore: before ? pinyinForms(before, 'firm') : null },
    };
  },
  async write(run, batch) {
    const resolve = await writeFirmRefs(run, batch.map((r) => ({ ref: r.firm, prov: r.prov })));
    await run('import/changeRecords', {
      rows: batch.map(({ firm, change: { key, item, before, after, changedOn }, prov }) => ({ firmKey: resolve(firm.key), change: { key, item, before, after, changedOn }, prov })),
    });
    const renames = batch.filter((r) => r.change.isNameChange && r.change.before !== null);
    // A firm renamed twice in one batch: the second rename must see the first one's former name.
    for (const rows of generations(renames, (r) => resolve(r.firm.key))) {
      await run('import/formerNames', {
        rows: rows.map((r) => ({ firmKey: resolve(r.firm.key), formerName: r.change.before, normalizedFormerName: r.change.normalizedBefore, formerNamePinyin: r.change.pinyinBefore })),
      });
    }
  },
};
