import fs from 'node:fs';
import { pipeline, type Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { parser } from 'stream-json';
import { jsonParser, type Token } from 'stream-json/core/parser.js';
import { expandExponent } from './cellText.ts';
import type { Encoding } from './encoding.ts';
import type { Table, TableRow } from './table.ts';
import { UnreadableFileError, unreadable } from './unreadable.ts';

/**
 * JSON and NDJSON exports as one table each. JSON: a top-level array of flat objects, or an object
 * whose one array property holds them (`{"records": [...]}`), parsed as a token stream
 * (stream-json) so that only one record is ever in memory. NDJSON: one object per line.
 *
 * Numbers keep the digits written in the file (an 18-digit number stays exact; only exponent
 * notation is spelt out), nested objects and arrays are kept as JSON text, null is '', booleans
 * are 'true'/'false'.
 *
 * Headers are the keys of the first 1000 records (HEADER_SAMPLE): a key first met later has no
 * column and its values are not read.
 */

export const HEADER_SAMPLE = 1000;

/** Packed tokens only: a whole string or number per token, never chunks. */
const TOKEN_OPTIONS = { packValues: true, streamValues: false } as const;

class NotAnObject extends Error {}

/**
 * Builds one flat record from the tokens of one JSON value. Top-level fields become cells; a
 * nested value is written back as compact JSON text, numbers as they were spelt.
 */
class RecordBuilder {
  /** 0: before the record; 1: among its fields; deeper: inside a nested value. */
  private depth = 0;
  private key = '';
  private cells = new Map<string, string>();
  private text: string[] = [];
  /** Per open nested container: whether the next item needs a comma before it. */
  private commas: boolean[] = [];
  private afterKey = false;

  get idle(): boolean {
    return this.depth === 0;
  }

  /** Takes the next token; returns the record when its closing brace arrives. */
  push(token: Token): Map<string, string> | undefined {
    if (this.depth === 0) {
      if (token.name !== 'startObject') throw new NotAnObject();
      this.depth = 1;
      return undefined;
    }
    if (this.depth === 1) {
      switch (token.name) {
        case 'endObject': {
          const record = this.cells;
          this.cells = new Map();
          this.depth = 0;
          return record;
        }
        case 'keyValue':
          this.key = token.value;
          return undefined;
        case 'startObject':
        case 'startArray':
          this.text = [token.name === 'startObject' ? '{' : '['];
          this.commas = [false];
          this.afterKey = false;
          this.depth = 2;
          return undefined;
        default: {
          const text = scalarText(token);
          if (text !== undefined) this.cells.set(this.key, text);
          return undefined;
        }
      }
    }
    switch (token.name) {
      case 'keyValue':
        if (this.commas[this.commas.length - 1]) this.text.push(',');
        this.commas[this.commas.length - 1] = true;
        this.text.push(JSON.stringify(token.value), ':');
        this.afterKey = true;
        return undefined;
      case 'startObject':
      case 'startArray':
        this.item(token.name === 'startObject' ? '{' : '[');
        this.commas.push(false);
        this.depth++;
        return undefined;
      case 'endObject':
      case 'endArray':
        this.text.push(token.name === 'endObject' ? '}' : ']');
        this.commas.pop();
        if (--this.depth === 1) this.cells.set(this.key, this.text.join(''));
        return undefined;
      case 'stringValue':
        this.item(JSON.stringify(token.value));
        return undefined;
      case 'numberValue':
        this.item(token.value);
        return undefined;
      case 'trueValue':
      case 'falseValue':
      case 'nullValue':
        this.item(String(token.value));
        return undefined;
      default:
        return undefined;
    }
  }

  private item(text: string): void {
    if (!this.afterKey && this.commas[this.commas.length - 1]) this.text.push(',');
    this.afterKey = false;
    this.commas[this.commas.length - 1] = true;
    this.text.push(text);
  }
}

function scalarText(token: Token): string | undefined {
  switch (token.name) {
    case 'stringValue':
      return token.value;
    case 'numberValue':
      return expandExponent(token.value);
    case 'trueValue':
      return 'true';
    case 'falseValue':
      return 'false';
    case 'nullValue':
      return '';
    default:
      return undefined;
  }
}

const invalid = (file: string, zh: string, en: string, cause?: unknown) =>
  unreadable('JSON_INVALID', file, `${zh}，请检查或重新导出该文件`, `${en}; check the file or export it again`, cause);

function decodedText(file: string, encoding: Encoding): Readable {
  const decoder = iconv.decodeStream(encoding, { stripBOM: true });
  // pipeline, not pipe: a read error must reach the consumer, and a consumer that stops must close the file.
  pipeline(fs.createReadStream(file), decoder, () => {});
  return decoder as unknown as Readable;
}

/** Records of a JSON file, numbered from 1. */
async function* jsonRecords(file: string, encoding: Encoding): AsyncGenerator<{ n: number; record: Map<string, string> }> {
  const tokens = parser.asStream(TOKEN_OPTIONS);
  pipeline(decodedText(file, encoding), tokens, () => {});
  const builder = new RecordBuilder();
  let n = 0;
  // Where the parse is: at the start, among the wrapper object's properties, inside the records
  // array, or skipping a wrapper property that is not the records array.
  let state: 'start' | 'wrapper' | 'records' | 'skip' | 'other-array' | 'done' = 'start';
  let wrapped = false;
  let found = false;
  let skipDepth = 0;
  let key = '';
  let recordsKey = '';
  try {
    for await (const token of tokens as AsyncIterable<Token>) {
      switch (state) {
        case 'start':
          if (token.name === 'startArray') {
            state = 'records';
          } else if (token.name === 'startObject') {
            state = 'wrapper';
            wrapped = true;
          } else {
            throw invalid(file, 'JSON 顶层应是记录数组 [...] 或含一个记录数组的对象 {"records": [...]}', 'the top level must be an array of records [...] or an object holding one, {"records": [...]}');
          }
          break;
        case 'wrapper':
          if (token.name === 'keyValue') {
            key = token.value;
          } else if (token.name === 'startArray' && found) {
            state = 'other-array';
          } else if (token.name === 'startArray') {
            state = 'records';
            found = true;
            recordsKey = key;
          } else if (token.name === 'startObject') {
            state = 'skip';
            skipDepth = 1;
          } else if (token.name === 'endObject') {
            state = 'done';
          }
          break;
        case 'skip':
          if (token.name === 'startObject' || token.name === 'startArray') skipDepth++;
          else if ((token.name === 'endObject' || token.name === 'endArray') && --skipDepth === 0) state = 'wrapper';
          break;
        case 'other-array':
          // Metadata such as "errors": [] does no harm; a second list of records would be silently lost.
          if (token.name === 'endArray') state = 'wrapper';
          else {
            throw invalid(
              file,
              `JSON 对象中有不止一个数组（"${recordsKey}" 和 "${key}"），无法确定哪一个是记录；请每个文件只放一个记录数组`,
              `the object holds more than one array ("${recordsKey}" and "${key}") and the records cannot be told apart; put one array of records per file`,
            );
          }
          break;
        case 'records':
          if (builder.idle && token.name === 'endArray') {
            state = wrapped ? 'wrapper' : 'done';
            break;
          }
          try {
            const record = builder.push(token);
            if (record) yield { n: ++n, record };
          } catch (error) {
            if (!(error instanceof NotAnObject)) throw error;
            throw invalid(file, `第 ${n + 1} 条记录不是对象 {...}`, `record ${n + 1} is not an object {...}`);
          }
          break;
        case 'done':
          break;
      }
    }
  } catch (error) {
    if (error instanceof UnreadableFileError) throw error;
    const detail = error instanceof Error ? error.message : String(error);
    throw invalid(file, `JSON 格式错误（在第 ${n + 1} 条记录附近）：${detail}`, `invalid JSON (near record ${n + 1}): ${detail}`, error);
  } finally {
    tokens.destroy();
  }
  if (wrapped && !found) {
    throw invalid(file, 'JSON 对象中没有记录数组；应为 [...] 或 {"records": [...]}', 'the object holds no array of records; expected [...] or {"records": [...]}');
  }
}

/** Parses one NDJSON line into a record; throws JSON_INVALID naming the line. */
function ndjsonRecord(file: string, text: string, line: number): Map<string, string> {
  const bad = (zh: string, en: string, cause?: unknown) =>
    invalid(file, `第 ${line} 行${zh}（每行应是一个完整的 JSON 对象 {...}）`, `line ${line} ${en} (each line must be one complete JSON object {...})`, cause);
  let tokens: Token[];
  try {
    const out = jsonParser(TOKEN_OPTIONS)(text);
    tokens = typeof out === 'symbol' ? [] : out.values;
  } catch (error) {
    throw bad('不是有效的 JSON', 'is not valid JSON', error);
  }
  const builder = new RecordBuilder();
  let record: Map<string, string> | undefined;
  try {
    for (const token of tokens) record = builder.push(token) ?? record;
  } catch (error) {
    if (error instanceof NotAnObject) throw bad('不是 JSON 对象', 'is not a JSON object');
    throw error;
  }
  // The tokenizer rejects text after a complete value, but simply waits for more after an incomplete one.
  if (!record) throw bad('不完整', 'is incomplete');
  return record;
}

/** Non-blank lines of an NDJSON file as records, with their physical line numbers. */
async function* ndjsonRecords(file: string, encoding: Encoding): AsyncGenerator<{ n: number; line: number; record: Map<string, string> }> {
  let line = 0;
  let n = 0;
  let rest = '';
  const take = function* (text: string) {
    line++;
    const trimmed = text.endsWith('\r') ? text.slice(0, -1) : text;
    if (trimmed.trim() !== '') yield { n: ++n, line, record: ndjsonRecord(file, trimmed, line) };
  };
  for await (const chunk of decodedText(file, encoding) as AsyncIterable<string>) {
    const text = rest + chunk;
    let from = 0;
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', from)) {
      yield* take(text.slice(from, at));
      from = at + 1;
    }
    rest = text.slice(from);
  }
  if (rest !== '') yield* take(rest);
}

