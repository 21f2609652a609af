import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import type { ChangeEvent, ReactNode } from 'react';
import { checkAdminSetting, defaultAdminSetting, resetAdminSetting, watchAdminSetting, writeAdminSetting } from '../../lib/storage/admin-settings';
import type { AdminSettingKind, AdminSettingValues } from '../../lib/storage/admin-settings';
import type { AdminSettingError } from '../../lib/storage/admin-setting-errors';
import { adminSettingFileName, formatAdminSettingJson, importAdminSettingJson } from '../../lib/storage/admin-setting-json';
import { adminSettingsQueries } from './admin-settings-queries';
import { downloadTextFile } from './download-text-file';
import { lineOf, locateJsonPath } from './locate-json-path';
import { draftNextVersion } from './new-version-draft';
import { OptionsButton } from './options-button';
import { RulesForm } from './rules-editor/rules-form';
import { EditInFormButton, EditorViewToggle } from './rules-editor/editor-view-toggle';
import { isRulesEditorKind, type RulesEditorKind } from '../../lib/rules-editor/form-state';
import { readTeamRulesCache } from '../../lib/storage/team-rules-cache';

export interface AdminSettingCardProps<K extends AdminSettingKind> {
  kind: K;
  title: string;
  /** What the setting decides, in one line. */
  description: string;
  summary: (value: AdminSettingValues[K]) => ReactNode;
}

interface ChangeLogLine {
  version: string;
  when: string;
  author?: string;
  summary: string;
}

/** The settings' change logs differ slightly (date vs at); the card shows them the same way. */
function changeLogOf(value: unknown): ChangeLogLine[] | null {
  const log = (value as { changeLog?: unknown }).changeLog;
  if (!Array.isArray(log)) return null;
  return (log as { version: string | number; date?: string; at?: string; author?: string; summary: string }[]).map((e) => ({
    version: String(e.version),
    when: (e.date ?? e.at ?? '').slice(0, 10),
    author: e.author || undefined,
    summary: e.summary,
  }));
}

function versionOf(value: unknown): string | null {
  const v = (value as { version?: unknown }).version;
  return typeof v === 'number' || typeof v === 'string' ? String(v) : null;
}

/** Character offset of a 1-based line and column, to put the caret on a JSON syntax error. */
function offsetOf(text: string, line: number, column: number): number {
  const lines = text.split('\n');
  let offset = 0;
  for (let i = 0; i < Math.min(line - 1, lines.length); i++) offset += lines[i]!.length + 1;
  return Math.min(text.length, offset + column - 1);
}

/**
 * One shared setting: what is in force (version, digest, recent changes) and a JSON editor to
 * validate, save, reset, import and export it. Nothing reaches storage without passing the
 * domain schema and the publishing rule (see lib/storage/admin-settings.ts and admin-setting-publishing.ts).
 */
