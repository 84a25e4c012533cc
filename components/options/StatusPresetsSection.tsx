import { useEffect, useState } from 'preact/hooks';
import { DEFAULT_PRESETS, presetProblem, type PresetUntil, type StatusPreset } from '@/lib/status/presets';
import { statusPresets } from '@/lib/store/status-presets';
import { Field } from '../Field';

type UntilKind = PresetUntil['kind'];

/** A preset as the form holds it: every field a string, so a half-typed value stays as typed. */
interface Draft {
  emoji: string;
  text: string;
  kind: UntilKind;
  minutes: string;
  time: string;
}

const KINDS: { kind: UntilKind; label: string }[] = [
  { kind: 'minutes', label: 'After some minutes' },
  { kind: 'time', label: 'At a time of day' },
  { kind: 'tomorrow', label: 'Until tomorrow' },
  { kind: 'never', label: "Doesn't clear" },
];

const toDraft = ({ emoji, text, until }: StatusPreset): Draft => ({
  emoji,
  text,
  kind: until.kind,
  minutes: until.kind === 'minutes' ? String(until.minutes) : '60',
  time: until.kind === 'time' ? until.time : '17:00',
});

function fromDraft(draft: Draft): StatusPreset {
  const until: PresetUntil =
    draft.kind === 'minutes'
      ? { kind: 'minutes', minutes: Number(draft.minutes) }
      : draft.kind === 'time'
        ? { kind: 'time', time: draft.time }
        : { kind: draft.kind };
  return { emoji: draft.emoji.trim(), text: draft.text.trim(), until };
}

function PresetRow(props: {
  index: number;
  draft: Draft;
  error: string;
  onChange: (draft: Draft) => void;
  onRemove: () => void;
}) {
  const { index, draft, error, onChange } = props;
  const id = `status-preset-${index}`;
  const set = (field: keyof Draft) => (event: Event) =>
    onChange({ ...draft, [field]: (event.currentTarget as HTMLInputElement).value });
  return (
    <li class="status-preset">
      <fieldset aria-describedby={error ? `${id}-error` : undefined}>
        <legend>Preset {index + 1}</legend>
        <Field id={`${id}-emoji`} label="Emoji" hint="Slack short name, such as :calendar:">
          {(control) => <input {...control} value={draft.emoji} onInput={set('emoji')} />}
        </Field>
        <Field id={`${id}-text`} label="Text">
          {(control) => <input {...control} value={draft.text} maxLength={100} onInput={set('text')} />}
        </Field>
        <Field id={`${id}-kind`} label="Clears">
          {(control) => (
            <select {...control} value={draft.kind} onChange={set('kind')}>
              {KINDS.map(({ kind, label }) => (
                <option key={kind} value={kind}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
        {draft.kind === 'minutes' && (
          <Field id={`${id}-minutes`} label="Minutes">
            {(control) => (
              <input {...control} type="number" min={1} step={1} value={draft.minutes} onInput={set('minutes')} />
            )}
          </Field>
        )}
        {draft.kind === 'time' && (
          <Field id={`${id}-time`} label="Time" hint="Tomorrow at that time once it has passed today">
            {(control) => <input {...control} type="time" value={draft.time} onInput={set('time')} />}
          </Field>
        )}
        {error && (
          <p id={`${id}-error`} class="error">
            {error}
          </p>
        )}
        <button type="button" onClick={props.onRemove} aria-label={`Remove preset ${index + 1}`}>
          Remove
        </button>
      </fieldset>
    </li>
  );
}

/** Options › Status: the popup's status presets, edited and saved as a setting, or reset to the defaults. */
export function StatusPresetsSection() {
  const [drafts, setDrafts] = useState<Draft[]>();
  const [errors, setErrors] = useState<string[]>([]);
  const [notice, setNotice] = useState({ text: '', failed: false });
  useEffect(() => {
    let live = true;
    void statusPresets.getValue().then((presets) => live && setDrafts(presets.map(toDraft)));
    return () => {
      live = false;
    };
  }, []);
  const save = async (event: Event) => {
    event.preventDefault();
    const presets = (drafts ?? []).map(fromDraft);
    const problems = presets.map(presetProblem);
    setErrors(problems);
    if (problems.some(Boolean)) {
      setNotice({ text: 'Some presets need a fix before they can be saved.', failed: true });
      return;
    }
    await statusPresets.setValue(presets);
    setNotice({ text: `Saved ${presets.length} preset${presets.length === 1 ? '' : 's'}.`, failed: false });
  };
  const reset = async () => {
    await statusPresets.setValue([...DEFAULT_PRESETS]);
    setDrafts(DEFAULT_PRESETS.map(toDraft));
    setErrors([]);
    setNotice({ text: 'Presets reset to the defaults.', failed: false });
  };
  return (
    <section id="status" aria-labelledby="status-title">
      <h2 id="status-title">Status</h2>
      <p class="muted">
        The presets the popup's Status section offers. Each sets an emoji and a text in Slack, and clears after some
        minutes, at a time of day, or at midnight.
      </p>
      {drafts && (
        <form onSubmit={(event) => void save(event)}>
          <ul class="status-presets">
            {drafts.map((draft, index) => (
              <PresetRow
                key={index}
                index={index}
                draft={draft}
                error={errors[index] ?? ''}
                onChange={(next) => setDrafts(drafts.map((entry, at) => (at === index ? next : entry)))}
                onRemove={() => {
                  setDrafts(drafts.filter((_entry, at) => at !== index));
                  setErrors(errors.filter((_entry, at) => at !== index));
                }}
              />
            ))}
          </ul>
          <div class="row">
            <button
              type="button"
              onClick={() =>
                setDrafts([
                  ...drafts,
                  toDraft({ emoji: ':speech_balloon:', text: '', until: { kind: 'minutes', minutes: 60 } }),
                ])
              }
            >
              Add preset
            </button>
            <button type="submit" class="primary">
              Save presets
            </button>
            <button type="button" onClick={() => void reset()}>
              Reset to defaults
            </button>
          </div>
        </form>
      )}
      <p role="status" class={notice.failed ? 'error' : 'muted'}>
        {notice.text}
      </p>
    </section>
  );
}
