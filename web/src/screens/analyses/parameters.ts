// An analysis's form, from the API's parameter descriptors (Query.analyses: name → "中文说明 / English
// meaning"), and the analysis's parameters in the address. The descriptors are one line of text per
// parameter, so what kind of input a parameter needs is read from its name and its wording; the
// server validates every value again (analyses/index.ts), so a wrong guess costs a message, not data.

/** What input a parameter gets. */
export type FieldKind = 'jurisdiction' | 'rules' | 'listTypes' | 'keywordLists' | 'boolean' | 'date' | 'number' | 'list' | 'text';

export interface ParameterField {
  name: string;
  kind: FieldKind;
  required: boolean;
  help: { zh: string; en: string };
  /** For list types: which meaning of the vocabulary the analysis counts by default. */
  listMeaning?: 'FLAGGING' | 'DISCLOSURE';
  /** Values the descriptor names (kinds: address, phone …), offered as choices; others may be typed. */
  choices: { value: string; label: string }[];
}

/**
 * Address parameters of the screen itself, beside the analysis's own: `run` (the query is run),
 * `finding` (the finding whose evidence is open), `filter` (the table's text filter). No analysis
 * takes a parameter of these names.
 */
export const SCREEN_PARAMS = ['run', 'finding', 'filter'] as const;

/** "中文 / English": the two halves of a descriptor; a descriptor in one language serves both. */
export function splitHelp(text: string): { zh: string; en: string } {
  const at = text.search(/\s?\/\s/);
  if (at < 0) return { zh: text, en: text };
  const zh = text.slice(0, at).trim();
  const en = text.slice(at).replace(/^\s?\/\s/, '').trim();
  return { zh, en };
}

/** "逗号分隔：address, phone, email, people；默认全部" → address, phone, email, people (with their glosses). */
function choicesOf(text: string): { value: string; label: string }[] {
  const match = /逗号分隔：([^；;]+)[；;]/.exec(text);
  if (!match) return [];
  return match[1]!
    .split(/,\s*/)
    .map((item) => item.trim())
    .filter((item) => /^[A-Za-z][\w-]*(\s|$)/.test(item))
    .map((item) => ({ value: item.split(/\s+/)[0]!, label: item }));
}

export function fieldKind(name: string, text: string): FieldKind {
  if (name === 'rules') return 'rules';
  if (name === 'jurisdiction') return 'jurisdiction';
  if (/listTypes$/i.test(name)) return 'listTypes';
  if (name === 'lists') return 'keywordLists';
  if (/true\/false/.test(text)) return 'boolean';
  if (/YYYY-MM-DD/.test(text)) return 'date';
  if (/逗号分隔/.test(text)) return 'list';
  if (/默认\s*-?\d|\d+\s*[–-]\s*\d+/.test(text)) return 'number';
  return 'text';
}

/** The form's fields, in the order the API lists the parameters. */
export function describeParameters(parameters: unknown): ParameterField[] {
  if (!parameters || typeof parameters !== 'object' || Array.isArray(parameters)) return [];
  return Object.entries(parameters as Record<string, unknown>).map(([name, value]) => {
    const text = typeof value === 'string' ? value : '';
    const kind = fieldKind(name, text);
    return {
      name,
      kind,
      required: /必填|\(required\)/.test(text),
      help: splitHelp(text),
      ...(kind === 'listTypes' ? { listMeaning: /borrower/i.test(name) ? ('DISCLOSURE' as const) : ('FLAGGING' as const) } : {}),
      choices: kind === 'list' ? choicesOf(text) : [],
    };
  });
}

/** What a field holds in the form: text, a number, yes/no, a list, or a day as YYYY-MM-DD. */
export type FormValue = string | number | boolean | string[] | null | undefined;

/** The analysis's parameters as the address carries them: text, lists joined by commas. */
export function paramsFromSearch(search: URLSearchParams, fields: readonly ParameterField[]): Record<string, string> {
  const params: Record<string, string> = {};
  for (const field of fields) {
    const value = search.get(field.name);
    if (value != null && value !== '') params[field.name] = value;
  }
  return params;
}

/** The form's starting values: the address's, else the presets (the user's jurisdiction, the vocabulary's list types). */
export function initialValues(
  fields: readonly ParameterField[],
  fromAddress: Record<string, string>,
  presets: Record<string, FormValue>,
): Record<string, FormValue> {
  const values: Record<string, FormValue> = {};
  for (const field of fields) {
    const given = fromAddress[field.name];
    if (given === undefined) {
      if (presets[field.name] !== undefined) values[field.name] = presets[field.name];
      continue;
    }
    switch (field.kind) {
      case 'listTypes':
      case 'keywordLists':
      case 'list':
        values[field.name] = given.split(/[,，;；]/).map((s) => s.trim()).filter(Boolean);
        break;
      case 'number': {
        const number = Number(given);
        values[field.name] = Number.isFinite(number) ? number : given;
        break;
      }
      case 'boolean':
        values[field.name] = given === 'true' ? true : given === 'false' ? false : given;
        break;
      default:
        values[field.name] = given;
    }
  }
  return values;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/**
 * The address's parameters for the form's values. A value left as its vocabulary preset is left out,
 * so the analysis takes the vocabulary's default when it runs — a saved report then counts a list
 * type the vocabulary gains later. The jurisdiction is kept: a report shared with someone of another
 * office must not change what it screens.
 */
export function searchFromValues(
  fields: readonly ParameterField[],
  values: Record<string, FormValue>,
  presets: Record<string, FormValue>,
): Record<string, string> {
  const search: Record<string, string> = {};
  for (const field of fields) {
    const value = values[field.name];
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      const items = value.map((s) => s.trim()).filter(Boolean);
      if (items.length === 0) continue;
      const preset = presets[field.name];
      if (field.name !== 'jurisdiction' && Array.isArray(preset) && sameSet(items, preset)) continue;
      search[field.name] = items.join(',');
      continue;
    }
    if (field.name !== 'jurisdiction' && field.kind !== 'jurisdiction' && presets[field.name] === value) continue;
    search[field.name] = typeof value === 'string' ? value.trim() : String(value);
  }
  return search;
}