export function AdminSettingCard<K extends AdminSettingKind>({ kind, title, description, summary }: AdminSettingCardProps<K>) {
  const id = useId();
  const queryClient = useQueryClient();
  const query = useQuery(adminSettingsQueries.setting(kind));
  const fileInput = useRef<HTMLInputElement>(null);
  const editor = useRef<HTMLTextAreaElement>(null);
  const [open, setOpen] = useState(false);
  const hasForm = isRulesEditorKind(kind); // the rule sets have a form too; both edit the same draft text
  const [view, setView] = useState<'form' | 'json'>('form');
  const inForm = hasForm && view === 'form';
  const [text, setText] = useState('');
  const [baseline, setBaseline] = useState('');
  const [errors, setErrors] = useState<AdminSettingError[]>([]);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const [confirmReset, setConfirmReset] = useState(false);
  const resetButton = useRef<HTMLButtonElement>(null);
  const cancelReset = useRef<HTMLButtonElement>(null);
  const busyRef = useRef(false);

  // Another options tab (or a future admin sync) may change the setting: follow it.
  useEffect(
    () =>
      watchAdminSetting(kind, (value) => {
        queryClient.setQueryData(adminSettingsQueries.setting(kind).queryKey, value);
        if (kind === 'sql-definition') void queryClient.invalidateQueries({ queryKey: adminSettingsQueries.sqlDefinitionHistory().queryKey });
      }),
    [kind, queryClient],
  );

  // Keep the editor on the stored value until the admin starts changing it.
  const stored = query.data ? formatAdminSettingJson(query.data) : '';
  useEffect(() => {
    if (!stored) return;
    setText((current) => (current === baseline ? stored : current));
    setBaseline(stored);
    // Only a new stored value moves the baseline; `baseline` itself is read, not watched.
  }, [stored]);

  if (query.isPending) return <p role="status" className="py-2 text-slate-600">Loading {title}…</p>;
  if (query.isError) return <p role="alert" className="py-2 text-red-700">Could not read the {title}: {query.error.message}</p>;
  const value = query.data;
  const version = versionOf(value);
  const changeLog = changeLogOf(value);
  const isDefault = formatAdminSettingJson(defaultAdminSetting(kind)) === stored;
  const dirty = text !== stored;
  const lower = /^[A-Z]{2}/.test(title) ? title : title.charAt(0).toLowerCase() + title.slice(1); // "SQL definition" stays as written

  const show = (nextErrors: AdminSettingError[], message = '') => {
    setErrors(nextErrors);
    setStatus(message);
  };

  /** Schema first, then the publishing rule; returns the value when both pass. */
  const validate = async (source: string): Promise<AdminSettingValues[K] | null> => {
    const imported = importAdminSettingJson(kind, source);
    if (!imported.ok) return show(imported.errors), null;
    const checked = await checkAdminSetting(kind, imported.value);
    if (!checked.ok) return show(checked.errors), null;
    return checked.value;
  };

  const describeValid = (next: AdminSettingValues[K]): string => {
    const nextVersion = versionOf(next);
    if (formatAdminSettingJson(next) === stored) return `Valid. No changes from what is saved${nextVersion ? ` (version ${nextVersion})` : ''}.`;
    return nextVersion ? `Valid. Saving publishes version ${nextVersion} to every rep.` : 'Valid. Saving applies it to every rep.';
  };

  // Buttons are never disabled while busy: a focused button that becomes disabled drops keyboard
  // focus to the page. A second click is ignored instead.
  const run = async (action: () => Promise<void>) => {
    if (busyRef.current) return;
    busyRef.current = true;
    setBusy(true);
    try {
      await action();
    } catch (err) {
      show([{ path: '(root)', message: `could not reach extension storage: ${(err as Error).message}` }]);
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  };

  const onValidate = () =>
    run(async () => {
      const next = await validate(text);
      if (next) show([], describeValid(next));
    });

  const onSave = () =>
    run(async () => {
      const next = await validate(text);
      if (!next) return;
      const written = await writeAdminSetting(kind, next);
      if (!written.ok) return show(written.errors);
      const formatted = formatAdminSettingJson(written.value);
      setText(formatted);
      setBaseline(formatted);
      queryClient.setQueryData(adminSettingsQueries.setting(kind).queryKey, written.value);
      await queryClient.invalidateQueries({ queryKey: adminSettingsQueries.all });
      const savedVersion = versionOf(written.value);
      // Once the team has published rules, a local save is a draft: reps keep the published revision.
      const published = (await readTeamRulesCache())?.revisions.length ?? 0;
      show(
        [],
        published
          ? `Saved as a draft in this browser: ${title}${savedVersion ? ` version ${savedVersion}` : ''}. Reps keep the published rules until you publish it under "Shared with your team".`
          : `Saved. ${title}${savedVersion ? ` version ${savedVersion}` : ''} is now in force.`,
      );
    });

  const onReset = () =>
    run(async () => {
      const value = await resetAdminSetting(kind);
      const formatted = formatAdminSettingJson(value);
      setText(formatted);
      setBaseline(formatted);
      setConfirmReset(false);
      // The reset button is disabled now (the default is in force): keep focus in the card.
      editor.current?.focus();
      queryClient.setQueryData(adminSettingsQueries.setting(kind).queryKey, value);
      await queryClient.invalidateQueries({ queryKey: adminSettingsQueries.all });
      const v = versionOf(value);
      show([], `Reset to the shipped default${v ? ` (version ${v})` : ''}.`);
    });

  const onNewVersion = () => {
    const draft = draftNextVersion(kind, text, new Date());
    if (!draft.ok) return show([{ path: 'version', message: draft.message }]);
    setText(draft.text);
    show([], `Drafted version ${draft.version}. Make your changes, fill in the new change-log entry, then Save.`);
    editor.current?.focus();
  };

  const onExport = () => {
    downloadTextFile(adminSettingFileName(kind, value), formatAdminSettingJson(value));
    show([], `Exported ${adminSettingFileName(kind, value)}.`);
  };

  const onImport = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = ''; // choosing the same file again should import it again
    if (!file) return;
    const content = await file.text();
    setText(content);
    setOpen(true);
    setView('json'); // an imported file is reviewed as it was written
    await run(async () => {
      const next = await validate(content);
      if (next) show([], `Imported ${file.name}. ${describeValid(next)} Review it, then Save.`);
    });
    editor.current?.focus();
  };

  /** Where an error points in the editor text: the parser's line for syntax errors, else the field's key. */
  const locate = (error: AdminSettingError): { offset: number; line: number } | null => {
    if (error.line !== undefined) {
      const offset = offsetOf(text, error.line, error.column ?? 1);
      return { offset, line: error.line };
    }
    const offset = locateJsonPath(text, error.path);
    return offset === null ? null : { offset, line: lineOf(text, offset) };
  };

  const goTo = (offset: number) => {
    const area = editor.current;
    if (!area) return;
    area.focus();
    // Select the rest of the line so the field stands out, then let the browser scroll to it.
    const end = text.indexOf('\n', offset);
    area.setSelectionRange(offset, end === -1 ? text.length : end);
  };

  const headingId = `${id}-heading`;
  const editorId = `${id}-editor`;
  const helpId = `${id}-help`;
  const errorsId = `${id}-errors`;
  const recent = changeLog ? changeLog.slice(-3).reverse() : null;

  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white" data-setting={kind}>
      <header className="flex flex-wrap items-start gap-x-3 gap-y-2 border-b border-slate-100 px-4 py-3">
        <div className="min-w-0 flex-1">
          <h3 id={headingId} className="flex flex-wrap items-baseline gap-x-2 text-sm font-semibold text-slate-900">
            {title}
            {version ? <span className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs font-medium text-slate-700">v{version}</span> : null}
            <span className={`text-xs font-normal ${isDefault ? 'text-slate-500' : 'text-amber-800'}`}>{isDefault ? 'shipped default' : 'customised'}</span>
          </h3>
          <p className="mt-0.5 text-slate-600">{description}</p>
        </div>
        <div className="flex flex-wrap gap-1.5">
          {hasForm && !open ? <EditInFormButton controls={`${id}-editor-panel`} subject={lower} onClick={() => (setView('form'), setOpen(true))} /> : null}
          <OptionsButton aria-expanded={open} aria-controls={`${id}-editor-panel`} onClick={() => (open ? null : setView('json'), setOpen((o) => !o))}>
            {open ? 'Close editor' : 'Edit JSON'}
            <span className="sr-only"> for the {lower}</span>
          </OptionsButton>
          <OptionsButton onClick={() => fileInput.current?.click()}>
            Import<span className="sr-only"> {lower} from a JSON file</span>
          </OptionsButton>
          <OptionsButton onClick={onExport}>
            Export<span className="sr-only"> {lower} as JSON</span>
          </OptionsButton>
          <input ref={fileInput} type="file" accept=".json,application/json" hidden aria-label={`Import ${lower} JSON file`} onChange={(e) => void onImport(e)} />
        </div>
      </header>

      <div className="grid gap-3 px-4 py-3">
        <div>{summary(value)}</div>
        {recent ? (
          <div>
            <h4 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Recent changes</h4>
            <ol className="mt-1 grid gap-0.5">
              {recent.map((entry, i) => (
                <li key={`${entry.version}-${i}`} className="grid grid-cols-[4.5rem_5.5rem_1fr] gap-x-2">
                  <span className="font-mono text-xs leading-5 text-slate-700">v{entry.version}</span>
                  <span className="tabular-nums text-slate-500">{entry.when}</span>
                  <span className="min-w-0 text-slate-700">
                    {entry.summary}
                    {entry.author ? <span className="text-slate-500"> — {entry.author}</span> : null}
                  </span>
                </li>
              ))}
            </ol>
          </div>
        ) : null}
      </div>

      <div id={`${id}-editor-panel`} hidden={!open} className="border-t border-slate-100 px-4 py-3">
        <div className="flex items-baseline justify-between gap-2">
          {hasForm ? <EditorViewToggle view={view} onView={setView} subject={lower} /> : null}
          <label htmlFor={editorId} hidden={inForm} className="font-medium text-slate-900">
            {title} JSON
          </label>
          {dirty ? <span className="text-xs text-amber-800">Unsaved changes</span> : null}
        </div>
        <p id={helpId} className="mt-0.5 text-xs text-slate-500">
          {version
            ? 'To change it, raise the version and add a change-log entry for it (Start a new version does both). '
            : ''}
          Validate checks it without saving.
        </p>
        {inForm ? <RulesForm kind={kind as RulesEditorKind} text={text} current={value} onText={(next) => (setText(next), status ? setStatus('') : null)} /> : null}
        <textarea
          hidden={inForm}
          ref={editor}
          id={editorId}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            if (status) setStatus('');
          }}
          spellCheck={false}
          autoCapitalize="off"
          autoCorrect="off"
          rows={16}
          aria-invalid={errors.length ? true : undefined}
          aria-describedby={errors.length ? `${errorsId} ${helpId}` : helpId}
          className={`mt-1.5 block w-full resize-y rounded border bg-slate-50 px-2 py-1.5 font-mono text-xs leading-5 text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-amber-500 ${errors.length ? 'border-red-400' : 'border-slate-300'}`}
        />
        {errors.length ? (
          <div id={errorsId} role="alert" className="mt-2 rounded border border-red-200 bg-red-50 px-3 py-2 text-red-900">
            <p className="font-medium">
              {errors.length === 1 ? '1 problem to fix' : `${errors.length} problems to fix`}
            </p>
            <ul className="mt-1 grid gap-0.5">
              {errors.map((error, i) => {
                const at = open && !inForm ? locate(error) : null;
                return (
                  <li key={`${error.path}-${i}`}>
                    <code className="font-mono text-xs font-semibold">{error.path}</code>: {error.message}
                    {at ? (
                      <button type="button" onClick={() => goTo(at.offset)} className="ml-2 text-xs font-medium text-red-900 underline hover:no-underline focus-visible:outline-2 focus-visible:outline-amber-500">
                        Go to line {at.line}
                      </button>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          </div>
        ) : null}
        <div className="mt-2 flex flex-wrap items-center gap-1.5">
          <OptionsButton variant="primary" onClick={() => void onSave()} aria-busy={busy || undefined}>
            Save
          </OptionsButton>
          <OptionsButton onClick={() => void onValidate()}>
            Validate
          </OptionsButton>
          {version ? <OptionsButton onClick={onNewVersion}>Start a new version</OptionsButton> : null}
          <OptionsButton
            onClick={() => {
              setText(stored);
              show([], dirty ? 'Editor reverted to what is saved.' : 'Nothing to discard: the editor shows what is saved.');
              editor.current?.focus();
            }}
          >
            Discard changes
          </OptionsButton>
          <span className="flex-1" />
          {confirmReset ? (
            <span className="flex items-center gap-1.5" role="group" aria-label="Confirm reset">
              <span className="text-slate-700">Replace it for every rep?</span>
              <OptionsButton variant="danger" onClick={() => void onReset()}>
                Yes, reset
              </OptionsButton>
              <OptionsButton
                ref={cancelReset}
                onClick={() => {
                  setConfirmReset(false);
                  requestAnimationFrame(() => resetButton.current?.focus());
                }}
              >
                Cancel
              </OptionsButton>
            </span>
          ) : (
            <OptionsButton
              ref={resetButton}
              onClick={() => {
                setConfirmReset(true);
                // The confirmation replaces this button: move focus to its safe choice.
                requestAnimationFrame(() => cancelReset.current?.focus());
              }}
              disabled={isDefault}
            >
              Reset to default
            </OptionsButton>
          )}
        </div>
      </div>
      <p role="status" aria-live="polite" className={status ? 'border-t border-slate-100 px-4 py-2 text-emerald-800' : 'sr-only'}>
        {status}
      </p>
    </section>
  );
}
