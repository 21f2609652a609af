import { OptionsButton } from '../options-button';

export type EditorView = 'form' | 'json';

/** The card's "Form" / "JSON" switch: two views of the same draft. */
export function EditorViewToggle({ view, onView, subject }: { view: EditorView; onView(view: EditorView): void; subject: string }) {
  return (
    <span role="group" aria-label={`Edit the ${subject} as`} className="flex gap-1">
      {(['form', 'json'] as const).map((v) => (
        <OptionsButton key={v} aria-pressed={view === v} onClick={() => onView(v)} className={view === v ? '!border-slate-800 !bg-slate-800 !text-white' : ''}>
          {v === 'form' ? 'Form' : 'JSON'}
        </OptionsButton>
      ))}
    </span>
  );
}

/** The card's "Edit" button for the rule sets: opens the editor on the form. */
export function EditInFormButton({ controls, subject, onClick }: { controls: string; subject: string; onClick(): void }) {
  return (
    <OptionsButton aria-expanded={false} aria-controls={controls} onClick={onClick}>
      Edit<span className="sr-only"> the {subject} in a form</span>
    </OptionsButton>
  );
}
