import { z } from 'zod';
import path from 'node:path';
import type { AnalysisSettings } from '../analyses/index.ts';

/**
 * Everything the tool reads from the environment, parsed once. A bad value stops start-up with a
 * message naming the variable, because a silently ignored setting (a typo in a port, a URI without
 * a scheme) would send a user's data to the wrong database.
 */
const memorySize = z.string().regex(/^\d+(\.\d+)?[kmgKMG]?$/, '应为内存大小，如 512m、2g / a memory size such as 512m or 2g');
const port = z.coerce.number().int().min(1).max(65535);

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
    CHUANTOU_KEY_SECRET: z.string().min(16, '至少 16 个字符 / at least 16 characters').optional(),
  })
  .refine((env) => !env.NEO4J_USER || env.NEO4J_PASSWORD !== undefined, {
    message: '设置了 NEO4J_USER 时必须同时设置 NEO4J_PASSWORD / NEO4J_PASSWORD is required with NEO4J_USER',
    path: ['NEO4J_PASSWORD'],
  });

export interface Config {
  /** Where Neo4j is: the local server this project runs, or an existing one named by NEO4J_URI. */
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
    boltPort: number;
    heap: string;
    pageCache: string;
  };
  http: { host: string; port: number };
  /** Settings every analysis gets: the jurisdiction analyses default to (CHUANTOU_JURISDICTION). */
  analysis: AnalysisSettings;
  /** Secret for person keys; undefined means: the data directory's own (see keySecret.ts). */
  keySecret?: string;
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
      user: e.NEO4J_USER,
      password: e.NEO4J_PASSWORD,
      database: e.NEO4J_DATABASE,
      external: e.NEO4J_URI !== undefined,
    },
    local: {
      dataDir,
      neo4jHome: path.join(dataDir, 'neo4j'),
      boltPort: e.CHUANTOU_NEO4J_BOLT_PORT,
      heap: e.CHUANTOU_NEO4J_HEAP,
      pageCache: e.CHUANTOU_NEO4J_PAGECACHE,
    },
    http: { host: e.HOST, port: e.PORT },
    analysis: { jurisdiction: e.CHUANTOU_JURISDICTION },
    keySecret: e.CHUANTOU_KEY_SECRET,
  };
}
