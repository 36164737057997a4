// Every screen's address, in one place: screens link to one another through these builders and
// never spell another screen's URL by hand. The state of a screen lives in its URL (path and
// search parameters), so reload, back and a shared link bring the same view back.

/** Search parameters, without empty values, in a stable order (a link reads the same each time). */
function query(params: Record<string, string | number | boolean | null | undefined | readonly string[]>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value == null || value === '' || value === false) continue;
    if (Array.isArray(value)) {
      if (value.length > 0) search.set(name, value.join(','));
    } else {
      search.set(name, String(value));
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** What a link to the penetration chart may set; see paths.penetration. */
export interface PenetrationLink {
  direction?: 'up' | 'down' | 'both';
  levels?: number;
  levelsUp?: number;
  levelsDown?: number;
  /** The beneficial-owner threshold as a fraction (0.25 is 25%). */
  threshold?: number;
  activeOnly?: boolean;
  rules?: 'cn-2024' | 'cn-2017';
  maxChildrenUp?: number;
  maxChildrenDown?: number;
  /** Chart node ids whose subtree is folded away. */
  collapsed?: readonly string[];
  /** The chart node whose facts the side panel shows. */
  selected?: string | null;
}

export const paths = {
  /** Home: the search box and recent work; `q` is the search shown. */
  home: (q?: string) => `/${query({ q })}`,
  /** 一户一档: one firm's or person's profile; `tab` the section open. */
  entity: (key: string, tab?: string) => `/entity/${encodeURIComponent(key)}${query({ tab })}`,
  /**
   * 股权穿透图 of one firm: its holders above (`levelsUp` levels) and its investments below
   * (`levelsDown`); `direction` shows one half only, `levels` sets both. Whatever is left out takes
   * the chart's defaults (screens/penetration/chartSettings.ts).
   */
  penetration: (key: string, options: PenetrationLink = {}) =>
    `/penetration/${encodeURIComponent(key)}${query({
      up: options.levelsUp ?? (options.direction === 'down' ? 0 : options.levels),
      down: options.levelsDown ?? (options.direction === 'up' ? 0 : options.levels),
      threshold: options.threshold,
      active: options.activeOnly ? 1 : undefined,
      rules: options.rules,
      maxUp: options.maxChildrenUp,
      maxDown: options.maxChildrenDown,
      collapsed: options.collapsed,
      sel: options.selected,
    })}`,
  /** The network explorer around one or more entities; its further state (filters, hidden, pinned …) is the explorer's own parameters. */
  explore: (keys: readonly string[]) => `/explore${query({ keys })}`,
  /** 查关系 between two to five parties, drawn in the explorer. */
  relations: (keys: readonly string[]) => `/explore${query({ keys, paths: 1 })}`,
  changePassword: () => '/account/password',
  /** 分析: the list of analyses, or one analysis's form and results; its parameters are the screen's own search parameters. */
  analyses: (name?: string) => (name ? `/analyses/${encodeURIComponent(name)}` : '/analyses'),
  /** 报告与监测: saved queries (reports and watches) the user owns or has been shared. */
  reports: () => '/reports',
  /** One saved query: its definition, schedule, sharing and runs. */
  report: (id: string) => `/reports/${encodeURIComponent(id)}`,
  /** One run of a saved query, opened as it was; `against` names the run it is compared with. */
  reportRun: (id: string, runId: string, against?: string) => `/reports/${encodeURIComponent(id)}/runs/${encodeURIComponent(runId)}${query({ against })}`,
  /** 收件箱: what the watches found. */
  inbox: () => '/inbox',
  /** 数据导入: uploads and import runs (investigators). */
  imports: () => '/imports',
  /** One import run: kind, mapping, progress, summary, rejects. */
  importRun: (runId: string) => `/imports/${encodeURIComponent(runId)}`,
  /** 专案: the cases the user owns or has been shared. */
  cases: () => '/cases',
  /** One case; `canvas` the saved canvas open. */
  caseFile: (id: string, canvas?: string) => `/cases/${encodeURIComponent(id)}${query({ canvas })}`,
  /** 账户管理 (sysadmin). */
  accounts: () => '/admin/accounts',
  /** 词表: list types and keyword lists (sysadmin edits, others read). */
  vocabularies: () => '/admin/vocabularies',
  /** 审计日志 (auditor). */
  auditLog: () => '/audit',
} as const;

/**
 * `current` with some parameters set (a value) or removed (null or empty). Made for
 * `setSearchParams((current) => withParams(current, …))`, which reads the address as it is when the
 * change is made rather than as the render saw it, so that two quick changes both stay.
 */
export function withParams(current: URLSearchParams, changes: Record<string, string | null | undefined>): URLSearchParams {
  const next = new URLSearchParams(current);
  for (const [name, value] of Object.entries(changes)) {
    if (value) next.set(name, value);
    else next.delete(name);
  }
  return next;
}
