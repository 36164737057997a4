import { z } from 'zod';
import path from 'node:path';
import type { AnalysisSettings } from '../analyses/index.ts';
import { defaultAccountPolicy, type AccountPolicy } from '../accounts/types.ts';
import { LOCAL_NEO4J_USER } from '../neo4j/localServer.ts';

/**
 * Everything the tool reads from the environment, parsed once. A bad value stops start-up with a
 * message naming the variable, because a silently ignored setting (a typo in a port, a URI without
 * a scheme) would send a user's data to the wrong database.
 */
const memorySize = z.string().regex(/^\d+(\.\d+)?[kmgKMG]?$/, '应为内存大小，如 512m、2g / a memory size such as 512m or 2g');
const port = z.coerce.number().int().min(1).max(65535);
const whole = (min: number, max: number) =>
  z.coerce.number().int(`应为整数 / must be a whole number`).min(min, `不小于 ${min} / at least ${min}`).max(max, `不大于 ${max} / at most ${max}`);
/** An environment flag: only the words a person would write, so a typo stops start-up instead of meaning false. */
const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: '应为 true 或 false / must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/**
 * Origins another site's pages may call the API from, comma-separated, each exactly as a browser
 * sends it (scheme, host, port; no path, no `*`): anything looser would let any page act as a
 * signed-in user.
 */
function isExactOrigin(text: string): boolean {
  try {
    const url = new URL(text);
    return /^https?:$/.test(url.protocol) && url.origin === text;
  } catch {
    return false;
  }
}
const corsOrigins = z
  .string()
  .transform((v) => v.split(',').map((o) => o.trim()).filter(Boolean))
  .refine((list) => list.every(isExactOrigin), '每项应为完整来源，如 https://example.gov.cn / each must be an exact origin such as https://example.gov.cn');

const envSchema = z
  .object({
    NEO4J_URI: z
      .string()
      .regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\/[^\s]+$/, '应以 bolt:// 或 neo4j:// 开头 / must start with bolt:// or neo4j://')
      .optional(),
    NEO4J_USER: z.string().min(1).optional(),
    NEO4J_PASSWORD: z.string().optional(),
    NEO4J_DATABASE: z.string().min(1).optional(),
    CHUANTOU_DATA_DIR: z.string().min(1).default('.data'),
    CHUANTOU_NEO4J_BOLT_PORT: port.default(7687),
    CHUANTOU_NEO4J_HEAP: memorySize.default('2g'),
    CHUANTOU_NEO4J_PAGECACHE: memorySize.default('4g'),
    PORT: port.default(4000),
    HOST: z.string().min(1).default('127.0.0.1'),
    CHUANTOU_JURISDICTION: z.string().regex(/^\d{6}$/, '应为 6 位行政区划代码 / a 6-digit division code').default('320000'),
    // The office named on the cover of every printed report (e.g. 南京市公安局经侦支队).
    CHUANTOU_OFFICE: z.string().trim().min(1).max(200).optional(),
    CHUANTOU_KEY_SECRET: z.string().min(16, '至少 16 个字符 / at least 16 characters').optional(),
    // Audit trail (audit/): the HMAC key when not the data directory's own file, and where the daily checkpoints go.
    CHUANTOU_AUDIT_KEY: z.string().min(32, '至少 32 个字符 / at least 32 characters').optional(),
    CHUANTOU_AUDIT_DIR: z.string().min(1).optional(),
    // Accounts (accounts/): OWASP and 等保 practice as defaults; an office may be stricter.
    CHUANTOU_PASSWORD_MIN_LENGTH: whole(8, 128).default(defaultAccountPolicy.passwordMinLength),
    CHUANTOU_LOCKOUT_ATTEMPTS: whole(1, 100).default(defaultAccountPolicy.lockoutAttempts),
    CHUANTOU_LOCKOUT_MINUTES: whole(1, 24 * 60).default(defaultAccountPolicy.lockoutMinutes),
    CHUANTOU_SESSION_IDLE_MINUTES: whole(1, 24 * 60).default(defaultAccountPolicy.sessionIdleMinutes),
    CHUANTOU_SESSION_MAX_HOURS: whole(1, 24 * 30).default(defaultAccountPolicy.sessionMaxHours),
    CHUANTOU_ADMIN_PASSWORD: z.string().min(1).optional(),
    CHUANTOU_JURISDICTION_ENFORCED: flag.default(false),
    // The server's own protection (server/http.ts, server/hardening.ts).
    CHUANTOU_MAX_BODY_BYTES: whole(1024, 64 * 1024 * 1024).default(1024 * 1024),
    // Uploads (server/uploads/) stream to disk, so their cap is the disk's business, not memory's.
    CHUANTOU_MAX_UPLOAD_BYTES: whole(1024, 1024 ** 4).default(2 * 1024 ** 3),
    CHUANTOU_QUERY_TIMEOUT_MS: whole(100, 600_000).default(30_000),
    CHUANTOU_CORS_ORIGINS: corsOrigins.default([]),
    // Behind a reverse proxy with TLS the session cookie must carry Secure; on plain HTTP it would never be sent.
    CHUANTOU_SECURE_COOKIES: flag.default(false),
    // Watches (reports/watches.ts): off for a second server that should only answer, or a bench.
    CHUANTOU_WATCHES: z.enum(['on', 'off'], { message: '应为 on 或 off / must be on or off' }).default('on'),
  })
  .refine((env) => !env.NEO4J_USER || env.NEO4J_PASSWORD !== undefined, {
    message: '设置了 NEO4J_USER 时必须同时设置 NEO4J_PASSWORD / NEO4J_PASSWORD is required with NEO4J_USER',
    path: ['NEO4J_PASSWORD'],
  });

