/**
 * truth.json: what the files say, for the tests of the importer and the analyses. The schema is
 * the contract; generator/README.md describes each field. Firms are named by USCC (every planted
 * firm has one) and people by name and full ID number (`idShown` is what the files print: when it
 * is masked the importer keys that person per firm, and only their name and firm find them).
 */
import { provinceName } from './places.ts';
import type { BadRow, FileCounts } from './badRows.ts';
import type { Kind } from './headers.ts';
import type { PHolder } from './plan.ts';
import type { ProvinceWriter } from './province.ts';
import type { FileEncoding } from './sinks.ts';
import { World } from './world.ts';
import { SNAPSHOT_COLUMNS, SNAPSHOT_FILE } from './headers.ts';

export const GENERATOR_VERSION = 'chuantou-generator/1';

export interface FirmT {
  uscc: string;
  name: string;
}

export interface PersonT {
  name: string;
  /** The full 18-character number (the generator knows it even where the files mask it). */
  idNumber: string;
  /** What the files print for this person. */
  idShown: string;
}

export interface ControllerT extends PersonT {
  via: 'chain' | 'nominee' | 'legal-rep';
  flaggedFirms: string[];
  flaggedFirmNames: string[];
  chains?: { firm: string; path: string[]; ratios: number[] }[];
  why?: string;
}

export interface LocalEntityT extends FirmT {
  role: 'member' | 'agent' | 'broker' | 'authorised-service' | 'branch' | 'operating-address';
  memberType?: string;
  address?: string;
}

export interface VenueT extends FirmT {
  venueUscc: string;
  registeredIn: string;
  approved: boolean;
  acceptancePassed: boolean | null;
  localEntities: LocalEntityT[];
  why?: string;
}

export interface VenueMembersT extends FirmT {
  venueUscc: string;
  registeredIn: string;
  members: (FirmT & { memberType: string })[];
  why?: string;
}

export interface ChangeT extends FirmT {
  firm: string;
  item: string;
  before: string;
  after: string;
  changedOn: string;
  approval?: { documentNo: string; approvedOn: string };
}

export interface ShellClusterT {
  kind: 'address' | 'phone';
  address?: string;
  phone?: string;
  firms: string[];
  people: PersonT[];
  establishedFrom: string;
  establishedTo: string;
}

export interface SelfFinancingT {
  platform: string;
  platformName: string;
  controllers: PersonT[];
  borrowers: string[];
  selfBorrowers: string[];
  borrowerList: { listType: string; caseNo: string };
}

export interface BeneficialOwnersT {
  firm: string;
  name: string;
  rule: 'cn-2024' | 'cn-2017';
  owners: (PersonT & { effectiveRatio: number; computation: string; why?: string })[];
}

/** A file of the province: one per record kind, and the later shareholder snapshot. */
export type FileKey = Kind | 'shareholdersSnapshot';

/**
 * A holder as a shareholder row names it: a person (`idShown` is what that row printed, empty
 * when it gave the name alone) or a firm or government body by its code (USCC, or the old
 * registration number of a firm that has none: the key of its Company node either way).
 */
export interface HolderT {
  kind: 'person' | 'firm';
  name: string;
  idNumber?: string;
  idShown?: string;
  code?: string;
}

/** A ratio written as a bare fraction among percents (`0.4` beside `60%`): only the firm's sum reads it. */
export interface AmbiguousRatioT {
  file: string;
  row: number;
  firm: string;
  firmName: string;
  holder: HolderT;
  /** The cell as written. */
  value: string;
  /** The right reading, a fraction of the firm (0.4 for `0.4` read as 40%). */
  ratio: number;
  /** The reading the column's percent convention alone would give (0.004). */
  otherReading: number;
  decidedBy: 'firm-sum';
}

/** A holding with no ratio but a subscribed amount: the ratio is the amount over the registered capital. */
export interface DerivedRatioT {
  file: string;
  row: number;
  firm: string;
  firmName: string;
  holder: HolderT;
  subscribed: string;
  subscribedWan: number;
  capitalWan: number;
  ratio: number;
}

