import { SalesforceError } from './salesforce-error';

/*
 * A parser for the SOQL subset the sandbox answers: SELECT field lists (with one-level
 * relationship paths such as Owner.Name, and parent-to-child subqueries such as
 * `(SELECT Id FROM Tasks ORDER BY SystemModstamp DESC LIMIT 1)`, one level deep, as Salesforce
 * allows) or COUNT(), FROM one object, WHERE with = != <> < <= > >=
 * LIKE, IN / NOT IN lists, AND / OR / NOT and parentheses, string, number, boolean, null, date,
 * date-time and relative date literals (TODAY, YESTERDAY, TOMORROW, LAST_N_DAYS:n, NEXT_N_DAYS:n,
 * N_DAYS_AGO:n), ORDER BY (ASC/DESC, NULLS FIRST/LAST), LIMIT and OFFSET. Anything else is a
 * MALFORMED_QUERY, reported the way Salesforce reports it (the query, a caret, row and column).
 */

export type SoqlLiteral =
  | { type: 'string'; value: string }
  | { type: 'number'; value: number }
  | { type: 'boolean'; value: boolean }
  | { type: 'null' }
  | { type: 'date'; value: string }
  | { type: 'datetime'; value: number }
  | { type: 'relativeDate'; name: string; n: number };

export interface SoqlFieldRef {
  path: string[];
  /** Offset in the query text (for error carets). */
  at: number;
}

export type SoqlCondition =
  | { kind: 'and' | 'or'; items: SoqlCondition[] }
  | { kind: 'not'; item: SoqlCondition }
  | { kind: 'compare'; field: SoqlFieldRef; op: '=' | '!=' | '<' | '<=' | '>' | '>=' | 'LIKE'; value: SoqlLiteral }
  | { kind: 'in'; field: SoqlFieldRef; negated: boolean; values: SoqlLiteral[] };

export interface SoqlQuery {
  text: string;
  countOnly: boolean;
  fields: SoqlFieldRef[];
  /** Parent-to-child subqueries in the SELECT list; each `from` names a child relationship (Tasks). */
  subqueries: SoqlQuery[];
  from: { name: string; at: number };
  where?: SoqlCondition;
  orderBy: Array<{ field: SoqlFieldRef; descending: boolean; nullsLast: boolean }>;
  limit?: number;
  offset?: number;
}

interface Token {
  kind: 'ident' | 'string' | 'number' | 'date' | 'datetime' | 'op' | 'punct' | 'eof';
  text: string;
  at: number;
}

const RELATIVE_DATES = new Set(['TODAY', 'YESTERDAY', 'TOMORROW']);
const RELATIVE_DATES_N = new Set(['LAST_N_DAYS', 'NEXT_N_DAYS', 'N_DAYS_AGO']);

/** Salesforce's positional error text: the query, a caret under the column, the row and column. */
export function soqlPositionError(errorCode: string, text: string, at: number, message: string): SalesforceError {
  const before = text.slice(0, at);
  const row = before.split('\n').length;
  const lineStart = before.lastIndexOf('\n') + 1;
  const column = at - lineStart + 1;
  const line = text.split('\n')[row - 1] ?? '';
  return new SalesforceError(400, errorCode, `\n${line}\n${' '.repeat(column - 1)}^\nERROR at Row:${row}:Column:${column}\n${message}`);
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text.charAt(i);
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const rest = text.slice(i);
    if (ch === "'") {
      let value = '';
      let j = i + 1;
      for (;;) {
        if (j >= text.length) throw soqlPositionError('MALFORMED_QUERY', text, i, 'unterminated string literal');
        const c = text.charAt(j);
        if (c === '\\') {
          const next = text.charAt(j + 1);
          const escapes: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', "'": "'", '"': '"', '\\': '\\', '%': '\\%', _: '\\_' };
          const mapped = escapes[next];
          if (mapped === undefined) throw soqlPositionError('MALFORMED_QUERY', text, j, `Invalid string literal '${text.slice(i, j + 2)}'. Illegal character sequence '\\${next}' in string literal.`);
          value += mapped;
          j += 2;
          continue;
        }
        if (c === "'") break;
        value += c;
        j++;
      }
      tokens.push({ kind: 'string', text: value, at: i });
      i = j + 1;
      continue;
    }
    const dateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?(?:Z|[+-]\d{2}:\d{2})/.exec(rest);
    if (dateTime) {
      tokens.push({ kind: 'datetime', text: dateTime[0], at: i });
      i += dateTime[0].length;
      continue;
    }
    const date = /^\d{4}-\d{2}-\d{2}(?![\dT])/.exec(rest);
    if (date) {
      tokens.push({ kind: 'date', text: date[0], at: i });
      i += date[0].length;
      continue;
    }
    const number = /^-?\d+(?:\.\d+)?/.exec(rest);
    if (number) {
      tokens.push({ kind: 'number', text: number[0], at: i });
      i += number[0].length;
      continue;
    }
    const ident = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*/.exec(rest);
    if (ident) {
      tokens.push({ kind: 'ident', text: ident[0], at: i });
      i += ident[0].length;
      continue;
    }
    const op = /^(?:!=|<>|<=|>=|=|<|>)/.exec(rest);
    if (op) {
      tokens.push({ kind: 'op', text: op[0] === '<>' ? '!=' : op[0], at: i });
      i += op[0].length;
      continue;
    }
    if ('(),:'.includes(ch)) {
      tokens.push({ kind: 'punct', text: ch, at: i });
      i++;
      continue;
    }
    throw soqlPositionError('MALFORMED_QUERY', text, i, `unexpected token: '${ch}'`);
  }
  tokens.push({ kind: 'eof', text: '<EOF>', at: text.length });
  return tokens;
}

