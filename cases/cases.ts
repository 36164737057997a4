import crypto from 'node:crypto';
import { z } from 'zod';
import type { Graph } from '../cypher/run.ts';
import { int } from '../cypher/values.ts';
import type { Role } from '../accounts/roles.ts';
import { canvasContent, canvasKeys, withCurrentKeys, type CanvasContent } from './canvas.ts';
import { newCaseRelation, relationLabel, type InformationAssessment, type NewCaseRelation, type RelationKind, type SourceReliability } from './caseRelations.ts';
import { CaseError } from './errors.ts';

export { CaseError, caseErrorMessages, type CaseErrorCode, type EditConflict } from './errors.ts';
export { canvasContent, MAX_CANVAS_BYTES, MAX_CANVAS_ELEMENTS, type CanvasContent } from './canvas.ts';
export { newCaseRelation, relationKinds, sourceReliability, informationAssessment, type NewCaseRelation } from './caseRelations.ts';

/**
 * Cases (专案): an investigator's or regulator's own work on the graph — saved canvases, notes,
 * hand-entered relations, links to report runs — owned by one user and shared with named others.
 * Stored in the graph as `Case` nodes and their items (cypher/cases/), beside the imported data
 * and joined to it by keys only. Only the owner and the users a case is shared with see it; every
 * query checks that itself, so no caller can forget to, and anyone else is told NOT_FOUND, as for
 * a case that never was. A case and each canvas carry a version: a change names the version it was
 * made on, and one made on a stale version is refused with who changed it since (EDIT_CONFLICT),
 * checked and written in one Cypher write under the node's lock.
 *
 * Times are stored as epoch milliseconds (as accounts/ does) and leave as ISO strings.
 */

/** Who may own a case or be shared one; viewers get the reports made from cases, never the cases. */
export const caseHolderRoles: readonly Role[] = ['investigator', 'regulator'];

export interface CaseUser {
  name: string;
  displayName: string;
}

export interface CaseView {
  id: string;
  title: string;
  description: string | null;
  owner: CaseUser;
  sharedWith: CaseUser[];
  version: number;
  createdAt: string;
  updatedAt: string;
  updatedBy: string;
}

export interface CanvasSummary {
  id: string;
  title: string;
  /** Nodes plus edges. */
  elements: number;
  version: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

export interface CanvasView extends CanvasSummary {
  /** With every key as it answers now (merged persons followed to the survivor). */
  content: CanvasContent;
}

export interface NoteView {
  id: string;
  /** 1 for the case's first note, in the order written. */
  number: number;
  text: string;
  author: string;
  createdAt: string;
}

export interface CaseRelationView {
  id: string;
  /** The parties' keys as they answer now. */
  fromKey: string;
  toKey: string;
  kind: RelationKind;
  text: string | null;
  /** The listed name, or the investigator's words for OTHER. */
  label: string;
  informant: string | null;
  document: string | null;
  sourceReliability: SourceReliability;
  informationAssessment: InformationAssessment;
  /** The 4×4 code, e.g. "B2". */
  grade: string;
  author: string;
  createdAt: string;
}

export interface ReportRunLink {
  runId: string;
  /** The saved query the run belongs to; null when the store has no such run. */
  queryId: string | null;
  title: string;
  linkedAt: string;
  linkedBy: string;
}

/** Where the previous page of a list ended: the time and id of its last item. */
export const listPosition = z.object({ at: z.number().int(), id: z.string().max(200) });
export type ListPosition = z.infer<typeof listPosition>;

export interface ListRequest {
  /** Rows to fetch: the page plus one, to tell whether another follows. */
  limit: number;
  after: ListPosition | null;
}

const title = z.string().trim().min(1, '标题不能为空 / a title is required').max(200);
const description = z.string().trim().max(5000);

export const newCase = z.object({ title, description: description.nullish().transform((v) => v || null) });
export const caseChanges = z.object({ title: title.nullish(), description: description.nullish() });
export const noteText = z.string().trim().min(1, '笔记不能为空 / a note needs text').max(20_000);
export const canvasTitle = title;
/** A report run's id as the reports layer will issue it: checked for shape only until then. */
export const reportRunId = z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/, '报告运行标识格式不对 / not a report run id');
export const reportRunTitle = title;
export const version = z.number().int().min(1);

const iso = (ms: number) => new Date(ms).toISOString();
const nameKeyOf = (userName: string) => userName.normalize('NFKC').trim().toLowerCase();

