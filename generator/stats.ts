/**
 * The shape figures, counted while the rows are written: how many holders firms have, how deep
 * the pyramids go, how many people are masked or share a name with a stranger, where branches
 * are, how many firms sit at a registration agent's address. The generator's tests recompute the
 * figures from the files themselves and compare.
 */
import { POOL_BASE, SINGLE_BASE, type Person } from './identities.ts';
import type { World, FirmCore, FirmPeople } from './world.ts';

export class Stats {
  firms = 0;
  local = 0;
  outOfProvince = 0;
  movedIn = 0;
  readonly districts = new Set<string>();
  readonly holderCounts = new Uint32Array(64);
  pyramids = 0;
  pyramidBottoms = 0;
  readonly pyramidLevels = new Uint32Array(9);
  structuralCycleFirms = 0;
  webs = 0;
  stateHeldFirms = 0;
  stateOwnedFirms = 0;
  persons = 0;
  maskedPersons = 0;
  private readonly poolSeen: Uint8Array;
  private readonly plantedSeen = new Set<number>();
  readonly nameCounts = new Map<string, number>();
  branchesLocal = 0;
  branchesOut = 0;
  branchesIn = 0;
  branchesElsewhere = 0;
  readonly memberTypes = new Map<string, number>();
  approvals = 0;
  changes = 0;
  flagged = 0;
  readonly agentFirms: Uint32Array;
  /** Firms per phone, for the phones the generator shares on purpose (agents, accountants, clusters). */
  readonly sharedPhoneFirms = new Map<string, number>();

  constructor(private readonly world: World) {
    this.poolSeen = new Uint8Array(world.poolSize);
    this.agentFirms = new Uint32Array(world.agents.length);
  }

  private inJurisdiction(code: string): boolean {
    const j = this.world.jurisdiction;
    return code.startsWith(j.endsWith('0000') ? j.slice(0, 2) : j.slice(0, 4));
  }

  firm(core: FirmCore, people: FirmPeople, _address: string, phone: string): void {
    this.firms++;
    if (core.local) {
      this.local++;
      this.districts.add(core.addressDistrict);
    } else this.outOfProvince++;
    if (core.movedIn) this.movedIn++;
    this.holderCounts[Math.min(63, people.holders.length)]!++;
    const role = core.role;
    if (role.kind === 'pyramid') {
      if (role.level === 1) this.pyramids++;
      if (role.level === role.levels) {
        this.pyramidBottoms++;
        this.pyramidLevels[role.levels]!++;
      }
    }
    if (role.kind === 'cycle' || role.kind === 'web') this.structuralCycleFirms++;
    if (role.kind === 'web' && role.pos === 0) this.webs++;
    if (core.stateOwned) this.stateOwnedFirms++;
    if (people.holders.some((h) => h.kind === 'body' || (h.kind === 'firm' && this.world.core(h.j).stateOwned))) this.stateHeldFirms++;
    if (core.agent >= 0) this.agentFirms[core.agent]!++;
    if (/^(177|199|166)/.test(phone)) this.sharedPhoneFirms.set(phone, (this.sharedPhoneFirms.get(phone) ?? 0) + 1);
  }

  /** Counts each person once, however many firms and rows name them. */
  people(_core: FirmCore, people: FirmPeople): void {
    const seen = new Set<number>();
    const all: Person[] = [...people.holders.flatMap((h) => (h.kind === 'person' ? [h.person] : [])), people.legalRep, ...people.officers.map((o) => o.person)];
    for (const p of all) {
      if (seen.has(p.g)) continue;
      seen.add(p.g);
      if (p.g < POOL_BASE) {
        if (this.plantedSeen.has(p.g)) continue;
        this.plantedSeen.add(p.g);
      } else if (p.g < SINGLE_BASE) {
        const k = p.g - POOL_BASE;
        if (this.poolSeen[k]) continue;
        this.poolSeen[k] = 1;
      }
      this.persons++;
      if (p.masked) this.maskedPersons++;
      this.nameCounts.set(p.name, (this.nameCounts.get(p.name) ?? 0) + 1);
    }
  }

  branch(head: FirmCore, district: string): void {
    const inside = this.inJurisdiction(district);
    if (head.local && inside) this.branchesLocal++;
    else if (head.local) this.branchesOut++;
    else if (inside) this.branchesIn++;
    else this.branchesElsewhere++;
  }

  membership(type: string): void {
    this.memberTypes.set(type, (this.memberTypes.get(type) ?? 0) + 1);
  }

  holderPercentile(q: number): number {
    const target = Math.ceil(q * this.firms);
    let seen = 0;
    for (let n = 0; n < this.holderCounts.length; n++) {
      seen += this.holderCounts[n]!;
      if (seen >= target) return n;
    }
    return this.holderCounts.length - 1;
  }

  sameNameShare(): number {
    let shared = 0;
    for (const count of this.nameCounts.values()) if (count > 1) shared += count;
    return this.persons === 0 ? 0 : shared / this.persons;
  }
}
