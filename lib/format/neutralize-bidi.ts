/**
 * Unicode bidirectional controls: embeddings and overrides (U+202A–U+202E), isolates
 * (U+2066–U+2069) and the invisible marks (U+200E LRM, U+200F RLM, U+061C ALM). In text a CRM
 * record holds, they let anyone who can type into a form reorder what the rep sees: a company
 * written "Saltmarsh Media" with a right-to-left override can display as "…exe.png", and an
 * unclosed override spills into the text after it. The panel draws names in their own <bdi>
 * (the browser isolates their direction), so these controls add nothing a rep needs.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;

/** The text without bidi controls; everything else kept as it is (same order, same characters). */
export function neutralizeBidi(text: string): string {
  // Most strings have none: test first, so the common case allocates nothing.
  BIDI_CONTROLS.lastIndex = 0;
  if (!BIDI_CONTROLS.test(text)) return text;
  BIDI_CONTROLS.lastIndex = 0;
  return text.replace(BIDI_CONTROLS, '');
}

/** Whether a character is one of the controls neutralizeBidi removes (for tests and checks). */
export function isBidiControl(char: string): boolean {
  return /^[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]$/.test(char);
}

/**
 * Every string inside a value (objects and arrays, recursively) neutralised; numbers, booleans and
 * null kept. For a view model about to be drawn: one pass covers every CRM-sourced string in it,
 * so a field added later is covered without anyone remembering to. Returns the same object when
 * nothing changed, so memoised consumers do not re-render.
 */
export function neutralizeBidiDeep<T>(value: T): T {
  if (typeof value === 'string') return neutralizeBidi(value) as T;
  if (Array.isArray(value)) {
    let changed = false;
    const next = value.map((item: unknown) => {
      const cleaned = neutralizeBidiDeep(item);
      if (cleaned !== item) changed = true;
      return cleaned;
    });
    return (changed ? next : value) as T;
  }
  if (value !== null && typeof value === 'object') {
    let changed = false;
    const next: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      const cleanKey = neutralizeBidi(key);
      const cleaned = neutralizeBidiDeep(item);
      if (cleaned !== item || cleanKey !== key) changed = true;
      next[cleanKey] = cleaned;
    }
    return (changed ? next : value) as T;
  }
  return value;
}