/** A holder named by name alone in one row and with an ID number in another row of the same firm. */
export interface SamePersonT {
  firm: string;
  firmName: string;
  name: string;
  idNumber: string;
  idShown: string;
  /** The shareholder row that names the holder without a number. */
  nameOnlyRow: number;
  /** The files that name them with `idShown`: the registration (legal representative), the officers. */
  withNumberIn: ('registrations' | 'officers')[];
}

export interface SnapshotT {
  file: string;
  /** The date the file is a snapshot of, written in its `column` on every row. */
  asOf: string;
  column: string;
  /** The firms it lists, each with every holder it still has, as of `asOf`. */
  firms: { firm: string; name: string; change: 'unchanged' | 'dropped' | 'replaced'; holders: (HolderT & { ratio: number })[] }[];
  /** Holdings of the first file a listed firm's snapshot does not repeat: they end at `asOf`. */
  closures: { firm: string; firmName: string; holder: HolderT; ratio: number; closedOn: string }[];
  /** Firms whose beneficial owner the snapshot replaced (beneficialOwners lists who owns them now). */
  replacedOwners: { firm: string; name: string; former: PersonT; successor: PersonT; ratio: number }[];
}

export interface ListTypesT {
  file: string;
  /** Every spelling written in the type column, with the canonical type it stands for. */
  spellings: Record<string, string>;
  /** Per canonical type: the clean rows and the distinct firms or people they name. */
  byType: Record<string, { rows: number; subjects: number }>;
  /** Spellings no vocabulary knows (imported, reported as LIST_TYPE_UNKNOWN), with their rows. */
  unknown: { spelling: string; rows: number[] }[];
}

export interface Shape {
  firms: number;
  localFirms: number;
  outOfProvinceFirms: number;
  outOfProvinceShare: number;
  movedInFirms: number;
  districts: { total: number; withFirms: number };
  holdersPerFirm: { median: number; p90: number; p99: number; max: number };
  pyramids: { count: number; bottomFirms: number; bottomShare: number; byLevels: Record<string, number> };
  /** Firms inside cycles of holdings (rings of 2–4 firms, cross-holding webs of 4–6, planted ones); webs: how many webs. */
  cycles: { firms: number; share: number; webs: number };
  stateOwned: { firms: number; heldFirms: number; heldShare: number; holders: string[] };
  persons: { distinct: number; masked: number; maskedShare: number; sharingANameShare: number };
  branches: { localInJurisdiction: number; localOutside: number; outsideHeadsHere: number };
  venues: { count: number; provinces: string[]; memberships: Record<string, number> };
  approvals: number;
  changes: number;
  listRows: number;
  agentAddresses: { count: number; largest: number; largestPer100k: number };
  sharedPhones: { phones: number; firms: number };
  badRows: { total: number; share: number; byCode: Record<string, number> };
}

export interface Truth {
  generator: string;
  seed: number;
  firms: number;
  jurisdiction: { code: string; name: string };
  demo: boolean;
  files: Record<FileKey, string>;
  encodings: Record<FileKey, FileEncoding>;
  counts: Record<FileKey, FileCounts>;
  shape: Shape;
  badRows: BadRow[];
  listTypes: ListTypesT;
  ratios: { file: string; bareRows: number; ambiguous: AmbiguousRatioT[]; derived: DerivedRatioT[] };
  snapshot: SnapshotT;
  samePersons: { count: number; firms: SamePersonT[] };
  planted: {
    flaggedControllers: ControllerT[];
    outOfProvinceVenues: VenueT[];
    unapprovedVenueMembers: VenueMembersT[];
    failedAcceptanceVenueMembers: VenueMembersT[];
    unapprovedChanges: ChangeT[];
    shellClusters: ShellClusterT[];
    selfFinancing: SelfFinancingT[];
    beneficialOwners: BeneficialOwnersT[];
  };
  decoys: {
    flaggedControllers: ControllerT[];
    outOfProvinceVenues: VenueT[];
    unapprovedVenueMembers: VenueMembersT[];
    failedAcceptanceVenueMembers: VenueMembersT[];
    unapprovedChanges: ChangeT[];
    shellClusters: ShellClusterT[];
    selfFinancing: SelfFinancingT[];
    beneficialOwners: BeneficialOwnersT[];
  };
  context: {
    agentAddresses: { address: string; firms: number }[];
    sharedPhones: { phone: string; firms: number }[];
    stateHolders: FirmT[];
  };
}

