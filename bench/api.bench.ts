import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parse, validate } from 'graphql';
import neo4j from 'neo4j-driver';
import { connect, type Graph } from '../cypher/run.ts';
import { int } from '../cypher/values.ts';
import { Accounts } from '../accounts/accounts.ts';
import { generatePassword } from '../accounts/passwords.ts';
import { Rng } from '../generator/rng.ts';
import { placeName } from '../generator/places.ts';
import { pinyinForms } from '../model/names.ts';
import { loadPersistedOperations } from '../server/persistedOperations.ts';
import { schema } from '../server/yoga.ts';
import { benchQuery, formatNumber, markdownTable, type BenchContext, type BenchRow, type Benchmark } from './bench.ts';
import { loadProvince, PROVINCE_KEY_SECRET } from './province.ts';
import type { ApiServerArgs } from './apiServer.ts';

/**
 * The API under load: signed-in clients over loopback HTTP against the server as `npm start` runs
 * it (bench/apiServer.ts, a process of its own), each sending the next request as soon as the last
 * is answered, for a fixed time, the operations mixed by fixed weights, their parameters drawn from
 * the province (bench/province.ts) without replacement as far as the sample goes, so that no answer
 * can come from a cache. Every operation's throughput, errors and latency with CLIENTS clients
 * next to the same with one client, measured in the same run. See BENCHMARKS.md for the goal.
 *
 *   CHUANTOU_BENCH_API_CLIENTS         clients of the load phase (20)
 *   CHUANTOU_BENCH_API_SECONDS         length of each measured phase (60)
 *   CHUANTOU_BENCH_API_WARMUP_SECONDS  untimed load before them, for the page cache (10)
 *   CHUANTOU_BENCH_API_THINK_MS        pause of a client between an answer and its next request (0)
 */

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.dirname(benchDir);

