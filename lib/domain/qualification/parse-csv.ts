/**
 * A small RFC 4180 CSV reader for CRM exports: quoted fields, doubled quotes, commas and line
 * breaks inside quotes, CRLF or LF. Strict about malformed quoting, because a silently shifted
 * column would score the wrong lead in a backtest.
 */
export class CsvParseError extends Error {
  constructor(
    readonly record: number,
    readonly line: number,
    message: string,
  ) {
    super(`record ${record} (line ${line}): ${message}`);
  }
}

/** Parses CSV text into records (arrays of fields). A trailing line break does not add a record. */
export function parseCsv(text: string): string[][] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  let line = 1;
  let quoted = false;
  let fieldStarted = false;
  const endField = () => {
    record.push(field);
    field = '';
    quoted = false;
    fieldStarted = false;
  };
  const endRecord = () => {
    endField();
    records.push(record);
    record = [];
  };
  while (i < src.length) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        // Closing quote: only a separator, a line break or the end may follow.
        const next = src[i + 1];
        if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
          throw new CsvParseError(records.length + 1, line, `unexpected character after a closing quote in field ${record.length + 1}`);
        }
        quoted = false;
        i++;
        continue;
      }
      if (c === '\n') line++;
      field += c;
      i++;
      continue;
    }
    if (c === '"') {
      if (fieldStarted) throw new CsvParseError(records.length + 1, line, `a quote inside an unquoted field ${record.length + 1} (quote the whole field and double the quote)`);
      quoted = true;
      fieldStarted = true;
      i++;
      // Mark that this field was quoted so an empty quoted field still counts.
      continue;
    }
    if (c === ',') {
      endField();
      i++;
      continue;
    }
    if (c === '\r' || c === '\n') {
      endRecord();
      i += c === '\r' && src[i + 1] === '\n' ? 2 : 1;
      line++;
      continue;
    }
    field += c;
    fieldStarted = true;
    i++;
  }
  if (quoted) throw new CsvParseError(records.length + 1, line, 'a quoted field is never closed');
  if (fieldStarted || field !== '' || record.length > 0) endRecord();
  return records;
}
