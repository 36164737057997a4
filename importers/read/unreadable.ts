/**
 * The one error a reader throws when a file cannot be read at all. Its message is shown to clerks
 * as is: Chinese first, then English, naming the file (and sheet or line) and saying what to do.
 */

export type UnreadableCode =
  | 'FILE_EMPTY'
  | 'FILE_ENCODING'
  | 'FILE_NOT_TEXT'
  | 'FILE_MISSING'
  | 'FILE_TRUNCATED'
  | 'FILE_NOT_SPREADSHEET'
  | 'SHEET_MISSING'
  | 'JSON_INVALID';

export class UnreadableFileError extends Error {
  constructor(
    readonly code: UnreadableCode,
    readonly file: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'UnreadableFileError';
  }
}

/** Builds the error with the house message shape: `中文 / English: file`. */
export function unreadable(code: UnreadableCode, file: string, zh: string, en: string, cause?: unknown): UnreadableFileError {
  return new UnreadableFileError(code, file, `${zh} / ${en}: ${file}`, cause === undefined ? undefined : { cause });
}
