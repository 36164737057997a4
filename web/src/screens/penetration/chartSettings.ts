// The penetration chart's state as its URL holds it (paths.penetration writes it): read back with
// defaults for what is left out and bounds for what a hand-edited link gets wrong, and written
// back with the defaults left out, so a shared link is short and reads the same each time.

import type { PenetrationLink } from '../../paths.ts';

export type RuleSet = 'cn-2024' | 'cn-2017';

export interface ChartSettings {
  /** Levels of holders drawn above the firm; 0 hides the half. */
  levelsUp: number;
  /** Levels of investments drawn below the firm; 0 hides the half. */
  levelsDown: number;
  /** Beneficial-owner threshold, a fraction. */
  threshold: number;
  activeOnly: boolean;
  rules: RuleSet;
  maxChildrenUp: number;
  maxChildrenDown: number;
  collapsed: string[];
  selected: string | null;
}

export const MAX_LEVELS = 10;
/** The API's cap on branches drawn under one node. */
export const MAX_CHILDREN = 200;
export const MIN_THRESHOLD = 0.01;
export const MAX_THRESHOLD = 0.5;

export const DEFAULT_SETTINGS: ChartSettings = {
  levelsUp: 3,
  levelsDown: 2,
  threshold: 0.25,
  activeOnly: false,
  rules: 'cn-2024',
  maxChildrenUp: 20,
  maxChildrenDown: 20,
  collapsed: [],
  selected: null,
};

function intIn(text: string | null, min: number, max: number, fallback: number): number {
  if (text == null || text.trim() === '') return fallback;
  const value = Number(text);
  if (!Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, Math.round(value)));
}

export function readSettings(search: URLSearchParams): ChartSettings {
  const thresholdText = search.get('threshold');
  const threshold = thresholdText == null ? NaN : Number(thresholdText);
  const rules = search.get('rules');
  return {
    levelsUp: intIn(search.get('up'), 0, MAX_LEVELS, DEFAULT_SETTINGS.levelsUp),
    levelsDown: intIn(search.get('down'), 0, MAX_LEVELS, DEFAULT_SETTINGS.levelsDown),
    threshold: Number.isFinite(threshold) ? Math.min(MAX_THRESHOLD, Math.max(MIN_THRESHOLD, threshold)) : DEFAULT_SETTINGS.threshold,
    activeOnly: search.get('active') === '1',
    rules: rules === 'cn-2017' ? 'cn-2017' : 'cn-2024',
    maxChildrenUp: intIn(search.get('maxUp'), 1, MAX_CHILDREN, DEFAULT_SETTINGS.maxChildrenUp),
    maxChildrenDown: intIn(search.get('maxDown'), 1, MAX_CHILDREN, DEFAULT_SETTINGS.maxChildrenDown),
    collapsed: (search.get('collapsed') ?? '').split(',').filter(Boolean),
    selected: search.get('sel') || null,
  };
}

/** The settings as paths.penetration takes them, defaults left out. */
export function settingsLink(settings: ChartSettings): PenetrationLink {
  const unlessDefault = <K extends keyof ChartSettings>(name: K) => (settings[name] === DEFAULT_SETTINGS[name] ? undefined : settings[name]);
  return {
    levelsUp: unlessDefault('levelsUp') as number | undefined,
    levelsDown: unlessDefault('levelsDown') as number | undefined,
    threshold: unlessDefault('threshold') as number | undefined,
    activeOnly: settings.activeOnly,
    rules: unlessDefault('rules') as RuleSet | undefined,
    maxChildrenUp: unlessDefault('maxChildrenUp') as number | undefined,
    maxChildrenDown: unlessDefault('maxChildrenDown') as number | undefined,
    collapsed: settings.collapsed,
    selected: settings.selected,
  };
}

/**
 * What a click on a "more" node asks for: the cut is below maxChildren, so enough branches per node
 * in that half to draw the `count` left out (up to the API's cap); or past the last level, so one
 * level more in that half.
 */
export function showMore(settings: ChartSettings, half: 'up' | 'down', reason: 'children' | 'levels', count: number): ChartSettings {
  if (reason === 'levels') {
    return half === 'up'
      ? { ...settings, levelsUp: Math.min(MAX_LEVELS, settings.levelsUp + 1) }
      : { ...settings, levelsDown: Math.min(MAX_LEVELS, settings.levelsDown + 1) };
  }
  return half === 'up'
    ? { ...settings, maxChildrenUp: Math.min(MAX_CHILDREN, settings.maxChildrenUp + count) }
    : { ...settings, maxChildrenDown: Math.min(MAX_CHILDREN, settings.maxChildrenDown + count) };
}
