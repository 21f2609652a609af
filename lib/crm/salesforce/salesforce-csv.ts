/*
 * CSV as Bulk API 2.0 query results are written (Bulk API 2.0 Developer Guide, "Get Results for a
 * Query Job"): RFC 4180, comma-delimited, LF (or CRLF) line endings, a header row, fields with a
 * comma, quote or line break in double quotes and quotes doubled. An empty field is a null value.
 */

/** The rows of a CSV text (header included); a trailing line ending ends the last row, it adds none. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += c;
      i += 1;
      continue;
    }
    if (c === '"' && field === '') quoted = true;
    else if (c === ',') endField();
    else if (c === '\n') endRow();
    else if (c === '\r' && text[i + 1] === '\n') {
      endRow();
      i += 1;
    } else field += c;
    i += 1;
  }
  if (field !== '' || row.length > 0) endRow();
  return rows;
}

/** One field as Bulk API 2.0 writes it (quoted when it must be). */
export function toCsvField(value: string): string {
  return /[",\r\n]/.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value;
}
