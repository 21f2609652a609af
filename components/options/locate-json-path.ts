/**
 * Where a field path ("tiers.0.target.amount") sits in JSON text, so a validation error can put
 * the caret on the offending line of a long document. JSON.parse keeps no positions, hence this
 * small scanner. Returns the offset of the member's key (or of the array element), or null when
 * the text is not valid JSON or the path is not in it.
 */
export function locateJsonPath(text: string, path: string): number | null {
  if (!path || path === '(root)') return null;
  const segments = path.split('.');
  let i = 0;

  const ws = () => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  const readString = (): string => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const skipValue = () => {
    ws();
    const c = text[i];
    if (c === '"') return void readString();
    if (c === '{' || c === '[') {
      let depth = 0;
      while (i < text.length) {
        const ch = text[i]!;
        if (ch === '"') {
          readString();
          continue;
        }
        if (ch === '{' || ch === '[') depth++;
        if (ch === '}' || ch === ']') depth--;
        i++;
        if (depth === 0) return;
      }
      throw new Error('unterminated');
    }
    while (i < text.length && !/[\s,\]}]/.test(text[i]!)) i++;
  };
  /** At a value: walk into it along the remaining segments. */
  const descend = (depth: number): number | null => {
    ws();
    const want = segments[depth]!;
    const last = depth === segments.length - 1;
    if (text[i] === '{') {
      i++;
      for (;;) {
        ws();
        if (text[i] !== '"') return null;
        const keyAt = i;
        const key = readString();
        ws();
        if (text[i] !== ':') return null;
        i++;
        if (key === want) return last ? keyAt : descend(depth + 1);
        skipValue();
        ws();
        if (text[i] !== ',') return null;
        i++;
      }
    }
    if (text[i] === '[') {
      i++;
      for (let index = 0; ; index++) {
        ws();
        if (text[i] === ']') return null;
        if (String(index) === want) return last ? (ws(), i) : descend(depth + 1);
        skipValue();
        ws();
        if (text[i] !== ',') return null;
        i++;
      }
    }
    return null;
  };

  try {
    return descend(0);
  } catch {
    return null;
  }
}

/** 1-based line of a character offset. */
export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text[i] === '\n') line++;
  return line;
}