function emptyError(file: string) {
  return unreadable('FILE_EMPTY', file, '文件中没有记录（或记录都没有字段），请确认导出的文件有数据', 'the file holds no records (or only empty ones); check that the export holds data');
}

/** Last non-whitespace byte of the file, or undefined if the last 4 KiB are all whitespace. */
function lastByte(file: string): number | undefined {
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const tail = Buffer.alloc(Math.min(4096, size));
    fs.readSync(fd, tail, 0, tail.length, size - tail.length);
    for (let i = tail.length - 1; i >= 0; i--) if (![0x20, 0x09, 0x0a, 0x0d].includes(tail[i]!)) return tail[i];
    return undefined;
  } finally {
    fs.closeSync(fd);
  }
}

/** The last line of the file when it fits in the last 256 KiB (with its line number unknown). */
function lastLine(file: string, encoding: Encoding): string | undefined {
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const tail = Buffer.alloc(Math.min(256 * 1024, size));
    fs.readSync(fd, tail, 0, tail.length, size - tail.length);
    const lines = iconv.decode(tail, encoding).split('\n').map((l) => l.replace(/\r$/, ''));
    while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop();
    // Without a newline before it, the last line may start before the tail: it cannot be judged.
    if (lines.length < 2 && tail.length < size) return undefined;
    return lines[lines.length - 1];
  } finally {
    fs.closeSync(fd);
  }
}