interface StoredCase extends Omit<CaseView, 'createdAt' | 'updatedAt'> {
  createdAt: number;
  updatedAt: number;
}
interface StoredCanvas extends Omit<CanvasSummary, 'createdAt' | 'updatedAt'> {
  createdAt: number;
  updatedAt: number;
  content?: string;
}
interface StoredRelation {
  id: string;
  fromKey: string;
  toKey: string;
  kind: RelationKind;
  text: string | null;
  informant: string | null;
  document: string | null;
  sourceReliability: SourceReliability;
  informationAssessment: InformationAssessment;
  author: string;
  createdAt: number;
}

function caseView(c: StoredCase): CaseView {
  return { ...c, description: c.description ?? null, createdAt: iso(c.createdAt), updatedAt: iso(c.updatedAt) };
}

function canvasSummary(v: StoredCanvas): CanvasSummary {
  return { id: v.id, title: v.title, elements: v.elements, version: v.version, createdAt: iso(v.createdAt), createdBy: v.createdBy, updatedAt: iso(v.updatedAt), updatedBy: v.updatedBy };
}

function relationView(r: StoredRelation, current: ReadonlyMap<string, string>): CaseRelationView {
  return {
    id: r.id,
    fromKey: current.get(r.fromKey) ?? r.fromKey,
    toKey: current.get(r.toKey) ?? r.toKey,
    kind: r.kind,
    text: r.text ?? null,
    label: relationLabel(r.kind, r.text ?? null),
    informant: r.informant ?? null,
    document: r.document ?? null,
    sourceReliability: r.sourceReliability,
    informationAssessment: r.informationAssessment,
    grade: `${r.sourceReliability}${r.informationAssessment}`,
    author: r.author,
    createdAt: iso(r.createdAt),
  };
}

function afterParams(request: ListRequest) {
  return { afterAt: request.after ? int(request.after.at) : null, afterId: request.after?.id ?? null, limit: int(request.limit) };
}

const notFound = () => new CaseError('NOT_FOUND');

