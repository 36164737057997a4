import crypto from 'node:crypto';
import { GraphQLError } from 'graphql';
import { createGraphQLError, type Plugin, type YogaServerOptions } from 'graphql-yoga';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { apiError } from './errors.ts';

/**
 * What the API does to survive any request, beside what server/http.ts does before a request
 * reaches it: query limits, CSRF, cross-site callers, and the codes every rejection carries so a
 * client (and a test) can tell why it was refused. Every rejection is a 4xx with
 * `extensions.code`; none is an unexpected error.
 */

/** The header the web app sends on every API call: a cross-site form or image cannot set it. */
export const CSRF_HEADER = 'x-chuantou-csrf';

/**
 * Limits of one GraphQL operation. The schema's deepest legitimate query (a company's holders'
 * holders) has depth 5; the web app's largest uses no aliases. Introspection (`__schema`) is
 * left to graphql-js's own MaxIntrospectionDepthRule, so GraphiQL keeps working.
 */
export const queryLimits = {
  maxDepth: 8,
  maxCost: 5000,
  maxAliases: 15,
  maxDirectives: 20,
  maxTokens: 2000,
  /** Variables: nesting and count of values. Analysis parameters are flat; a list of names is one level. */
  maxVariablesDepth: 8,
  maxVariablesValues: 50_000,
} as const;

/** Codes of the rejections made here (the HTTP layer adds its own in http.ts). */
export type RejectionCode =
  | 'QUERY_TOO_DEEP'
  | 'QUERY_TOO_COSTLY'
  | 'TOO_MANY_ALIASES'
  | 'TOO_MANY_DIRECTIVES'
  | 'TOO_MANY_TOKENS'
  | 'VARIABLES_TOO_LARGE'
  | 'CSRF_HEADER_MISSING';

const rejectionMessages: Record<RejectionCode, string> = {
  QUERY_TOO_DEEP: '查询嵌套层数过多 / the query nests too deeply',
  QUERY_TOO_COSTLY: '查询过于复杂 / the query asks for too much at once',
  TOO_MANY_ALIASES: '查询别名过多 / the query has too many aliases',
  TOO_MANY_DIRECTIVES: '查询指令过多 / the query has too many directives',
  TOO_MANY_TOKENS: '查询过长 / the query is too long',
  VARIABLES_TOO_LARGE: '查询变量过大或嵌套过深 / the variables are too large or nested too deeply',
  CSRF_HEADER_MISSING: `请求缺少 ${CSRF_HEADER} 头 / the request lacks the ${CSRF_HEADER} header`,
};

/** Gives an armor rejection our code, message and a 400, on the error armor then throws. */
function tagAs(code: RejectionCode) {
  return (_context: unknown, error: GraphQLError) => {
    // armor's message ("Syntax Error: Query depth limit of 8 exceeded, found 9.") stays as the detail.
    Object.assign(error, { message: `${rejectionMessages[code]}: ${error.message.replace(/^Syntax Error: /, '')}` });
    Object.assign(error.extensions, { code, http: { status: 400 } });
  };
}

/**
 * graphql-armor, with the 2025 bypasses closed: armor ≥ 3.1.4 (cost) and the max-depth release
 * after it skip only a *field* named `__schema`, not an operation or fragment of that name, and
 * count a fragment's depth from where it is spread (tests/server/hardening.test.ts tries each).
 */
function armor(): Plugin {
  return EnvelopArmorPlugin({
    blockFieldSuggestion: { enabled: true },
    maxDepth: { n: queryLimits.maxDepth, onReject: [tagAs('QUERY_TOO_DEEP')] },
    costLimit: { maxCost: queryLimits.maxCost, onReject: [tagAs('QUERY_TOO_COSTLY')] },
    // __typename counts too: a thousand aliases of it are as many answers as any other field's.
    maxAliases: { n: queryLimits.maxAliases, allowList: [], onReject: [tagAs('TOO_MANY_ALIASES')] },
    maxDirectives: { n: queryLimits.maxDirectives, onReject: [tagAs('TOO_MANY_DIRECTIVES')] },
    maxTokens: { n: queryLimits.maxTokens, onReject: [tagAs('TOO_MANY_TOKENS')] },
  }) as Plugin;
}

/** yoga's CSRF prevention, its refusal given our code. */
function csrfPrevention(requestHeaders: string[]): Plugin {
  const plugin = useCSRFPrevention({ requestHeaders }) as Plugin;
  return {
    onRequestParse(payload) {
      try {
        return plugin.onRequestParse?.(payload);
      } catch {
        throw createGraphQLError(rejectionMessages.CSRF_HEADER_MISSING, { extensions: { code: 'CSRF_HEADER_MISSING', http: { status: 403 } } });
      }
    },
  };
}

/** Nesting depth and number of values of a JSON value, counted without recursion (a deep value must not blow the stack). */
function measure(value: unknown, maxDepth: number, maxValues: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  let values = 0;
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (++values > maxValues || depth > maxDepth) return false;
    if (v !== null && typeof v === 'object') {
      for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, depth + 1]);
    }
  }
  return true;
}