class Parser {
  private pos = 0;
  constructor(
    private readonly text: string,
    private readonly tokens: Token[],
  ) {}

  private peek(): Token {
    return this.tokens[this.pos]!;
  }

  private next(): Token {
    return this.tokens[this.pos++]!;
  }

  private fail(token: Token = this.peek()): never {
    throw soqlPositionError('MALFORMED_QUERY', this.text, token.at, `unexpected token: '${token.text}'`);
  }

  private isKeyword(word: string, token: Token = this.peek()): boolean {
    return token.kind === 'ident' && token.text.toUpperCase() === word;
  }

  private expectKeyword(word: string): Token {
    if (!this.isKeyword(word)) this.fail();
    return this.next();
  }

  private expectPunct(p: string): void {
    const token = this.next();
    if (token.kind !== 'punct' || token.text !== p) this.fail(token);
  }

  parse(): SoqlQuery {
    const query = this.select(false);
    if (this.peek().kind !== 'eof') this.fail();
    return query;
  }

  /** One SELECT: the whole query, or (nested) a parent-to-child subquery, which has no subqueries, COUNT() or OFFSET of its own. */
  private select(nested: boolean): SoqlQuery {
    this.expectKeyword('SELECT');
    let countOnly = false;
    const fields: SoqlFieldRef[] = [];
    const subqueries: SoqlQuery[] = [];
    if (!nested && this.isKeyword('COUNT') && this.tokens[this.pos + 1]?.text === '(') {
      this.next();
      this.expectPunct('(');
      this.expectPunct(')');
      countOnly = true;
    } else {
      for (;;) {
        const token = this.next();
        if (!nested && token.kind === 'punct' && token.text === '(' && this.isKeyword('SELECT')) {
          subqueries.push(this.select(true));
          this.expectPunct(')');
        } else {
          if (token.kind !== 'ident' || this.isKeyword('FROM', token)) this.fail(token);
          if (this.peek().text === '(') this.fail(this.peek());
          fields.push({ path: token.text.split('.'), at: token.at });
        }
        if (this.peek().text !== ',') break;
        this.next();
      }
    }
    this.expectKeyword('FROM');
    const from = this.next();
    if (from.kind !== 'ident' || from.text.includes('.')) this.fail(from);
    const query: SoqlQuery = { text: this.text, countOnly, fields, subqueries, from: { name: from.text, at: from.at }, orderBy: [] };
    if (this.isKeyword('WHERE')) {
      this.next();
      query.where = this.orExpr();
    }
    if (this.isKeyword('ORDER')) {
      this.next();
      this.expectKeyword('BY');
      for (;;) {
        const token = this.next();
        if (token.kind !== 'ident') this.fail(token);
        let descending = false;
        if (this.isKeyword('ASC')) this.next();
        else if (this.isKeyword('DESC')) {
          this.next();
          descending = true;
        }
        let nullsLast = descending;
        if (this.isKeyword('NULLS')) {
          this.next();
          if (this.isKeyword('FIRST')) nullsLast = false;
          else if (this.isKeyword('LAST')) nullsLast = true;
          else this.fail();
          this.next();
        }
        query.orderBy.push({ field: { path: token.text.split('.'), at: token.at }, descending, nullsLast });
        if (this.peek().text !== ',') break;
        this.next();
      }
    }
    if (this.isKeyword('LIMIT')) {
      this.next();
      query.limit = this.integer();
    }
    if (!nested && this.isKeyword('OFFSET')) {
      this.next();
      query.offset = this.integer();
      if (query.offset > 2000) throw soqlPositionError('NUMBER_OUTSIDE_VALID_RANGE', this.text, this.tokens[this.pos - 1]!.at, `Maximum SOQL offset allowed is 2000`);
    }
    return query;
  }

