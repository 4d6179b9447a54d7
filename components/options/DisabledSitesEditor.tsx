import { useState } from 'preact/hooks';
import { normalizeSite } from '../../settings/settings';

type DisabledSitesEditorProps = {
  /** Host names where Medmark is switched off, as stored ("example.com"). */
  sites: string[];
  /** The whole new list, after an addition or a removal. */
  onChange: (sites: string[]) => void;
};

/**
 * The sites where Medmark stays off. Anything a reader pastes (a full
 * address, "www.", a path) is reduced to the host name the content script
 * compares with; input that is not a site name is refused with a reason.
 */
export function DisabledSitesEditor({ sites, onChange }: DisabledSitesEditorProps) {
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | undefined>();

  const add = (event: Event) => {
    event.preventDefault();
    const site = normalizeSite(draft);
    if (!site) {
      setError(
        draft.trim() ? `“${draft.trim()}” is not a site name. Enter one such as example.com.` : 'Enter a site name, such as example.com.',
      );
      return;
    }
    if (sites.includes(site)) {
      setError(`${site} is already on the list.`);
      return;
    }
    setError(undefined);
    setDraft('');
    onChange([...sites, site]);
  };

  return (
    <fieldset class="mm-fieldset">
      <legend>Sites where Medmark is off</legend>
      {sites.length === 0 ? (
        <p class="mm-empty">None: Medmark runs on every site.</p>
      ) : (
        <ul class="mm-chips" aria-label="Sites where Medmark is off">
          {sites.map((site) => (
            <li key={site} class="mm-chip">
              <span>{site}</span>
              <button
                type="button"
                class="mm-chip__remove"
                aria-label={`Remove ${site}`}
                onClick={() => onChange(sites.filter((s) => s !== site))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="mm-row mm-add-site" onSubmit={add} noValidate>
        <label htmlFor="mm-site-input" class="mm-field-label">
          Add a site
        </label>
        <input
          id="mm-site-input"
          class="mm-input"
          type="text"
          inputMode="url"
          autocomplete="off"
          spellcheck={false}
          placeholder="example.com"
          value={draft}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'mm-site-error' : undefined}
          onInput={(e) => setDraft((e.currentTarget as HTMLInputElement).value)}
        />
        <button type="submit" class="mm-button">
          Add
        </button>
      </form>
      <p id="mm-site-error" class="mm-message mm-message--error" role="alert">
        {error}
      </p>
      <p class="mm-muted">A site covers its subdomains: example.com also switches off news.example.com.</p>
    </fieldset>
  );
}