function variablesLimit(): Plugin {
  return {
    onParams({ params }) {
      if (params.variables == null) return;
      if (!measure(params.variables, queryLimits.maxVariablesDepth + 1, queryLimits.maxVariablesValues)) {
        throw createGraphQLError(rejectionMessages.VARIABLES_TOO_LARGE, { extensions: { code: 'VARIABLES_TOO_LARGE', http: { status: 400 } } });
      }
    },
  };
}

/** A read that ran past its time (cypher/run.ts QUERY_TIMEOUT) as the API's coded error, where the query failed. */
export function queryTimeoutError(error: GraphQLError): GraphQLError | null {
  const original = error.originalError as { code?: string } | undefined;
  if (original?.code !== 'QUERY_TIMEOUT') return null;
  const coded = apiError('QUERY_TIMEOUT');
  return new GraphQLError(coded.message, { nodes: error.nodes, path: error.path, extensions: coded.extensions });
}

function queryTimeoutCode(): Plugin {
  return {
    onExecute() {
      return {
        onExecuteDone({ result, setResult }) {
          if (!('errors' in result) || !result.errors?.length) return;
          if (!result.errors.some((e) => queryTimeoutError(e))) return;
          setResult({ ...result, errors: result.errors.map((e) => queryTimeoutError(e) ?? e) });
        },
      };
    },
  };
}

/**
 * GraphQL-over-HTTP answers parse and validation errors with 200 to clients that accept plain
 * application/json. A rejected request should look rejected to every client and proxy log: each
 * error that carries a 4xx keeps it whatever the client accepts, and one without a code gets
 * BAD_REQUEST.
 */
function rejectionsAre4xx(): Plugin {
  return {
    onResultProcess({ result }) {
      const results = Array.isArray(result) ? result : Symbol.asyncIterator in (result as object) ? [] : [result];
      for (const r of results as { errors?: readonly GraphQLError[] }[]) {
        for (const error of r.errors ?? []) {
          const extensions = error.extensions as { code?: string; http?: { status?: number; spec?: boolean } };
          const status = extensions.http?.status;
          if (status === undefined || status < 400 || status >= 500) continue;
          extensions.code ??= 'BAD_REQUEST';
          extensions.http = { ...extensions.http, spec: false };
        }
      }
    },
  };
}

export interface HardeningOptions {
  /** Headers one of which a request must carry unless its content type already forces a CORS preflight. */
  csrfHeaders?: string[];
}

/** The plugins to put in createYoga's `plugins` (server/yoga.ts). */
export function hardeningPlugins(options: HardeningOptions = {}): Plugin[] {
  return [csrfPrevention(options.csrfHeaders ?? [CSRF_HEADER]), variablesLimit(), armor(), queryTimeoutCode(), rejectionsAre4xx()];
}

/**
 * createYoga's `cors` option: no cross-site caller unless origins are configured
 * (CHUANTOU_CORS_ORIGINS); then exactly those, each echoed only to itself, with credentials.
 * yoga's default echoes any Origin.
 */
export function corsOption(origins: readonly string[]): YogaServerOptions<object, object>['cors'] {
  if (origins.length === 0) return false;
  const allowed = new Set(origins);
  return (request: Request) => {
    const origin = request.headers.get('origin');
    if (origin === null || !allowed.has(origin)) return false;
    return {
      origin: [origin],
      credentials: true,
      methods: ['GET', 'POST'],
      allowedHeaders: ['content-type', CSRF_HEADER, 'x-chuantou-reason'],
      maxAge: 600,
    };
  };
}

/**
 * Cytoscape adds one `<style>` element of its own (`.__________cytoscape_container { position:
 * relative; }`); its hash lets exactly that one in, where 'unsafe-inline' would let in any.
 */
const cytoscapeStyleHash = `'sha256-${crypto.createHash('sha256').update('.__________cytoscape_container { position: relative; }').digest('base64')}'`;

/**
 * The web app's Content-Security-Policy: its own scripts only (the built index.html has no
 * inline script), its stylesheet plus cytoscape's one rule, the `data:` favicon, never framed.
 * Ant Design writes its styles into `<style>` elements at run time (CSS-in-JS); with the
 * `styleNonce` of the page (a fresh one each time index.html is served, see
 * `indexHtmlWithNonce`) exactly those elements are let in, where 'unsafe-inline' would let in any.
 */
export function appContentSecurityPolicy(styleNonce?: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    `style-src 'self' ${cytoscapeStyleHash}${styleNonce ? ` 'nonce-${styleNonce}'` : ''}`,
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join('; ');
}

/** A nonce for one response: 128 random bits, base64 (CSP nonces must not be guessable or reused). */
export function newStyleNonce(): string {
  return crypto.randomBytes(16).toString('base64');
}

/**
 * index.html as served: the page's style nonce in `<meta name="csp-nonce">`, where the app reads it
 * and hands it to Ant Design (web/src/shell/styleNonce.ts). A page that has no `<head>` is returned as is.
 */
export function indexHtmlWithNonce(html: string, styleNonce: string): string {
  return html.replace(/<head([^>]*)>/i, (head) => `${head}<meta name="csp-nonce" content="${styleNonce}">`);
}

/** The API answers JSON only: nothing in it may load or run anything. */
export const apiContentSecurityPolicy = "default-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

/** Headers every response carries, the web app's and the API's. */
export const securityHeaders: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
};
