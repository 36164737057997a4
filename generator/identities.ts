/**
 * Codes and people. USCCs and resident ID numbers are drawn through bijections of their code
 * spaces, so two entities never share a code however many are generated, and check characters
 * are computed with the model's own functions (GB 32100, GB 11643), as a register would.
 */
import { usccCheckChar } from '../model/identifiers/uscc.ts';
import { residentIdCheckChar } from '../model/identifiers/residentId.ts';
import { iso7064Mod11_10CheckDigit } from '../model/identifiers/registrationNumber.ts';
import { USCC_ALPHABET } from '../model/identifiers/uscc.ts';
import { hashOf, rngFor, Scramble, tag, unit, WeightedTable } from './rng.ts';
import { GIVEN_FEMALE, GIVEN_MALE, SURNAMES } from './vocabulary.ts';
import { districtsUnder } from './places.ts';

/** Entity numbers: firms by index, then branches, then government bodies; each space far larger than used. */
export const MAX_FIRMS = 1 << 22;
export const BRANCH_BASE = MAX_FIRMS;
export const BODY_BASE = 2 * MAX_FIRMS;

/** Person numbers: planted people, a pool of people who recur, and people who appear in one firm only. */
export const PLANTED_BASE = 0;
export const POOL_BASE = 1 << 17;
export const SINGLE_BASE = POOL_BASE + (1 << 23);
/** Persons a firm may name: holders, legal representative, officers. */
export const SLOTS_PER_FIRM = 64;

function gb11714Check(body8: string): string {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(body8.charAt(i)) * weights[i]!;
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

const T_OLD = tag('org-old');
const T_NEW = tag('org-new');
const T_REG = tag('regno');
const T_ID = tag('resident-id');
const T_PNAME = tag('person-name');
const T_MASK = tag('person-masked');
const T_MASKSTYLE = tag('mask-style');

export class Codes {
  private readonly old: Scramble;
  private readonly neu: Scramble;
  private readonly reg: Scramble;
  private readonly ids: Scramble;
  private readonly idSpace: number;
  private readonly households: string[];

  constructor(
    private readonly seed: number,
    jurisdiction: string,
  ) {
    this.old = new Scramble(seed, T_OLD, 90_000_000);
    this.neu = new Scramble(seed, T_NEW, 31 ** 7);
    this.reg = new Scramble(seed, T_REG, 100_000_000);
    // Household registrations: mostly the jurisdiction, some from elsewhere, and a few retired
    // codes (白下区 320103 was merged in 2013) as the ID numbers of older people still show.
    const local = districtsUnder(jurisdiction);
    const elsewhere = ['110105', '310115', '330106', '340104', '370102', '410105', '420106', '440305', '510107', '360102', '130102', '610113', '350102', '430105', '500103', '210102'];
    const retired = jurisdiction.startsWith('32') ? ['320103', '320107', '320202'] : [];
    this.households = [...local, ...retired, ...elsewhere.filter((c) => !c.startsWith(jurisdiction.slice(0, 2)))];
    this.idSpace = this.households.length * BIRTH_DAYS * 1000;
    this.ids = new Scramble(seed, T_ID, this.idSpace);
  }

  /**
   * The USCC of entity `e` registered by the authority of `division`. Firms set up before the
   * code existed (October 2015) keep their old organisation code with its GB 11714 check; later
   * ones have an 'MA…' code. `department` '11' marks a government body (机关).
   */
  uscc(e: number, division: string, old: boolean, department = '91'): string {
    let org: string;
    if (old) {
      const body = String(10_000_000 + this.old.at(e));
      org = body + gb11714Check(body);
    } else {
      let x = this.neu.at(e);
      let s = '';
      for (let k = 0; k < 7; k++) {
        s = USCC_ALPHABET.charAt(x % 31) + s;
        x = Math.floor(x / 31);
      }
      org = 'MA' + s;
    }
    const first17 = `${department}${division}${org}`;
    return first17 + usccCheckChar(first17)!;
  }

  /** A 15-digit registration number (注册号) with its ISO 7064 check digit. */
  registrationNumber(e: number, division: string): string {
    const body = division + String(this.reg.at(e)).padStart(8, '0');
    return body + iso7064Mod11_10CheckDigit(body)!;
  }

  /** The resident ID number of person `g`: unique per person by construction. */
  residentId(g: number): string {
    const x = this.ids.at(g);
    const d = x % this.households.length;
    const rest = Math.floor(x / this.households.length);
    const day = rest % BIRTH_DAYS;
    const seq = Math.floor(rest / BIRTH_DAYS);
    const first17 = `${this.households[d]}${birthDate(day)}${String(seq).padStart(3, '0')}`;
    return first17 + residentIdCheckChar(first17)!;
  }

  person(g: number, override: PersonOverride = {}): Person {
    const id = override.id ?? this.residentId(g);
    const male = Number(id.charAt(16)) % 2 === 1;
    const name = override.name ?? personName(this.seed, g, male);
    const masked = override.masked ?? unit(hashOf(this.seed, T_MASK, g)) < MASKED_SHARE;
    return { g, name, id, male, masked, shownId: masked ? maskId(id, hashOf(this.seed, T_MASKSTYLE, g)) : id };
  }
}

/** About two in five people appear only with a masked number, as public sources print them. */
export const MASKED_SHARE = 0.42;

export interface PersonOverride {
  name?: string;
  id?: string;
  masked?: boolean;
}

export interface Person {
  g: number;
  name: string;
  /** The full number (also for masked people: the truth file names them by it). */
  id: string;
  male: boolean;
  masked: boolean;
  /** What the files print: the full number, or a masked one. */
  shownId: string;
}

const BIRTH_START = Date.UTC(1950, 0, 1);
const DAY = 86_400_000;
const BIRTH_DAYS = Math.round((Date.UTC(2001, 0, 1) - BIRTH_START) / DAY);

function birthDate(day: number): string {
  const d = new Date(BIRTH_START + day * DAY);
  return `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCDate()).padStart(2, '0')}`;
}

/** Most sources print 4 + 10 stars + 4; some keep the whole division (6 + 8 + 4). */
export function maskId(id: string, h: number): string {
  return h % 7 === 0 ? `${id.slice(0, 6)}********${id.slice(-4)}` : `${id.slice(0, 4)}**********${id.slice(-4)}`;
}

const SURNAME_TABLE = new WeightedTable(SURNAMES);

export function personName(seed: number, g: number, male: boolean): string {
  const r = rngFor(seed, T_PNAME, g);
  const given = male ? GIVEN_MALE : GIVEN_FEMALE;
  const first = SURNAME_TABLE.pick(r);
  const a = given.charAt(r.int(0, given.length - 1));
  if (r.chance(0.3)) return first + a;
  let b = given.charAt(r.int(0, given.length - 1));
  if (b === a && r.chance(0.8)) b = given.charAt((given.indexOf(a) + 7) % given.length);
  return first + a + b;
}

/** A resident ID with a different check character: what a clerk's typo looks like. */
export function typoId(id: string): string {
  const check = id.charAt(17);
  const alt = check === '1' ? '2' : check === 'X' ? '3' : '1';
  return id.slice(0, 17) + alt;
}

/** A USCC with a wrong check character (a valid-looking code that fails GB 32100). */
export function typoUscc(uscc: string): string {
  const check = uscc.charAt(17);
  const i = USCC_ALPHABET.indexOf(check);
  return uscc.slice(0, 17) + USCC_ALPHABET.charAt((i + 1 + (i % 5)) % 31);
}