  private integer(): number {
    const token = this.next();
    if (token.kind !== 'number' || !/^\d+$/.test(token.text)) this.fail(token);
    return Number(token.text);
  }

  private orExpr(): SoqlCondition {
    const items = [this.andExpr()];
    while (this.isKeyword('OR')) {
      this.next();
      items.push(this.andExpr());
    }
    return items.length === 1 ? items[0]! : { kind: 'or', items };
  }

  private andExpr(): SoqlCondition {
    const items = [this.unary()];
    while (this.isKeyword('AND')) {
      this.next();
      items.push(this.unary());
    }
    return items.length === 1 ? items[0]! : { kind: 'and', items };
  }

  private unary(): SoqlCondition {
    if (this.isKeyword('NOT')) {
      this.next();
      return { kind: 'not', item: this.unary() };
    }
    if (this.peek().text === '(' && this.peek().kind === 'punct') {
      this.next();
      const inner = this.orExpr();
      this.expectPunct(')');
      return inner;
    }
    return this.comparison();
  }

  private comparison(): SoqlCondition {
    const token = this.next();
    if (token.kind !== 'ident' || ['AND', 'OR', 'NOT', 'IN', 'LIKE'].includes(token.text.toUpperCase())) this.fail(token);
    const field = { path: token.text.split('.'), at: token.at };
    if (this.isKeyword('NOT') && this.isKeyword('IN', this.tokens[this.pos + 1])) {
      this.next();
      this.next();
      return { kind: 'in', field, negated: true, values: this.list() };
    }
    if (this.isKeyword('IN')) {
      this.next();
      return { kind: 'in', field, negated: false, values: this.list() };
    }
    if (this.isKeyword('LIKE')) {
      this.next();
      const value = this.literal();
      if (value.type !== 'string') this.fail(this.tokens[this.pos - 1]);
      return { kind: 'compare', field, op: 'LIKE', value };
    }
    const op = this.next();
    if (op.kind !== 'op') this.fail(op);
    return { kind: 'compare', field, op: op.text as '=' | '!=' | '<' | '<=' | '>' | '>=', value: this.literal() };
  }

  private list(): SoqlLiteral[] {
    this.expectPunct('(');
    const values = [this.literal()];
    while (this.peek().text === ',') {
      this.next();
      values.push(this.literal());
    }
    this.expectPunct(')');
    return values;
  }

  private literal(): SoqlLiteral {
    const token = this.next();
    switch (token.kind) {
      case 'string':
        return { type: 'string', value: token.text };
      case 'number':
        return { type: 'number', value: Number(token.text) };
      case 'date':
        return { type: 'date', value: token.text };
      case 'datetime': {
        const value = Date.parse(token.text);
        if (Number.isNaN(value)) this.fail(token);
        return { type: 'datetime', value };
      }
      case 'ident': {
        const upper = token.text.toUpperCase();
        if (upper === 'TRUE' || upper === 'FALSE') return { type: 'boolean', value: upper === 'TRUE' };
        if (upper === 'NULL') return { type: 'null' };
        if (RELATIVE_DATES.has(upper)) return { type: 'relativeDate', name: upper, n: 0 };
        if (RELATIVE_DATES_N.has(upper)) {
          this.expectPunct(':');
          const n = this.integer();
          return { type: 'relativeDate', name: upper, n };
        }
        return this.fail(token);
      }
      default:
        return this.fail(token);
    }
  }
}

export function parseSoql(text: string): SoqlQuery {
  return new Parser(text, tokenize(text)).parse();
}