export interface Config {
  /**
   * Where Neo4j is: the local server this project runs, or an existing one named by NEO4J_URI.
   * The local server's password is not here: it is read from `local.neo4jPasswordFile` when
   * connecting (cli/database.ts), since the first start of the server is what creates it.
   */
  neo4j: {
    uri: string;
    user?: string;
    password?: string;
    database?: string;
    /** True when NEO4J_URI names an existing server, so no local one is started. */
    external: boolean;
  };
  local: {
    dataDir: string;
    neo4jHome: string;
    /** The password of the local server's user `neo4j` (mode 0600, made on its first start). */
    neo4jPasswordFile: string;
    boltPort: number;
    heap: string;
    pageCache: string;
  };
  http: { host: string; port: number };
  /** Settings every analysis gets: the jurisdiction analyses default to (CHUANTOU_JURISDICTION). */
  analysis: AnalysisSettings;
  /** The office named on printed reports (CHUANTOU_OFFICE); null: none printed. */
  office: string | null;
  /** Secret for person keys; undefined means: the data directory's own (see keySecret.ts). */
  keySecret?: string;
  audit: {
    /** The chain's HMAC key (CHUANTOU_AUDIT_KEY); undefined: the data directory's `audit-key` (audit/key.ts). */
    key?: string;
    /** Where the chain head is checkpointed daily (CHUANTOU_AUDIT_DIR, default `<data dir>/audit/checkpoints`). */
    checkpointDir: string;
  };
  /** How the server guards itself: request body limit, time cap of each query, cross-site callers (none by default). */
  server: { maxBodyBytes: number; queryTimeoutMs: number; corsOrigins: string[]; secureCookies: boolean };
  /** Whether this server runs the watches' scheduler (CHUANTOU_WATCHES, on by default). */
  watches: { enabled: boolean };
  /** Largest file one upload may carry (CHUANTOU_MAX_UPLOAD_BYTES); uploads are kept under `<data dir>/uploads`. */
  uploads: { maxBytes: number };
  accounts: {
    policy: AccountPolicy;
    /** The first sysadmin's password (CHUANTOU_ADMIN_PASSWORD); undefined: generated and printed once. */
    adminPassword?: string;
    /** When true, a user may only query inside their own jurisdiction (CHUANTOU_JURISDICTION_ENFORCED). */
    jurisdictionEnforced: boolean;
  };
}

export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const variable = issue.path.join('.') || '(environment)';
      return `  ${variable}=${JSON.stringify(env[variable] ?? '')}: ${issue.message}`;
    });
    throw new ConfigError(`环境变量有误 / invalid environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(cwd, e.CHUANTOU_DATA_DIR);
  return {
    neo4j: {
      uri: e.NEO4J_URI ?? `bolt://127.0.0.1:${e.CHUANTOU_NEO4J_BOLT_PORT}`,
      user: e.NEO4J_URI !== undefined ? e.NEO4J_USER : LOCAL_NEO4J_USER,
      password: e.NEO4J_URI !== undefined ? e.NEO4J_PASSWORD : undefined,
      database: e.NEO4J_DATABASE,
      external: e.NEO4J_URI !== undefined,
    },
    local: {
      dataDir,
      neo4jHome: path.join(dataDir, 'neo4j'),
      neo4jPasswordFile: path.join(dataDir, 'neo4j-password'),
      boltPort: e.CHUANTOU_NEO4J_BOLT_PORT,
      heap: e.CHUANTOU_NEO4J_HEAP,
      pageCache: e.CHUANTOU_NEO4J_PAGECACHE,
    },
    http: { host: e.HOST, port: e.PORT },
    analysis: { jurisdiction: e.CHUANTOU_JURISDICTION },
    office: e.CHUANTOU_OFFICE ?? null,
    keySecret: e.CHUANTOU_KEY_SECRET,
    audit: {
      key: e.CHUANTOU_AUDIT_KEY,
      checkpointDir: e.CHUANTOU_AUDIT_DIR ? path.resolve(cwd, e.CHUANTOU_AUDIT_DIR) : path.join(dataDir, 'audit', 'checkpoints'),
    },
    server: { maxBodyBytes: e.CHUANTOU_MAX_BODY_BYTES, queryTimeoutMs: e.CHUANTOU_QUERY_TIMEOUT_MS, corsOrigins: e.CHUANTOU_CORS_ORIGINS, secureCookies: e.CHUANTOU_SECURE_COOKIES },
    watches: { enabled: e.CHUANTOU_WATCHES === 'on' },
    uploads: { maxBytes: e.CHUANTOU_MAX_UPLOAD_BYTES },
    accounts: {
      policy: {
        ...defaultAccountPolicy,
        passwordMinLength: e.CHUANTOU_PASSWORD_MIN_LENGTH,
        lockoutAttempts: e.CHUANTOU_LOCKOUT_ATTEMPTS,
        lockoutMinutes: e.CHUANTOU_LOCKOUT_MINUTES,
        sessionIdleMinutes: e.CHUANTOU_SESSION_IDLE_MINUTES,
        sessionMaxHours: e.CHUANTOU_SESSION_MAX_HOURS,
      },
      adminPassword: e.CHUANTOU_ADMIN_PASSWORD,
      jurisdictionEnforced: e.CHUANTOU_JURISDICTION_ENFORCED,
    },
  };
}
