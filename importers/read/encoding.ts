import fs from 'node:fs';
import chardet from 'chardet';
import { unreadable } from './unreadable.ts';

/** Text encodings the readers decode: exports from Chinese systems are UTF-8 (with or without BOM) or GBK/GB18030. */
export type Encoding = 'utf-8' | 'gb18030';

/** Enough text to judge an encoding or a format, small enough to read before every file. */
export const SAMPLE_BYTES = 256 * 1024;

/** The file's first bytes (at most `bytes`), and whether they are the whole file. */
export function readHead(file: string, bytes = SAMPLE_BYTES): { head: Buffer; whole: boolean } {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw unreadable('FILE_MISSING', file, '文件不存在，请检查路径', 'file not found; check the path');
  }
  if (!stat.isFile()) throw unreadable('FILE_MISSING', file, '这不是一个文件（可能是文件夹），请指定文件', 'not a file (a folder?); name a file');
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(Math.min(bytes, stat.size));
    const length = fs.readSync(fd, head, 0, head.length, 0);
    return { head: head.subarray(0, length), whole: length >= stat.size };
  } finally {
    fs.closeSync(fd);
  }
}

/** Decides the encoding from the file's first bytes: a BOM, valid UTF-8, else what chardet says of Chinese text. */
export function detectEncoding(file: string): Encoding {
  return encodingOfHead(file, readHead(file).head);
}

export function encodingOfHead(file: string, head: Buffer): Encoding {
  if (head.length === 0) throw unreadable('FILE_EMPTY', file, '文件为空', 'the file is empty');
  // Excel's "Unicode text" export is UTF-16: say what to do rather than calling it binary.
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    throw unreadable(
      'FILE_ENCODING',
      file,
      '文件是 UTF-16 编码，请在 Excel 中另存为"CSV UTF-8（逗号分隔）"后再导入',
      'the file is UTF-16; save it from Excel as "CSV UTF-8 (comma delimited)" and import that',
    );
  }
  if (head.includes(0)) throw unreadable('FILE_NOT_TEXT', file, '不是文本文件（CSV/JSON），请提供 CSV、XLSX 或 JSON 文件', 'not a text (CSV/JSON) file; give a CSV, XLSX or JSON file');
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  try {
    // `stream: true` lets the sample end inside a multi-byte character without counting as invalid.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return 'utf-8';
  } catch {
    const guess = chardet.detect(head);
    if (guess && /^(GB|Big5|EUC|ISO-2022-CN)/i.test(guess)) return 'gb18030';
    throw unreadable(
      'FILE_ENCODING',
      file,
      '无法识别文件编码（支持 UTF-8、GBK/GB18030），可用 --encoding 指定',
      `unknown encoding (${guess ?? '?'}); UTF-8 and GBK/GB18030 are read, --encoding overrides`,
    );
  }
}
