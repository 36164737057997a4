import { z } from 'zod';

/**
 * Relations an investigator enters by hand (人工录入关系): what a witness said, what a bank
 * statement shows, between two firms or persons of the graph. They are leads, not registry facts:
 * stored in the case's own nodes (`:CaseRelation`, holding the parties' keys and no relationship
 * to any imported node), so no analysis, which walks the imported relationships only, can ever
 * count one as a holding or an office.
 *
 * Each carries its source — who said it, which document — and a grade on the 4×4 scale of
 * Europol and the national police forces that follow it: how reliable the source is (A–C, X) and
 * how far the information itself is known to be true (1–4). "B2" reads: a source usually reliable,
 * who knew it personally.
 */

export const relationKinds = {
  FAMILY: { zh: '亲属', en: 'family' },
  SPOUSE: { zh: '配偶', en: 'spouse' },
  NOMINEE: { zh: '代持', en: 'nominee holding' },
  ACTUAL_CONTROL: { zh: '实际控制', en: 'actual control' },
  FUNDS: { zh: '资金往来', en: 'funds transfers' },
  BUSINESS: { zh: '业务往来', en: 'business dealings' },
  EMPLOYMENT: { zh: '雇佣', en: 'employment' },
  ACQUAINTANCE: { zh: '熟识', en: 'acquaintance' },
  CONTACT: { zh: '通讯联系', en: 'communications' },
  OTHER: { zh: '其他', en: 'other' },
} as const;
export type RelationKind = keyof typeof relationKinds;

/** 4×4: how reliable the source is, from its record. */
export const sourceReliability = {
  A: { zh: '完全可靠：真实性、可信度和能力无可置疑，或一贯可靠', en: 'no doubt of authenticity, trustworthiness and competence, or a history of complete reliability' },
  B: { zh: '通常可靠：所提供信息多数经证实可靠', en: 'information from this source has in most instances proved reliable' },
  C: { zh: '通常不可靠：所提供信息多数经证实不可靠', en: 'information from this source has in most instances proved unreliable' },
  X: { zh: '无法评估', en: 'reliability cannot be assessed' },
} as const;
export type SourceReliability = keyof typeof sourceReliability;

/** 4×4: how far the information is known to be true. */
export const informationAssessment = {
  '1': { zh: '准确性无可置疑', en: 'accuracy not in doubt' },
  '2': { zh: '信息源亲知，转述人不亲知', en: 'known personally to the source but not to the officer passing it on' },
  '3': { zh: '信息源不亲知，但有其他已记录信息佐证', en: 'not known personally to the source, corroborated by information already recorded' },
  '4': { zh: '信息源不亲知，且无法佐证', en: 'not known personally to the source and cannot be corroborated' },
} as const;
export type InformationAssessment = keyof typeof informationAssessment;

const party = z.string().trim().min(1).max(300);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

export const newCaseRelation = z
  .object({
    from: party,
    to: party,
    kind: z.enum(Object.keys(relationKinds) as [RelationKind, ...RelationKind[]]),
    /** The relationship in the investigator's words: required for OTHER, a detail otherwise ("表兄弟"). */
    text: optionalText(200),
    /** Who said it (a witness, an informant's code, an officer). */
    informant: optionalText(200),
    /** Where it is written (a record of interview, a bank statement, its file number). */
    document: optionalText(300),
    sourceReliability: z.enum(Object.keys(sourceReliability) as [SourceReliability, ...SourceReliability[]]),
    informationAssessment: z.enum(Object.keys(informationAssessment) as [InformationAssessment, ...InformationAssessment[]]),
  })
  .superRefine((r, ctx) => {
    if (r.kind === 'OTHER' && !r.text) ctx.addIssue({ code: 'custom', path: ['text'], message: '“其他”关系须写明 / say what the relation is' });
    if (!r.informant && !r.document) ctx.addIssue({ code: 'custom', path: ['informant'], message: '须注明信息来源（提供人或文书）/ name the source: who said it or which document' });
    if (r.from === r.to) ctx.addIssue({ code: 'custom', path: ['to'], message: '关系的两方须不同 / the two parties must differ' });
  });
export type NewCaseRelation = z.output<typeof newCaseRelation>;

/** The relation's name as a reader sees it: the investigator's words for OTHER, else the listed name. */
export function relationLabel(kind: RelationKind, text: string | null): string {
  if (kind === 'OTHER') return text ?? relationKinds.OTHER.zh;
  return text ? `${relationKinds[kind].zh}（${text}）` : relationKinds[kind].zh;
}
