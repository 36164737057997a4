/**
 * One CSV cell, RFC 4180 quoted. Text a spreadsheet would run as a formula (starting with = + - @,
 * or a tab or carriage return before one) is prefixed with an apostrophe, so opening an export
 * runs nothing that came from imported data or a user's typing (OWASP, CSV injection). Numbers and
 * booleans are written as they are: -3 is a number, not a formula.
 */
export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  const text = typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