const round = (x: number, digits = 6) => Math.round(x * 10 ** digits) / 10 ** digits;

const ROLE_OF_TYPE = (type: string): LocalEntityT['role'] =>
  /代理/.test(type) ? 'agent' : /居间|经纪/.test(type) ? 'broker' : /授权|服务机构/.test(type) ? 'authorised-service' : 'member';

/** Firms inside cycles of the planted holdings (found with Tarjan's algorithm; the plan is small). */
function plantedCycleFirms(world: World): number {
  const firms = world.plan.firms;
  const edges = firms.map((f) => f.holders.flatMap((h) => ('firm' in h ? [h.firm] : [])));
  let index = 0;
  const idx = new Array<number>(firms.length).fill(-1);
  const low = new Array<number>(firms.length).fill(0);
  const onStack = new Array<boolean>(firms.length).fill(false);
  const stack: number[] = [];
  let inCycles = 0;
  const visit = (v: number): void => {
    idx[v] = low[v] = index++;
    stack.push(v);
    onStack[v] = true;
    for (const w of edges[v]!) {
      if (idx[w] === -1) {
        visit(w);
        low[v] = Math.min(low[v]!, low[w]!);
      } else if (onStack[w]) low[v] = Math.min(low[v]!, idx[w]!);
    }
    if (low[v] === idx[v]) {
      let size = 0;
      let w: number;
      do {
        w = stack.pop()!;
        onStack[w] = false;
        size++;
      } while (w !== v);
      if (size > 1) inCycles += size;
    }
  };
  for (let v = 0; v < firms.length; v++) if (idx[v] === -1) visit(v);
  return inCycles;
}

