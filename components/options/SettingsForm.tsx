import { useEffect, useState } from 'preact/hooks';
import { HOVER_DELAY_RANGE_MS, type HighlightStyle, type MentionMode, type Settings } from '../../settings/settings';
import { DisabledSitesEditor } from './DisabledSitesEditor';

type SettingsFormProps = {
  settings: Settings;
  /** The fields that changed; the wiring stores them at once. */
  onChange: (change: Partial<Settings>) => void;
};

const STYLE_CHOICES: { value: HighlightStyle; label: string; hint: string }[] = [
  { value: 'underline', label: 'Underline', hint: 'A dotted line under each name.' },
  { value: 'background', label: 'Tinted background', hint: 'A light colour behind each name.' },
  { value: 'hover', label: 'None until I hover', hint: 'Names look like the rest of the text until you point at them or Tab to them.' },
];

const MENTION_CHOICES: { value: MentionMode; label: string }[] = [
  { value: 'all', label: 'Every mention' },
  { value: 'first', label: 'First mention of each medicine' },
];

/** Steps of the delay field: finer than people can tell apart is noise. */
const HOVER_DELAY_STEP_MS = 50;

type Choice<T extends string> = { value: T; label: string; hint?: string };

/** A group of radio buttons with a legend; `name` groups them for the keyboard (arrow keys). */
function RadioGroup<T extends string>({
  legend,
  name,
  choices,
  value,
  onSelect,
}: {
  legend: string;
  name: string;
  choices: Choice<T>[];
  value: T;
  onSelect: (value: T) => void;
}) {
  return (
    <fieldset class="mm-fieldset">
      <legend>{legend}</legend>
      {choices.map((c) => (
        <label key={c.value} class="mm-choice">
          <input type="radio" name={name} value={c.value} checked={value === c.value} onChange={() => onSelect(c.value)} />
          <span>
            {c.label}
            {c.hint && <span class="mm-muted mm-choice__hint">{c.hint}</span>}
          </span>
        </label>
      ))}
    </fieldset>
  );
}

/** The hover delay, stored only when it is a whole number within range; otherwise the field says why. */
function HoverDelayField({ value, onCommit }: { value: number; onCommit: (ms: number) => void }) {
  const [draft, setDraft] = useState(String(value));
  const [error, setError] = useState<string | undefined>();
  // A change from elsewhere (another open settings page) replaces the draft.
  useEffect(() => {
    setDraft(String(value));
    setError(undefined);
  }, [value]);

  const commit = () => {
    const ms = Number(draft.trim());
    if (draft.trim() === '' || !Number.isInteger(ms) || ms < HOVER_DELAY_RANGE_MS.min || ms > HOVER_DELAY_RANGE_MS.max) {
      setError(`Enter a whole number of milliseconds from ${HOVER_DELAY_RANGE_MS.min} to ${HOVER_DELAY_RANGE_MS.max}.`);
      return;
    }
    setError(undefined);
    if (ms !== value) onCommit(ms);
  };

  return (
    <div class="mm-field">
      <label htmlFor="mm-hover-delay" class="mm-field-label">
        Hover delay (ms)
      </label>
      <p id="mm-hover-delay-hint" class="mm-muted">
        How long the pointer rests on a name before its preview opens: {HOVER_DELAY_RANGE_MS.min} to {HOVER_DELAY_RANGE_MS.max} ms. Shorter
        opens on a passing mouse.
      </p>
      <input
        id="mm-hover-delay"
        class="mm-input mm-input--number"
        type="number"
        min={HOVER_DELAY_RANGE_MS.min}
        max={HOVER_DELAY_RANGE_MS.max}
        step={HOVER_DELAY_STEP_MS}
        value={draft}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'mm-hover-delay-hint mm-hover-delay-error' : 'mm-hover-delay-hint'}
        onInput={(e) => setDraft((e.currentTarget as HTMLInputElement).value)}
        onChange={commit}
      />
      <p id="mm-hover-delay-error" class="mm-message mm-message--error" role="alert">
        {error}
      </p>
    </div>
  );
}

/** How Medmark highlights names, how soon previews open, and where it is off. Every change is saved at once. */
export function SettingsForm({ settings, onChange }: SettingsFormProps) {
  return (
    <div class="mm-settings">
      <label class="mm-choice mm-choice--toggle">
        <input
          type="checkbox"
          checked={settings.paused}
          onChange={(e) => onChange({ paused: (e.currentTarget as HTMLInputElement).checked })}
        />
        <span>
          Pause Medmark on every site
          <span class="mm-muted mm-choice__hint">Nothing is highlighted until you switch this off.</span>
        </span>
      </label>
      <RadioGroup
        legend="Highlight style"
        name="highlightStyle"
        choices={STYLE_CHOICES}
        value={settings.highlightStyle}
        onSelect={(highlightStyle) => onChange({ highlightStyle })}
      />
      <RadioGroup
        legend="Which mentions to highlight"
        name="mentions"
        choices={MENTION_CHOICES}
        value={settings.mentions}
        onSelect={(mentions) => onChange({ mentions })}
      />
      <HoverDelayField value={settings.hoverDelayMs} onCommit={(hoverDelayMs) => onChange({ hoverDelayMs })} />
      <DisabledSitesEditor sites={settings.disabledSites} onChange={(disabledSites) => onChange({ disabledSites })} />
    </div>
  );
}