function setting(name: string, fallback: number, min: number): number {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name}: "${text}" is not a whole number of at least ${min}`);
  return value;
}

const CLIENTS = setting('CHUANTOU_BENCH_API_CLIENTS', 20, 1);
const PHASE_SECONDS = setting('CHUANTOU_BENCH_API_SECONDS', 60, 1);
const WARMUP_SECONDS = setting('CHUANTOU_BENCH_API_WARMUP_SECONDS', 10, 0);
/** 0: the server's capacity (each client asks again at once); a second or more: people reading the answers. */
const THINK_MS = setting('CHUANTOU_BENCH_API_THINK_MS', 0, 0);
const SEED = 1;
const GOAL_P95_MS = 300;
/** Firms and persons sampled from the province: more than two 60-second phases draw at 100k firms. */
const SAMPLE = 20_000;
/** The benchmark's users: bench-api-01 … (lower case: their nameKey, which api/forgetLoad matches). */
const USER_PREFIX = 'bench-api-';
/** A request still unanswered after this counts as an error (the server's query timeout is 30 s). */
const REQUEST_TIMEOUT_MS = 60_000;

// ---------------------------------------------------------------------------
// What the province offers as parameters

interface Firm {
  key: string;
  name: string;
  uscc: string | null;
  regionCode: string | null;
}

interface Person {
  key: string;
  name: string;
}

interface Params {
  /** What users type into the search box, each text once. */
  searchTexts: string[];
  /** Firms and persons, three firms to a person: what a profile or a network is opened on. */
  entities: string[];
  firms: string[];
  /** Pairs of parties for 查关系: half linked through a person, half drawn at random. */
  pairs: [string, string][];
  /** How the search texts were made, for the report. */
  searchMix: string;
}

/**
 * What a user types to find a firm: its trade name and the start of its industry (恒德信息 for
 * 南京恒德信息科技有限公司), the place and the form left out, as the generator composes names
 * (generator/world.ts). A name of another shape gives its first four characters after the form is cut.
 */
function nameFragment(firm: Firm): string | null {
  let stem = firm.name.replace(/（[^）]*）.*$/, '').replace(/(集团|股份)?有限(责任)?公司$/, '');
  let place: string | null = null;
  try {
    place = firm.regionCode ? placeName(firm.regionCode) : null;
  } catch {
    place = null;
  }
  if (place && stem.startsWith(place)) stem = stem.slice(place.length);
  const fragment = stem.slice(0, 4);
  return fragment.length >= 2 ? fragment : null;
}

function shuffled<T>(items: readonly T[], rng: Rng): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

async function drawParams(graph: Graph): Promise<Params> {
  const read = async (query: string) => (await graph.driver.executeQuery(benchQuery(query), { n: int(SAMPLE) }, { routing: 'READ' })).records[0]!;
  const spread = await read('samples/namedSpread');
  const firms = [...new Map((spread.get('firms') as Firm[]).map((f) => [f.key, f])).values()];
  const persons = [...new Map((spread.get('persons') as Person[]).map((p) => [p.key, p])).values()];
  const linked = (await read('samples/firmsSharingAPerson')).get('pairs') as [string, string][];
  const rng = new Rng(SEED);

  // Trade-name fragments mostly, as people search; their pinyin (full and initials, as typed on a
  // keyboard), whole names (pasted from a document), person names and USCCs besides. Each text
  // once: a repeated one could be answered from a warm cache.
  const fragmentList = firms.map(nameFragment).filter((t): t is string => t !== null);
  const fragments = new Set(fragmentList);
  const pinyin = new Set(fragmentList.filter((_, i) => i % 5 === 0).flatMap((t) => (pinyinForms(t, 'firm') ?? '').split(' ').filter((form) => form.length >= 3)));
  const fullNames = new Set(firms.filter((_, i) => i % 4 === 0).map((f) => f.name));
  // Fewer person names than fragments: a small province has more people than firms, and the mix should not follow that.
  const personNames = new Set([...new Set(persons.map((p) => p.name))].slice(0, Math.ceil(fragments.size / 2)));
  const usccs = new Set(firms.filter((f, i) => i % 10 === 0 && f.uscc).map((f) => f.uscc!));
  const searchTexts = [...new Set([...fragments, ...pinyin, ...fullNames, ...personNames, ...usccs])];

  const entities: string[] = [];
  for (let f = 0, p = 0; f < firms.length || p < persons.length; ) {
    for (let i = 0; i < 3 && f < firms.length; i++) entities.push(firms[f++]!.key);
    if (p < persons.length) entities.push(persons[p++]!.key);
  }
  const anyone = shuffled(entities, rng);
  const random: [string, string][] = [];
  for (let i = 0; i + 1 < anyone.length && random.length < linked.length; i += 2) random.push([anyone[i]!, anyone[i + 1]!]);
  const linkedPairs = [...new Map(linked.map((pair) => [pair.join(' '), pair])).values()];
  return {
    searchTexts,
    entities,
    firms: firms.map((f) => f.key),
    pairs: [...linkedPairs, ...random.slice(0, Math.max(linkedPairs.length, 1))],
    searchMix: `${fragments.size} trade-name fragments, ${pinyin.size} in pinyin, ${fullNames.size} whole firm names, ${personNames.size} person names, ${usccs.size} USCCs`,
  };
}

/** Hands out a list's items in order, from the start again once they are used up. */
class Pool<T> {
  private draws = 0;
  constructor(readonly items: T[]) {
    if (items.length === 0) throw new Error('api benchmark: the province gave no parameters for an operation');
  }
  next(): T {
    return this.items[this.draws++ % this.items.length]!;
  }
  /** Draws past the end of the list: parameters asked for a second time. */
  get reused(): number {
    return Math.max(0, this.draws - this.items.length);
  }
}

// ---------------------------------------------------------------------------
// The operations: one table, each with its weight, its document and where its parameters come from

const SUMMARY = 'kind key name identifier idNumber status inactive address';
const MONEY = 'amountWan currency text';
const PROVENANCE = 'provenance { entry runId file fileHash sheet row recordKind importedAt runStatus }';
const ROLE = `role legalRepresentative validFrom validTo ${PROVENANCE}`;
const HOLDING = `entity { ${SUMMARY} } direct directRatio ratioText effectiveRatio subscribedAmount { ${MONEY} } validFrom validTo ${PROVENANCE}`;
const HOLDINGS = `nodes { ${HOLDING} } total directTotal exhaustive limitsHit`;
const RELATION_ENTITY = 'kind key name identifier';

interface Operation {
  name: string;
  weight: number;
  /** The GraphQL document sent, with the fields a screen that shows the answer asks for. */
  document: string;
  /** Which of the province's parameters it takes. */
  params: (p: Params) => unknown[];
  variables: (item: never) => Record<string, unknown>;
  /** True for an answer with nothing in it (no hit, no path): counted, to tell a useful parameter sample from a useless one. */
  empty: (data: Record<string, any>) => boolean;
}

const operations: Operation[] = [
  {
    name: 'search',
    weight: 40,
    document: `query Search($text: String!) {
      search(text: $text, first: 20) { nodes { entity { ${SUMMARY} } matchedOn matchedText firms { key name } } pageInfo { hasNextPage endCursor } }
    }`,
    params: (p) => p.searchTexts,
    variables: (text: string) => ({ text }),
    empty: (data) => data.search.nodes.length === 0,
  },
  {
    name: 'profile',
    weight: 20,
    // 一户一档 as a profile screen shows it: every section, every fact with its sources.
    document: `query Profile($key: ID!) {
      profile(key: $key) {
        kind requestedKey entity { ${SUMMARY} } ${PROVENANCE}
        registration {
          name uscc registrationNumber keyUnverified formerNames companyType status inactive
          registeredCapital { ${MONEY} } establishedOn registrationAuthority registeredAddress operatingAddress industry
          businessScope regionCode regionName venue venueCategory tradingModel branch headOfficeName personInCharge premisesAddress ${PROVENANCE}
        }
        identity { name idKind idInvalid sex nationality keyBasis ${PROVENANCE} }
        legalRepresentative { person { ${SUMMARY} } roles { ${ROLE} } }
        officers { nodes { person { ${SUMMARY} } roles { ${ROLE} } } total }
        positions { nodes { firm { ${SUMMARY} } roles { ${ROLE} } } total }
        flags { nodes { key listType listTypeCode listTypeText name caseNo issuer filedOn amount { ${MONEY} } victims source note ${PROVENANCE} } total }
        holders { ${HOLDINGS} }
        holdings { ${HOLDINGS} }
        headOffice { firm { ${SUMMARY} } validFrom validTo ${PROVENANCE} }
        branches { nodes { firm { ${SUMMARY} } validFrom validTo ${PROVENANCE} } total }
        venueMemberships { firm { ${SUMMARY} } memberType memberTypeText memberNo status validFrom validTo ${PROVENANCE} }
        venueMembers { nodes { firm { ${SUMMARY} } memberType memberNo status } total }
        contacts { kind key text regionCode links { relationship validFrom validTo } ${PROVENANCE} sharedWith { ${SUMMARY} } sharedTotal }
        changes { nodes { key item before after changedOn ${PROVENANCE} } total }
        priorValues { nodes { property value replacedAt ${PROVENANCE} replacedBy { entry row file } } total }
        aliases
        samePersonCandidates { nodes { person other { ${SUMMARY} } otherFirms { key name } status reasons decidedBy decidedOn } total }
      }
    }`,
    params: (p) => p.entities,
    variables: (key: string) => ({ key }),
    empty: (data) => data.profile === null,
  },
  {
    name: 'neighbourhood',
    weight: 20,
    // Depth 2: what the workbench opens a centre with (web/src/screens/workbench); budget and supernodes as the API's defaults.
    document: `query Neighborhood($key: ID!) {
      neighborhood(key: $key, depth: 2) {
        nodes { id key kind label status inactive center degree supernode hiddenNeighbours { type kind count } }
        edges { id type source target ratio role }
        exhaustive limitsHit cut { nodes edges unexpanded }
      }
    }`,
    params: (p) => p.entities,
    variables: (key: string) => ({ key }),
    empty: (data) => data.neighborhood.nodes.length <= 1,
  },
  {
    name: 'penetration chart',
    weight: 10,
    document: `query Penetration($firm: String!) {
      penetration(firm: $firm) {
        root direction ruleSet threshold levels
        nodes { kind key name identifier status level effectiveRatio beneficialOwner controller rulesMet ruleSet cutHolders holdersComplete }
        edges { child holder relationship ratio basis cycle }
        cutByLevel { level holders }
        limitsHit
      }
    }`,
    params: (p) => p.firms,
    variables: (firm: string) => ({ firm }),
    empty: (data) => data.penetration.nodes.length <= 1,
  },
  {
    name: 'beneficial-owners',
    weight: 5,
    document: `query BeneficialOwners($firm: String!) {
      beneficialOwners(firm: $firm) {
        analysis ranAt about { kind key name } exhaustive limitsHit
        findings { subject { kind key name } score facts evidence exhaustive limitsHit }
      }
    }`,
    params: (p) => p.firms,
    variables: (firm: string) => ({ firm }),
    empty: (data) => data.beneficialOwners.findings.length === 0,
  },
  {
    name: 'paths',
    weight: 5,
    document: `query Relations($parties: [String!]!) {
      relations(parties: $parties) {
        parties { ${RELATION_ENTITY} }
        pairs {
          from { ${RELATION_ENTITY} } to { ${RELATION_ENTITY} }
          paths { length hops { from { ${RELATION_ENTITY} } to { ${RELATION_ENTITY} } relationship direction ratio role alsoLinkedBy } }
          hubsSkipped { entity { ${RELATION_ENTITY} } relationships }
          exhaustive limitsHit
        }
        exhaustive limitsHit
      }
    }`,
    params: (p) => p.pairs,
    variables: (parties: [string, string]) => ({ parties }),
    empty: (data) => data.relations.pairs.every((pair: { paths: unknown[] }) => pair.paths.length === 0),
  },
];

const totalWeight = operations.reduce((t, o) => t + o.weight, 0);

/** The documents checked against the schema before a province is made: a field renamed meanwhile stops the run at once, not after the load. */
function checkDocuments(): void {
  const faults = operations.flatMap((o) => validate(schema, parse(o.document)).map((e) => `${o.name}: ${e.message}`));
  if (faults.length > 0) throw new Error(`api benchmark: documents the schema refuses; fix the operations table in bench/api.bench.ts:\n  ${faults.join('\n  ')}`);
}

// ---------------------------------------------------------------------------
// A client: one keep-alive connection, its session cookie, the CSRF header, as the web app sends

interface Answer {
  ok: boolean;
  data?: Record<string, any>;
  /** Why not: the first error's code and message, or the HTTP status. */
  error?: string;
}

function signInHash(): string {
  const found = [...loadPersistedOperations()].find(([, document]) => /^mutation SignIn\b/.test(document));
  if (!found) throw new Error('api benchmark: the persisted operations (server/persistedOperations.json) have no SignIn mutation');
  return found[0];
}

class Client {
  private cookie: string | null = null;
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

  constructor(private readonly url: URL) {}

  post(body: unknown): Promise<{ status: number; json: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] } | null }> {
    const payload = Buffer.from(JSON.stringify(body));
    return new Promise((resolve, reject) => {
      const req = http.request(
        new URL('/graphql', this.url),
        {
          method: 'POST',
          agent: this.agent,
          timeout: REQUEST_TIMEOUT_MS,
          headers: {
            'content-type': 'application/json',
            accept: 'application/graphql-response+json, application/json',
            'content-length': payload.length,
            'x-chuantou-csrf': '1',
            ...(this.cookie ? { cookie: this.cookie } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', reject);
          res.on('end', () => {
            for (const line of res.headers['set-cookie'] ?? []) {
              const session = /^chuantou_session=([^;]*)/.exec(line)?.[1];
              if (session !== undefined) this.cookie = session ? `chuantou_session=${session}` : null;
            }
            let json = null;
            try {
              json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
            } catch {
              json = null;
            }
            resolve({ status: res.statusCode ?? 0, json });
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error(`no answer in ${REQUEST_TIMEOUT_MS / 1000} s`)));
      req.on('error', reject);
      req.end(payload);
    });
  }

  /** Signed out, only the app's persisted operations run: signing in is the app's SignIn, sent by its hash. */
  async signIn(name: string, password: string): Promise<void> {
    const { json } = await this.post({ extensions: { persistedQuery: { version: 1, sha256Hash: signInHash() } }, variables: { name, password } });
    const result = json?.data?.signIn as { ok: boolean; code: string | null; message: string | null } | undefined;
    if (!result?.ok || !this.cookie) throw new Error(`api benchmark: sign-in as ${name} failed: ${JSON.stringify(json)}`);
  }

  async run(document: string, variables: Record<string, unknown>): Promise<Answer> {
    try {
      const { status, json } = await this.post({ query: document, variables });
      const first = json?.errors?.[0];
      if (first) return { ok: false, error: `${first.extensions?.code ?? 'ERROR'}: ${first.message}` };
      if (status !== 200 || !json?.data) return { ok: false, error: `HTTP ${status}` };
      return { ok: true, data: json.data };
    } catch (error) {
      return { ok: false, error: `network: ${(error as Error).message}` };
    }
  }

  close(): void {
    this.agent.destroy();
  }
}

// ---------------------------------------------------------------------------
// A phase: the clients for a fixed time, every request timed

interface OperationFigures {
  ms: number[];
  errors: number;
  /** Answers without errors and with nothing in them (Operation.empty). */
  empty: number;
  errorTexts: Map<string, number>;
}

interface Phase {
  clients: number;
  seconds: number;
  byOperation: Map<string, OperationFigures>;
}

async function runPhase(clients: Client[], seconds: number, pools: Map<string, Pool<unknown>>, seed: number): Promise<Phase> {
  const byOperation = new Map(operations.map((o) => [o.name, { ms: [] as number[], errors: 0, empty: 0, errorTexts: new Map<string, number>() }]));
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    clients.map(async (client, c) => {
      const rng = new Rng(seed * 1000 + c);
      while (performance.now() < deadline) {
        let pick = rng.float() * totalWeight;
        const op = operations.find((o) => (pick -= o.weight) < 0) ?? operations[operations.length - 1]!;
        const variables = op.variables(pools.get(op.name)!.next() as never);
        const sent = performance.now();
        const answer = await client.run(op.document, variables);
        const figures = byOperation.get(op.name)!;
        figures.ms.push(performance.now() - sent);
        if (!answer.ok) {
          figures.errors++;
          figures.errorTexts.set(answer.error!, (figures.errorTexts.get(answer.error!) ?? 0) + 1);
        } else if (op.empty(answer.data!)) {
          figures.empty++;
        }
        if (THINK_MS > 0) await new Promise((resolve) => setTimeout(resolve, THINK_MS));
      }
    }),
  );
  // Requests sent before the deadline are answered after it: the phase lasted until the last one.
  return { clients: clients.length, seconds: (performance.now() - started) / 1000, byOperation };
}

function percentile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
}

interface Summary {
  count: number;
  errors: number;
  empty: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
}

function summarise(phase: Phase, name: string): Summary {
  const f = phase.byOperation.get(name)!;
  const sorted = [...f.ms].sort((a, b) => a - b);
  return { count: sorted.length, errors: f.errors, empty: f.empty, perSecond: sorted.length / phase.seconds, p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), p99: percentile(sorted, 0.99) };
}

// ---------------------------------------------------------------------------
// The server process

/** Only what the server needs: no NEO4J_* or CHUANTOU_* setting of the user's, nor the benchmark's Node options, reach it. */
function serverEnv(auth: { user: string; password: string }): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^(NEO4J_|CHUANTOU_|NODE_OPTIONS$)/.test(k)) env[k] = v;
  return { ...env, NEO4J_USER: auth.user, NEO4J_PASSWORD: auth.password };
}

async function startApiServer(ctx: BenchContext, args: ApiServerArgs, auth: { user: string; password: string }): Promise<{ url: URL; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(benchDir, 'apiServer.ts'), JSON.stringify(args)], {
    cwd: repoRoot,
    env: serverEnv(auth),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  ctx.track(child);
  const url = await new Promise<URL>((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout! });
    lines.once('line', (line) => resolve(new URL((JSON.parse(line) as { url: string }).url)));
    child.once('exit', (code) => reject(new Error(`the API server exited with ${code} before it listened`)));
  });
  return { url, child };
}

async function stopApiServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** Runs one of the benchmark's own queries that deletes in batches (CALL … IN TRANSACTIONS needs an implicit transaction). */
async function forgetLoad(graph: Graph): Promise<void> {
  const session = graph.driver.session({ defaultAccessMode: neo4j.session.WRITE });
  try {
    await session.run(benchQuery('api/forgetLoad'), { prefix: USER_PREFIX });
    await session.run(benchQuery('api/forgetAuditHead'));
  } finally {
    await session.close();
  }
}

// ---------------------------------------------------------------------------

const ms = (v: number) => Math.round(v * 10) / 10;
const perSecond = (v: number) => Math.round(v * 10) / 10;
const ratioOf = (a: number, b: number) => (b > 0 && Number.isFinite(a) && Number.isFinite(b) ? Math.round((a / b) * 100) / 100 : null);

function rowsOf(name: string, load: Summary, one: Summary, weight: number): BenchRow[] {
  const label = `${name} (${weight}%)`;
  const counts = `${formatNumber(load.count)} requests with ${CLIENTS} clients, ${formatNumber(one.count)} with 1`;
  return [
    { metric: `${label} requests/s`, value: perSecond(load.perSecond), baseline: perSecond(one.perSecond), ratio: ratioOf(load.perSecond, one.perSecond), note: counts },
    { metric: `${label} errors`, value: load.errors, baseline: one.errors, note: 'goal: 0' },
    ...(['p50', 'p95', 'p99'] as const).map((q) => ({
      metric: `${label} ${q} (ms)`,
      value: ms(load[q]),
      baseline: ms(one[q]),
      ratio: ratioOf(load[q], one[q]),
      note: q === 'p95' ? `goal: ≤ ${GOAL_P95_MS} ms` : '',
    })),
  ];
}

const benchmark: Benchmark = {
  name: 'api',
  description: `${CLIENTS} signed-in clients over loopback HTTP against the API server, the operations mixed by fixed weights, beside one client`,
  async run(ctx) {
    checkDocuments();
    const province = await loadProvince(ctx);
    const graph = connect({ uri: province.server.uri, ...province.server.auth });
    let server: ChildProcess | null = null;
    const clients: Client[] = [];
    try {
      if (province.kept) await forgetLoad(graph);
      const params = await drawParams(graph);
      ctx.log(`parameters: ${params.searchTexts.length} search texts (${params.searchMix}), ${params.entities.length} firms and persons, ${params.firms.length} firms, ${params.pairs.length} pairs`);
      // Each operation its own order: two operations on one list never ask about the same entity in step.
      const pools = new Map(operations.map((o, i) => [o.name, new Pool(shuffled(o.params(params), new Rng(SEED + 1 + i)))]));

      const accounts = new Accounts(graph);
      const users = Array.from({ length: CLIENTS }, (_, i) => `${USER_PREFIX}${String(i + 1).padStart(2, '0')}`);
      const passwords = new Map<string, string>();
      for (const name of users) {
        passwords.set(name, generatePassword(name, accounts.policy));
        await accounts.createUser({ name, role: 'investigator', jurisdiction: province.truth.jurisdiction.code, password: passwords.get(name)!, mustChangePassword: false });
      }

      const started = await startApiServer(
        ctx,
        { uri: province.server.uri, jurisdiction: province.truth.jurisdiction.code, keySecret: PROVINCE_KEY_SECRET, dataDir: path.join(ctx.workDir, 'api-server-data') },
        province.server.auth,
      );
      server = started.child;
      ctx.log(`API server at ${started.url.href}; signing in ${CLIENTS} investigators`);
      for (const name of users) {
        const client = new Client(started.url);
        clients.push(client);
        await client.signIn(name, passwords.get(name)!);
      }

      // Every document once before anything is timed: one the schema refuses would only measure refusals.
      for (const op of operations) {
        const answer = await clients[0]!.run(op.document, op.variables(pools.get(op.name)!.next() as never));
        if (!answer.ok) throw new Error(`api benchmark: the ${op.name} document fails (${answer.error}); fix the operations table in bench/api.bench.ts`);
      }
      if (WARMUP_SECONDS > 0) {
        ctx.log(`warming up: ${CLIENTS} clients for ${WARMUP_SECONDS} s, not timed`);
        await runPhase(clients, WARMUP_SECONDS, pools, 1);
      }
      ctx.log(`1 client for ${PHASE_SECONDS} s`);
      const one = await runPhase(clients.slice(0, 1), PHASE_SECONDS, pools, 2);
      ctx.log(`${CLIENTS} clients for ${PHASE_SECONDS} s`);
      const stopLoad = ctx.otherLoad();
      const load = await runPhase(clients, PHASE_SECONDS, pools, 3);
      const otherCores = stopLoad();

      const out: BenchRow[] = [];
      const table: (string | number)[][] = [];
      for (const op of operations) {
        const l = summarise(load, op.name);
        const o = summarise(one, op.name);
        out.push(...rowsOf(op.name, l, o, op.weight));
        const met = l.errors === 0 && l.p95 <= GOAL_P95_MS ? 'yes' : 'no';
        table.push([op.name, `${op.weight}%`, l.count, l.errors, l.empty, perSecond(l.perSecond), ms(l.p50), ms(l.p95), ms(l.p99), o.count, o.errors, perSecond(o.perSecond), ms(o.p50), ms(o.p95), ms(o.p99), met]);
      }
      const total = (phase: Phase) => {
        let count = 0;
        let errors = 0;
        for (const f of phase.byOperation.values()) {
          count += f.ms.length;
          errors += f.errors;
        }
        return { count, errors, perSecond: count / phase.seconds };
      };
      const lt = total(load);
      const ot = total(one);
      out.push(
        { metric: 'all operations, requests/s', value: perSecond(lt.perSecond), baseline: perSecond(ot.perSecond), ratio: ratioOf(lt.perSecond, ot.perSecond), note: `${formatNumber(lt.count)} requests in ${load.seconds.toFixed(1)} s with ${CLIENTS} clients, ${formatNumber(ot.count)} in ${one.seconds.toFixed(1)} s with 1` },
        { metric: 'all operations, errors', value: lt.errors, baseline: ot.errors, note: 'goal: 0' },
        { metric: `CPU used by other processes during the ${CLIENTS}-client phase (mean busy cores)`, value: Math.round(otherCores * 100) / 100 },
      );

      const reuses = [...pools].filter(([, p]) => p.reused > 0).map(([name, p]) => `${name} ${p.reused} of ${p.items.length}`);
      const errorLines = operations.flatMap((op) =>
        [one, load].flatMap((phase) =>
          [...phase.byOperation.get(op.name)!.errorTexts].slice(0, 5).map(([text, n]) => `- ${op.name}, ${phase.clients} client${phase.clients > 1 ? 's' : ''}: ${n}× ${text.slice(0, 300)}`),
        ),
      );
      ctx.detail(
        `API load, ${ctx.size.label}: ${CLIENTS} clients against 1, ${PHASE_SECONDS} s each${THINK_MS > 0 ? `, ${THINK_MS} ms between an answer and the next request` : ''} (goal: 0 errors, p95 ≤ ${GOAL_P95_MS} ms)`,
        [
          markdownTable(
            ['operation', 'weight', `${CLIENTS}c requests`, `${CLIENTS}c errors`, `${CLIENTS}c empty answers`, `${CLIENTS}c req/s`, `${CLIENTS}c p50 ms`, `${CLIENTS}c p95 ms`, `${CLIENTS}c p99 ms`, '1c requests', '1c errors', '1c req/s', '1c p50 ms', '1c p95 ms', '1c p99 ms', 'goal met'],
            table,
          ),
          '',
          `Queries: ${operations.map((o) => `${o.name} — ${/\{\s*(\w+)\(/.exec(o.document)?.[1] ?? '?'}`).join('; ')} (bench/api.bench.ts has the documents). Empty answers: no hit, no profile, a network or chart of the entity alone, no owner, no path.`,
          `Search texts: ${params.searchMix}.`,
          reuses.length > 0 ? `Parameters used again after the sample ran out (draws past the end, of the sample's size): ${reuses.join(', ')}.` : 'No parameter was used twice.',
          ...(errorLines.length > 0 ? ['', 'Errors (at most five kinds per operation and phase):', '', ...errorLines] : []),
        ].join('\n'),
      );
      return out;
    } finally {
      for (const client of clients) client.close();
      if (server) await stopApiServer(server);
      if (province.kept) await forgetLoad(graph).catch((error: unknown) => ctx.log(`could not remove the benchmark's users and audit entries from the kept province: ${(error as Error).message}`));
      await graph.close();
      await province.server.stop();
    }
  },
};

export default benchmark;