export function buildTruth(world: World, writer: ProvinceWriter, counts: Record<FileKey, FileCounts>): Truth {
  const { stats, badRows, specs, plannedBranches } = writer;
  const plan = world.plan;
  const cores = new Map<number, ReturnType<World['core']>>();
  const core = (id: number) => {
    let c = cores.get(id);
    if (!c) {
      c = world.core(world.slotOf(id));
      cores.set(id, c);
    }
    return c;
  };
  const firm = (id: number): FirmT => ({ uscc: World.code(core(id)), name: core(id).name });
  const uscc = (id: number) => World.code(core(id));
  const person = (k: number): PersonT => {
    const p = world.plantedPerson(k);
    return { name: p.name, idNumber: p.id, idShown: p.shownId };
  };
  const j = world.jurisdiction;
  const jPrefix = j.endsWith('0000') ? j.slice(0, 2) : j.slice(0, 4);

  const controllers = plan.truth.flaggedControllers.map((c): ControllerT => ({
    ...person(c.person),
    via: c.via,
    flaggedFirms: c.firms.map(uscc),
    flaggedFirmNames: c.firms.map((f) => core(f).name),
    ...(c.chains ? { chains: c.chains.map((ch) => ({ firm: uscc(ch.firm), path: ch.path.map(uscc), ratios: ch.ratios })) } : {}),
  }));
  const controllerDecoys = plan.truth.flaggedControllerDecoys.map((c): ControllerT => ({
    ...person(c.person),
    via: c.via,
    flaggedFirms: c.firms.map(uscc),
    flaggedFirmNames: c.firms.map((f) => core(f).name),
    why: c.why,
  }));

  // Venues: where each has a footprint in the jurisdiction.
  const venues = plan.truth.venues.map((v) => {
    const local: LocalEntityT[] = [];
    for (const m of plan.memberships.filter((x) => x.venue === v.venue)) {
      if (core(m.member).local) local.push({ ...firm(m.member), role: ROLE_OF_TYPE(m.memberType), memberType: m.memberType, address: m.address });
    }
    plan.branches.forEach((b, k) => {
      const written = plannedBranches[k]!;
      if (b.head === v.venue && b.district.startsWith(jPrefix)) local.push({ uscc: written.uscc, name: written.name, role: 'branch', address: written.premises });
    });
    const operating = plan.firms[v.venue]!.operatingAddress;
    if (operating) local.push({ ...firm(v.venue), role: 'operating-address', address: operating });
    const t: VenueT = { ...firm(v.venue), venueUscc: uscc(v.venue), registeredIn: v.province, approved: v.approved, acceptancePassed: v.passed, localEntities: local };
    return { plan: v, t, members: plan.memberships.filter((x) => x.venue === v.venue && core(x.member).local) };
  });
  const isLocalVenue = (v: (typeof venues)[number]) => v.plan.province.slice(0, 2) === j.slice(0, 2);
  const membersT = (v: (typeof venues)[number], why?: string): VenueMembersT => ({
    ...firm(v.plan.venue),
    venueUscc: uscc(v.plan.venue),
    registeredIn: v.plan.province,
    members: v.members.map((m) => ({ ...firm(m.member), memberType: m.memberType })),
    ...(why ? { why } : {}),
  });

  const changes = plan.truth.changeChecks.map((c): ChangeT & { approved: boolean } => ({
    ...firm(c.firm),
    firm: uscc(c.firm),
    item: c.item,
    before: c.before,
    after: c.after,
    changedOn: c.on,
    ...(c.approval ? { approval: c.approval } : {}),
    approved: c.approval !== null,
  }));

  const clusters = plan.truth.shellClusters.map(
    (c): ShellClusterT => ({
      kind: c.kind,
      ...(c.kind === 'address' ? { address: c.key } : { phone: c.key }),
      firms: c.firms.map(uscc),
      people: c.people.map(person),
      establishedFrom: c.from,
      establishedTo: c.to,
    }),
  );

  const financing = plan.truth.selfFinancing.map((s) => ({
    decoy: s.decoy,
    t: {
      platform: uscc(s.platform),
      platformName: core(s.platform).name,
      controllers: s.controllers.map(person),
      borrowers: s.borrowers.map(uscc),
      selfBorrowers: s.selfBorrowers.map(uscc),
      borrowerList: { listType: 'P2P平台借款人', caseNo: `借款人披露-${uscc(s.platform)}` },
    } satisfies SelfFinancingT,
  }));

  const owners = plan.truth.beneficialOwners.map((b) => ({
    owners: {
      firm: uscc(b.firm),
      name: core(b.firm).name,
      rule: b.rule,
      owners: b.owners.map((o) => ({ ...person(o.person), effectiveRatio: round(o.ratio, 9), computation: o.exact })),
    } satisfies BeneficialOwnersT,
    decoys: {
      firm: uscc(b.firm),
      name: core(b.firm).name,
      rule: b.rule,
      owners: b.decoys.map((o) => ({ ...person(o.person), effectiveRatio: round(o.ratio, 9), computation: o.exact, why: o.why })),
    } satisfies BeneficialOwnersT,
  }));

  const approvedPassedWithLocal = venues.filter((v) => v.plan.approved && v.plan.passed && v.members.length > 0);
  const plantedCycles = plantedCycleFirms(world);
  const byCode: Record<string, number> = {};
  for (const b of badRows) byCode[b.code] = (byCode[b.code] ?? 0) + 1;
  const totalRows = Object.values(counts).reduce((s, c) => s + c.rows, 0);
  const byLevels: Record<string, number> = {};
  for (let l = 5; l <= 8; l++) byLevels[String(l)] = stats.pyramidLevels[l]!;
  const agentLargest = Math.max(...stats.agentFirms);
  const sharedPhones = [...stats.sharedPhoneFirms.entries()].filter(([, n]) => n > 1).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const clusterPhones = new Set(clusters.flatMap((c) => (c.phone ? [c.phone] : [])));
  const memberships: Record<string, number> = {};
  for (const [type, n] of [...stats.memberTypes.entries()].sort()) memberships[type] = n;
  const distinctDistricts = world.districts.filter((d) => stats.districts.has(d)).length;

  const shape: Shape = {
    firms: stats.firms,
    localFirms: stats.local,
    outOfProvinceFirms: stats.outOfProvince,
    outOfProvinceShare: round(stats.outOfProvince / stats.firms, 4),
    movedInFirms: stats.movedIn,
    districts: { total: world.districts.length, withFirms: distinctDistricts },
    holdersPerFirm: { median: stats.holderPercentile(0.5), p90: stats.holderPercentile(0.9), p99: stats.holderPercentile(0.99), max: stats.holderPercentile(1) },
    pyramids: { count: stats.pyramids, bottomFirms: stats.pyramidBottoms, bottomShare: round(stats.pyramidBottoms / stats.firms, 4), byLevels },
    cycles: { firms: stats.structuralCycleFirms + plantedCycles, share: round((stats.structuralCycleFirms + plantedCycles) / stats.firms, 4), webs: stats.webs },
    stateOwned: { firms: stats.stateOwnedFirms, heldFirms: stats.stateHeldFirms, heldShare: round(stats.stateHeldFirms / stats.firms, 4), holders: world.bodies.map((b) => b.name) },
    persons: { distinct: stats.persons, masked: stats.maskedPersons, maskedShare: round(stats.maskedPersons / stats.persons, 4), sharingANameShare: round(stats.sameNameShare(), 4) },
    branches: { localInJurisdiction: stats.branchesLocal, localOutside: stats.branchesOut, outsideHeadsHere: stats.branchesIn },
    venues: { count: venues.length, provinces: [...new Set(venues.map((v) => provinceName(v.plan.province)))].sort(), memberships },
    approvals: stats.approvals,
    changes: stats.changes,
    listRows: stats.flagged,
    agentAddresses: { count: world.agents.length, largest: agentLargest, largestPer100k: round((agentLargest * 100_000) / stats.firms, 1) },
    sharedPhones: { phones: sharedPhones.length, firms: sharedPhones.reduce((s, [, n]) => s + n, 0) },
    badRows: { total: badRows.length, share: round(badRows.length / totalRows, 4), byCode: Object.fromEntries(Object.entries(byCode).sort()) },
  };

  const files = {} as Record<FileKey, string>;
  const encodings = {} as Record<FileKey, FileEncoding>;
  for (const [kind, spec] of Object.entries(specs) as [Kind, { file: string; encoding: FileEncoding }][]) {
    files[kind] = spec.file;
    encodings[kind] = spec.encoding;
  }
  files.shareholdersSnapshot = SNAPSHOT_FILE;
  encodings.shareholdersSnapshot = 'utf-8';

  const holderOf = (h: PHolder): HolderT => {
    if ('person' in h) return { kind: 'person', ...person(h.person) };
    if ('firm' in h) return { kind: 'firm', ...firmOf(h.firm) };
    const b = world.bodies[h.body]!;
    return { kind: 'firm', name: b.name, code: b.uscc };
  };
  const firmOf = (id: number) => ({ name: core(id).name, code: uscc(id) });
  const snapshot: SnapshotT = {
    file: SNAPSHOT_FILE,
    asOf: plan.snapshot.asOf,
    column: SNAPSHOT_COLUMNS[SNAPSHOT_COLUMNS.length - 1]![1],
    firms: plan.snapshot.firms.map((f) => ({ firm: uscc(f.firm), name: core(f.firm).name, change: f.change, holders: f.holders.map((h) => ({ ...holderOf(h), ratio: h.pct / 100 })) })),
    closures: plan.snapshot.firms.flatMap((f) =>
      f.closed.map((h) => ({ firm: uscc(f.firm), firmName: core(f.firm).name, holder: holderOf(h), ratio: h.pct / 100, closedOn: plan.snapshot.asOf })),
    ),
    replacedOwners: plan.truth.replacedOwners.map((x) => ({ firm: uscc(x.firm), name: core(x.firm).name, former: person(x.former), successor: person(x.successor), ratio: x.pct / 100 })),
  };

  const listTypes: ListTypesT = {
    file: specs.lists.file,
    spellings: Object.fromEntries([...writer.listSpellings.entries()].sort((a, b) => (a[1] + a[0] < b[1] + b[0] ? -1 : 1))),
    byType: Object.fromEntries([...writer.listTypeRows.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([t, v]) => [t, { rows: v.rows, subjects: v.subjects.size }])),
    unknown: [...writer.unknownListRows.entries()].map(([spelling, rows]) => ({ spelling, rows })),
  };

  return {
    generator: GENERATOR_VERSION,
    seed: world.seed,
    firms: world.firms,
    jurisdiction: { code: j, name: provinceName(j) },
    demo: world.demo,
    files,
    encodings,
    counts,
    shape,
    badRows,
    listTypes,
    ratios: { file: specs.shareholders.file, bareRows: writer.bareRatios, ambiguous: writer.ambiguousRatios, derived: writer.derivedRatios },
    snapshot,
    samePersons: { count: new Set(writer.samePersons.map((p) => p.firm)).size, firms: writer.samePersons },
    planted: {
      flaggedControllers: controllers,
      outOfProvinceVenues: venues.filter((v) => !isLocalVenue(v) && v.t.localEntities.length > 0).map((v) => v.t),
      unapprovedVenueMembers: venues.filter((v) => !v.plan.approved && v.members.length > 0).map((v) => membersT(v)),
      failedAcceptanceVenueMembers: venues.filter((v) => v.plan.approved && v.plan.passed === false && v.members.length > 0).map((v) => membersT(v)),
      unapprovedChanges: changes.filter((c) => !c.approved).map(({ approved: _, ...c }) => c),
      shellClusters: clusters,
      selfFinancing: financing.filter((f) => !f.decoy).map((f) => f.t),
      beneficialOwners: owners.map((o) => o.owners),
    },
    decoys: {
      flaggedControllers: controllerDecoys,
      outOfProvinceVenues: venues
        .filter((v) => v.plan.decoy === 'no-footprint')
        .map((v) => ({ ...v.t, why: 'registered and operating in its own province only: no member, branch or operating address here' })),
      unapprovedVenueMembers: approvedPassedWithLocal.map((v) =>
        membersT(v, v.plan.decoy === 'local-approved' ? 'a local firm named like a venue, with an approval from its province' : 'the venue has an approval and its province passed the acceptance'),
      ),
      failedAcceptanceVenueMembers: approvedPassedWithLocal.map((v) => membersT(v, 'the venue’s province passed the acceptance')),
      unapprovedChanges: changes.filter((c) => c.approved).map(({ approved: _, ...c }) => c),
      shellClusters: [],
      selfFinancing: financing.filter((f) => f.decoy).map((f) => f.t),
      beneficialOwners: owners.map((o) => o.decoys).filter((o) => o.owners.length > 0),
    },
    context: {
      agentAddresses: world.agents.map((a, k) => ({ address: a.address, firms: stats.agentFirms[k]! })),
      sharedPhones: sharedPhones.filter(([p]) => !clusterPhones.has(p)).map(([phone, firms]) => ({ phone, firms })),
      stateHolders: world.bodies.map((b) => ({ uscc: b.uscc, name: b.name })),
    },
  };
}
