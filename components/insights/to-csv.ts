/**
 * CSV of exactly the cells a table shows (RFC 4180 quoting). CRM strings are attacker-controlled
 * (anyone can name a campaign through a form), so a cell that a spreadsheet would run as a
 * formula (= + - @, tab, carriage return) is prefixed with an apostrophe.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header, ...rows].map((cells) => cells.map(toCsvCell).join(',')).join('\r\n') + '\r\n';
}

export function toCsvCell(value: string): string {
  // Numbers we format ourselves ("-3", "-12.5%") are safe; only text that starts like a formula is neutralised.
  const guarded = /^[=+\-@\t\r]/.test(value) && !/^-?\d[\d,.]*%?$/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}
