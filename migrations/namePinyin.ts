import { pinyinForms, pinyinFormsOfAll } from '../model/names.ts';
import { inKeyPages, type Migration } from './migration.ts';

/**
 * Migration 3: names in pinyin (issue 12, search). An import now writes, beside each firm's and
 * person's name, its full pinyin and initials (model/names.ts pinyinForms), and a firm's former
 * names' too, so that `nanjingxinghe` or `njxh` finds 南京兴和… from a text index. A store written
 * before has names without them: this computes them once, a page of nodes at a time, each page in
 * its own transaction. The values are what an import would write, so running it again changes
 * nothing.
 */

interface FirmRow {
  key: string;
  name: string | null;
  formerNames: string[] | null;
}

export const namePinyin: Migration = {
  version: 3,
  name: 'name-pinyin',
  description: {
    zh: '为企业名称、曾用名和人员姓名写入拼音（全拼和首字母），供拼音检索',
    en: 'names in pinyin: firm names, former names and person names get their full pinyin and initials, for search by pinyin',
  },
  async up(graph) {
    const firms = await inKeyPages<FirmRow>(graph, 'migrations/003_firm_names', async (page) => {
      const rows = page.map((f) => ({
        key: f.key,
        namePinyin: f.name === null ? null : pinyinForms(f.name, 'firm'),
        formerNamesPinyin: f.formerNames && f.formerNames.length > 0 ? pinyinFormsOfAll(f.formerNames, 'firm') : null,
      }));
      await graph.write('migrations/003_firm_pinyin', { rows });
    });
    const persons = await inKeyPages<{ key: string; name: string | null }>(graph, 'migrations/003_person_names', async (page) => {
      const rows = page.map((p) => ({ key: p.key, namePinyin: p.name === null ? null : pinyinForms(p.name, 'person') }));
      await graph.write('migrations/003_person_pinyin', { rows });
    });
    return { zh: `${firms} 家企业、${persons} 名人员写入姓名拼音`, en: `pinyin written for ${firms} firms and ${persons} persons` };
  },
};
