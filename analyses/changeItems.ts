/**
 * What a change record (变更事项) changed, and which changes a venue approval (类别) covers, in the
 * spellings registers and approval lists use. Of a trading venue, changes of name, registered
 * capital, address, legal representative, major shareholders, mergers and splits, and new
 * branches need the approval of the provincial government (DOMAIN.md §5.5; 国发〔2011〕38号,
 * 国办发〔2012〕37号). An approval of a change is listed as `变更审批（<item>）`, e.g.
 * `变更审批（注册资本）`, `变更审批（法定代表人）` (generator/README.md).
 */

export const changeClasses = ['name', 'capital', 'address', 'legalRepresentative', 'shareholders', 'merger', 'split', 'branch'] as const;
export type ChangeClass = (typeof changeClasses)[number];

/** Checked in order: '股东名称变更' is a change of shareholders, '投资人(股权)变更' too. */
const RULES: readonly [ChangeClass, RegExp][] = [
  ['shareholders', /股东|投资人|出资人|股权|发起人|合伙人/],
  ['legalRepresentative', /法定代表人|法人代表|负责人/],
  ['capital', /注册资本|注册资金/],
  ['address', /住所|地址|经营场所|营业场所/],
  ['merger', /合并/],
  ['split', /分立/],
  ['branch', /分支机构|分公司|营业部|办事处/],
  ['name', /名称|字号/],
];

export const changeClassCaption: Record<ChangeClass, { zh: string; en: string }> = {
  name: { zh: '名称', en: 'name' },
  capital: { zh: '注册资本', en: 'registered capital' },
  address: { zh: '住所', en: 'address' },
  legalRepresentative: { zh: '法定代表人', en: 'legal representative' },
  shareholders: { zh: '股东', en: 'shareholders' },
  merger: { zh: '合并', en: 'merger' },
  split: { zh: '分立', en: 'split' },
  branch: { zh: '设立分支机构', en: 'new branch' },
};

const compact = (text: string) => text.normalize('NFKC').replace(/\s+/g, '');

/** The class of a change item ('注册资本变更' → capital), or null for items not screened (经营范围变更 …). */
export function changeClassOf(item: string): ChangeClass | null {
  const text = compact(item);
  return RULES.find(([, re]) => re.test(text))?.[0] ?? null;
}

/**
 * The changes an approval's category covers: `变更审批（住所）` → address; `变更审批（名称、住所）` → name
 * and address; `设立分支机构` → branch. An approval of the venue itself (商品类, 贵金属 …) covers none.
 */
export function approvedClassesOf(category: string | null): ChangeClass[] {
  if (!category) return [];
  const text = compact(category);
  if (!/变更|分支机构|分公司|合并|分立/.test(text)) return [];
  const inner = text.replace(/变更审批|审批|批准|核准|变更/g, ' ');
  return inner
    .split(/[()（）、,，;；/\s]+/)
    .filter(Boolean)
    .flatMap((part) => {
      const c = RULES.find(([, re]) => re.test(part))?.[0];
      return c ? [c] : [];
    })
    .filter((c, i, all) => all.indexOf(c) === i);
}