export class Cases {
  constructor(
    private readonly graph: Graph,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  private now(): number {
    return this.clock().getTime();
  }

  /** The key each key answers to now (cypher/analyses/currentKeys: merged persons answer with the survivor). */
  private async currentKeys(keys: readonly string[]): Promise<Map<string, string>> {
    const distinct = [...new Set(keys)];
    if (distinct.length === 0) return new Map();
    const rows = await this.graph.read<{ key: string; current: string }>('analyses/currentKeys', { keys: distinct });
    return new Map(rows.map((r) => [r.key, r.current]));
  }

  async create(userName: string, input: z.input<typeof newCase>): Promise<CaseView> {
    const { title, description } = newCase.parse(input);
    const id = crypto.randomUUID();
    const rows = await this.graph.write('cases/create', { id, user: nameKeyOf(userName), title, description, now: int(this.now()) });
    if (rows.length === 0) throw notFound();
    return this.get(userName, id);
  }

  async get(userName: string, id: string): Promise<CaseView> {
    const [row] = await this.graph.read<{ case: StoredCase }>('cases/get', { id, user: nameKeyOf(userName) });
    if (!row) throw notFound();
    return caseView(row.case);
  }

  async list(userName: string, request: ListRequest): Promise<CaseView[]> {
    const rows = await this.graph.read<{ case: StoredCase }>('cases/list', { user: nameKeyOf(userName), ...afterParams(request) });
    return rows.map((r) => caseView(r.case));
  }

  /** Changes title or description, if `expectedVersion` is the case's version; else EDIT_CONFLICT. */
  async update(userName: string, id: string, expectedVersion: number, changes: z.input<typeof caseChanges>): Promise<CaseView> {
    const parsed = caseChanges.parse(changes);
    const [row] = await this.graph.write<{ saved: boolean; version: number; updatedBy: string; updatedAt: number }>('cases/update', {
      id,
      user: nameKeyOf(userName),
      expectedVersion: int(version.parse(expectedVersion)),
      title: parsed.title ?? null,
      description: parsed.description || null,
      clearDescription: parsed.description === '',
      now: int(this.now()),
    });
    if (!row) throw notFound();
    if (!row.saved) throw conflict(row);
    return this.get(userName, id);
  }

  /** The owner alone deletes a case, with everything in it. */
  async delete(userName: string, id: string): Promise<void> {
    const rows = await this.graph.write('cases/delete', { id, user: nameKeyOf(userName) });
    if (rows.length === 0) throw notFound();
  }

  /** The owner alone shares, with an enabled investigator or regulator (USER_NOT_ELIGIBLE otherwise). */
  async share(userName: string, id: string, withUser: string): Promise<CaseView> {
    const [row] = await this.graph.write<{ shared: boolean }>('cases/share', { id, user: nameKeyOf(userName), with: nameKeyOf(withUser), roles: [...caseHolderRoles] });
    if (!row) throw notFound();
    if (!row.shared) throw new CaseError('USER_NOT_ELIGIBLE', { detail: JSON.stringify(withUser), field: 'userName' });
    return this.get(userName, id);
  }

  async unshare(userName: string, id: string, withUser: string): Promise<CaseView> {
    const rows = await this.graph.write('cases/unshare', { id, user: nameKeyOf(userName), with: nameKeyOf(withUser) });
    if (rows.length === 0) throw notFound();
    return this.get(userName, id);
  }

  async createCanvas(userName: string, caseId: string, canvasTitleText: string, content: unknown): Promise<CanvasView> {
    const checked = await this.storedContent(content);
    const [row] = await this.graph.write<{ canvas: StoredCanvas }>('cases/createCanvas', {
      caseId,
      id: crypto.randomUUID(),
      user: nameKeyOf(userName),
      title: canvasTitle.parse(canvasTitleText),
      content: JSON.stringify(checked),
      elements: int(checked.nodes.length + checked.edges.length),
      now: int(this.now()),
    });
    if (!row) throw notFound();
    return { ...canvasSummary(row.canvas), content: checked };
  }

  async canvases(userName: string, caseId: string, request: ListRequest): Promise<CanvasSummary[]> {
    await this.get(userName, caseId);
    const rows = await this.graph.read<{ canvas: StoredCanvas }>('cases/canvases', { caseId, user: nameKeyOf(userName), ...afterParams(request) });
    return rows.map((r) => canvasSummary(r.canvas));
  }

  /** A canvas with its keys as they answer now: a person merged since it was saved reads as the survivor. */
  async canvas(userName: string, caseId: string, id: string): Promise<CanvasView> {
    const [row] = await this.graph.read<{ canvas: StoredCanvas }>('cases/canvas', { caseId, id, user: nameKeyOf(userName) });
    if (!row) throw notFound();
    const stored = canvasContent.parse(JSON.parse(row.canvas.content!));
    const content = withCurrentKeys(stored, await this.currentKeys(canvasKeys(stored)));
    return { ...canvasSummary(row.canvas), content };
  }

  /**
   * Saves a canvas over `expectedVersion`: the version the editor loaded. When someone saved in
   * between, nothing is written and EDIT_CONFLICT says who and when; the editor reloads, merges by
   * eye and saves over the new version.
   */
  async saveCanvas(userName: string, caseId: string, id: string, expectedVersion: number, content: unknown, newTitle?: string | null): Promise<CanvasView> {
    const checked = await this.storedContent(content);
    const [row] = await this.graph.write<{ saved: boolean; canvas: StoredCanvas }>('cases/saveCanvas', {
      caseId,
      id,
      user: nameKeyOf(userName),
      expectedVersion: int(version.parse(expectedVersion)),
      title: newTitle === null || newTitle === undefined ? null : canvasTitle.parse(newTitle),
      content: JSON.stringify(checked),
      elements: int(checked.nodes.length + checked.edges.length),
      now: int(this.now()),
    });
    if (!row) throw notFound();
    if (!row.saved) throw conflict(row.canvas);
    return { ...canvasSummary(row.canvas), content: checked };
  }

  async deleteCanvas(userName: string, caseId: string, id: string, expectedVersion: number): Promise<void> {
    const [row] = await this.graph.write<{ deleted: boolean; version: number; updatedBy: string; updatedAt: number }>('cases/deleteCanvas', {
      caseId,
      id,
      user: nameKeyOf(userName),
      expectedVersion: int(version.parse(expectedVersion)),
    });
    if (!row) throw notFound();
    if (!row.deleted) throw conflict(row);
  }

  /** Checked (cases/canvas.ts) and with keys as they answer now, so a canvas is stored with current keys. */
  private async storedContent(content: unknown): Promise<CanvasContent> {
    const checked = canvasContent.parse(content);
    return withCurrentKeys(checked, await this.currentKeys(canvasKeys(checked)));
  }

  async addNote(userName: string, caseId: string, text: string): Promise<NoteView> {
    const [row] = await this.graph.write<{ note: NoteView & { createdAt: number } }>('cases/addNote', {
      caseId,
      id: crypto.randomUUID(),
      user: nameKeyOf(userName),
      text: noteText.parse(text),
      now: int(this.now()),
    });
    if (!row) throw notFound();
    return { ...row.note, createdAt: iso(row.note.createdAt) };
  }

  async notes(userName: string, caseId: string, request: ListRequest): Promise<NoteView[]> {
    await this.get(userName, caseId);
    const rows = await this.graph.read<{ note: NoteView & { createdAt: number } }>('cases/notes', { caseId, user: nameKeyOf(userName), ...afterParams(request) });
    return rows.map((r) => ({ ...r.note, createdAt: iso(r.note.createdAt) }));
  }

  /**
   * Records a hand-entered relation between two firms or persons of the graph (PARTY_NOT_FOUND for
   * a key naming neither), stored under the keys they answer to now.
   */
  async addRelation(userName: string, caseId: string, input: z.input<typeof newCaseRelation>): Promise<CaseRelationView> {
    const relation: NewCaseRelation = newCaseRelation.parse(input);
    await this.get(userName, caseId);
    const parties = await this.graph.read<{ key: string; current: string; exists: boolean }>('cases/parties', { keys: [relation.from, relation.to] });
    const found = new Map(parties.map((p) => [p.key, p]));
    for (const field of ['from', 'to'] as const) {
      if (!found.get(relation[field])?.exists) throw new CaseError('PARTY_NOT_FOUND', { detail: JSON.stringify(relation[field]), field: `relation.${field}` });
    }
    const { from, to, ...rest } = relation;
    const fromKey = found.get(from)!.current;
    const toKey = found.get(to)!.current;
    if (fromKey === toKey) throw new CaseError('PARTY_NOT_FOUND', { detail: '两方为同一实体 / both keys name one entity', field: 'relation.to' });
    const [row] = await this.graph.write<{ relation: StoredRelation }>('cases/addRelation', {
      caseId,
      id: crypto.randomUUID(),
      user: nameKeyOf(userName),
      relation: { fromKey, toKey, ...rest },
      now: int(this.now()),
    });
    if (!row) throw notFound();
    return relationView(row.relation, new Map());
  }

  /** The case's hand-entered relations; with `keys`, those touching one of them (keys as they answer now). */
  async relations(userName: string, caseId: string, request: ListRequest, keys: readonly string[] | null = null): Promise<CaseRelationView[]> {
    await this.get(userName, caseId);
    // A relation stored under a key merged away since answers to the survivor: ask with both.
    const asked = keys === null ? null : await this.keysAnsweringTo(keys);
    const rows = await this.graph.read<{ relation: StoredRelation }>('cases/relations', { caseId, user: nameKeyOf(userName), keys: asked, ...afterParams(request) });
    const current = await this.currentKeys(rows.flatMap((r) => [r.relation.fromKey, r.relation.toKey]));
    return rows.map((r) => relationView(r.relation, current));
  }

  /** The keys given and, for a person, the keys merged into it that a relation may still be stored under. */
  private async keysAnsweringTo(keys: readonly string[]): Promise<string[]> {
    const current = await this.currentKeys(keys);
    const rows = await this.graph.read<{ alias: string }>('cases/aliasesOf', { keys: [...new Set([...keys, ...current.values()])] });
    return [...new Set([...keys, ...current.values(), ...rows.map((r) => r.alias)])];
  }

  /** The author of a relation or the case's owner may delete it. */
  async deleteRelation(userName: string, caseId: string, id: string): Promise<void> {
    const [row] = await this.graph.write<{ deleted: boolean }>('cases/deleteRelation', { caseId, id, user: nameKeyOf(userName) });
    if (!row || !row.deleted) throw notFound();
  }

  async linkReportRun(userName: string, caseId: string, runId: string, runTitle: string): Promise<ReportRunLink> {
    const [row] = await this.graph.write<{ link: ReportRunLink & { linkedAt: number } }>('cases/linkReportRun', {
      caseId,
      runId: reportRunId.parse(runId),
      title: reportRunTitle.parse(runTitle),
      user: nameKeyOf(userName),
      now: int(this.now()),
    });
    if (!row) throw notFound();
    return { ...row.link, linkedAt: iso(row.link.linkedAt) };
  }

  async reportRuns(userName: string, caseId: string, request: ListRequest): Promise<ReportRunLink[]> {
    await this.get(userName, caseId);
    const rows = await this.graph.read<{ link: ReportRunLink & { linkedAt: number } }>('cases/reportRuns', { caseId, user: nameKeyOf(userName), ...afterParams(request) });
    return rows.map((r) => ({ ...r.link, linkedAt: iso(r.link.linkedAt) }));
  }

  async unlinkReportRun(userName: string, caseId: string, runId: string): Promise<void> {
    const [row] = await this.graph.write<{ removed: number }>('cases/unlinkReportRun', { caseId, runId, user: nameKeyOf(userName) });
    if (!row || row.removed === 0) throw notFound();
  }
}

function conflict(seen: { version: number; updatedBy: string; updatedAt: number }): CaseError {
  return new CaseError('EDIT_CONFLICT', {
    detail: `${seen.updatedBy} 于 ${iso(seen.updatedAt)} 保存了第 ${seen.version} 版 / ${seen.updatedBy} saved version ${seen.version} at ${iso(seen.updatedAt)}`,
    conflict: { currentVersion: seen.version, changedBy: seen.updatedBy, changedAt: iso(seen.updatedAt) },
  });
}