function table(file: string, headers: string[], records: () => AsyncGenerator<{ n: number; record: Map<string, string> }>): Table {
  return {
    file,
    sheet: null,
    headers,
    async *rows(): AsyncGenerator<TableRow> {
      for await (const { n, record } of records()) {
        yield { row: n + 1, cells: headers.map((h) => record.get(h) ?? '') };
      }
    },
  };
}

/** Keys of the first HEADER_SAMPLE records; whether that was every record. */
async function sampleHeaders(records: AsyncGenerator<{ record: Map<string, string> }>): Promise<{ headers: string[]; complete: boolean }> {
  const headers = new Set<string>();
  let seen = 0;
  for await (const { record } of records) {
    for (const key of record.keys()) headers.add(key);
    if (++seen >= HEADER_SAMPLE) return { headers: [...headers], complete: false };
  }
  return { headers: [...headers], complete: true };
}

export async function openJson(file: string, encoding: Encoding): Promise<Table> {
  const { headers, complete } = await sampleHeaders(jsonRecords(file, encoding));
  if (headers.length === 0 || headers.every((h) => h.trim() === '')) throw emptyError(file);
  // A file cut short ends inside a record; a whole one ends with the bracket that closes the top level.
  if (!complete) {
    const last = lastByte(file);
    if (last !== undefined && last !== 0x5d && last !== 0x7d) {
      throw unreadable('FILE_TRUNCATED', file, 'JSON 文件不完整（结尾缺少 ] 或 }，可能复制或下载中断），请重新导出', 'the JSON file is incomplete (it does not end with ] or }: an interrupted copy or download?); export it again');
    }
  }
  return table(file, headers, () => jsonRecords(file, encoding));
}

export async function openNdjson(file: string, encoding: Encoding): Promise<Table> {
  const { headers, complete } = await sampleHeaders(ndjsonRecords(file, encoding));
  if (headers.length === 0 || headers.every((h) => h.trim() === '')) throw emptyError(file);
  if (!complete) {
    const last = lastLine(file, encoding);
    if (last !== undefined) {
      try {
        ndjsonRecord(file, last, 0);
      } catch {
        throw unreadable('FILE_TRUNCATED', file, 'NDJSON 文件最后一行不完整（可能复制或下载中断），请重新导出', 'the last line of the NDJSON file is incomplete (an interrupted copy or download?); export it again');
      }
    }
  }
  return table(file, headers, () => ndjsonRecords(file, encoding));
}
