import { useId, useState } from 'react';

/** Past this many characters (or lines) an answer is folded to its start, with "Show all". */
const FOLD_CHARS = 280;
const FOLD_LINES = 4;
const SHOWN_CHARS = 220;

/** The start of a long text, cut at a word boundary, or null when the text is short enough to show whole. */
export function foldedStart(text: string): string | null {
  const lines = text.split('\n');
  if (text.length <= FOLD_CHARS && lines.length <= FOLD_LINES) return null;
  let start = lines.slice(0, FOLD_LINES).join('\n').slice(0, SHOWN_CHARS);
  const lastSpace = start.lastIndexOf(' ');
  if (lastSpace > SHOWN_CHARS / 2) start = start.slice(0, lastSpace);
  return `${start.trimEnd()}…`;
}

/**
 * A prospect's long answer, folded so one essay does not push the rest of the brief off screen.
 * "Show all" is a real button (aria-expanded) next to the text it unfolds.
 */
export function LongText({ text, className }: { text: string; className?: string }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const start = foldedStart(text);
  if (start === null) return <span className={className}>{text}</span>;
  return (
    <>
      <span id={id} className={className}>
        {open ? text : start}
      </span>{' '}
      <button
        type="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
        className="whitespace-nowrap text-xs not-italic text-sky-700 underline underline-offset-2 hover:text-sky-900 focus-visible:outline-2 focus-visible:outline-amber-500"
      >
        {open ? 'Show less' : 'Show all'}
      </button>
    </>
  );
}
