import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { browser } from 'wxt/browser';
import { readPanelPlacement, writePanelPlacement, type PanelPlacement } from '../../lib/storage/panel-placement';

const PLACEMENT_KEY = ['panel-placement'] as const;

const CHOICES: ReadonlyArray<{ value: PanelPlacement; label: string; hint: string }> = [
  { value: 'page', label: 'Beside the CRM record', hint: 'The CRM page moves over to make room; collapse Baton to a thin bar with one click.' },
  { value: 'side-panel', label: "In Chrome's side panel", hint: "Nothing is added to the CRM page. Baton follows the tab you are on; open it from Chrome's side panel menu." },
];

/** Options: where the rep sees the lead panel. Saved at once, per browser profile; open CRM tabs follow without a reload. */
export function PanelPlacementSection() {
  const client = useQueryClient();
  const stored = useQuery({ queryKey: PLACEMENT_KEY, queryFn: readPanelPlacement });
  const save = useMutation({
    mutationFn: writePanelPlacement,
    onSuccess: () => client.invalidateQueries({ queryKey: PLACEMENT_KEY }),
  });
  const current = save.isPending ? save.variables : stored.data;

  return (
    <section aria-labelledby="placement-heading" className="mt-6 rounded-lg border border-slate-200 p-4">
      <h2 id="placement-heading" className="text-base font-semibold text-slate-900">Where Baton shows</h2>
      <p className="mt-1 text-slate-600">
        Press <kbd className="rounded border border-slate-300 px-1">Alt</kbd>+<kbd className="rounded border border-slate-300 px-1">Shift</kbd>+
        <kbd className="rounded border border-slate-300 px-1">K</kbd> to show, go to or hide Baton in either place (change the keys at chrome://extensions/shortcuts).
      </p>
      {stored.isPending ? <p role="status">Loading…</p> : null}
      {stored.isError ? <p role="alert" className="text-red-800">Could not read this setting: {stored.error.message}</p> : null}
      {current ? (
        <fieldset className="mt-3 flex flex-col gap-2">
          <legend className="sr-only">Where Baton shows</legend>
          {CHOICES.map((choice) => (
            <label key={choice.value} className="flex items-start gap-2">
              <input type="radio" name="panel-placement" className="mt-1" value={choice.value} checked={current === choice.value} onChange={() => save.mutate(choice.value)} />
              <span>
                <span className="font-medium text-slate-900">{choice.label}</span>
                <span className="block text-slate-600">{choice.hint}</span>
              </span>
            </label>
          ))}
        </fieldset>
      ) : null}
      {current === 'side-panel' ? <OpenSidePanelButton /> : null}
      {save.isSuccess ? <p role="status" className="mt-2">Saved.</p> : null}
      {save.isError ? <p role="alert" className="mt-2 text-red-800">Not saved: {save.error.message}</p> : null}
    </section>
  );
}

/** Chrome opens its side panel only in answer to a click or a key, so the choice comes with a button that does it. */
function OpenSidePanelButton() {
  const [problem, setProblem] = useState<string | null>(null);
  const open = async () => {
    try {
      const { id } = await browser.windows.getCurrent();
      if (id !== undefined) await browser.sidePanel.open({ windowId: id });
      setProblem(null);
    } catch (err) {
      setProblem(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <p className="mt-3 flex flex-wrap items-center gap-3">
      <button type="button" onClick={() => void open()} className="rounded bg-slate-900 px-3 py-1.5 font-medium text-white hover:bg-slate-700">
        Open Baton in the side panel
      </button>
      {problem ? <span role="alert" className="text-red-800">Chrome did not open it: {problem}</span> : null}
    </p>
  );
}
