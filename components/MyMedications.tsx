import { useState } from 'preact/hooks';

/** One medicine on the reader's list, with the name to show for it. */
export type MedicationEntry = {
  id: string;
  name: string;
  /** False for medicines known only to the checker (digoxin...), which have no record to open. */
  hasRecord?: boolean;
};

/** What importing a file did: how many medicines the list now has, or why nothing changed. */
export type ImportOutcome = { ok: true; count: number } | { ok: false; error: string };

type MyMedicationsProps = {
  /** The reader's list, in the order the medicines were added. */
  medications: MedicationEntry[];
  onRemove: (id: string) => void;
  /** Saves the list as a file (the page's wiring does the download). */
  onExport: () => void;
  /** Reads and imports the chosen file; on error the list must be left as it was. */
  onImportFile: (file: File) => Promise<ImportOutcome>;
  /** Opens a medicine's record; when given, names of medicines with a record are buttons. */
  onOpenDrug?: (id: string) => void;
  /** Where to add medicines, said when the list is empty (it differs by page). */
  emptyHint: string;
};

type Message = { kind: 'done' | 'error'; text: string };

/** Shown when the file cannot even be read (a removed file, a permission error): nothing was imported. */
const UNREADABLE_FILE = 'Medmark could not read this file. Nothing was changed.';

/** "My medications": the reader's own list, with removal and a file to carry it to another browser. */
export function MyMedications({ medications, onRemove, onExport, onImportFile, onOpenDrug, emptyHint }: MyMedicationsProps) {
  const [message, setMessage] = useState<Message | undefined>();

  const importChosen = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    // Cleared so that choosing the same file again (after fixing it) fires again.
    input.value = '';
    if (!file) return;
    try {
      const outcome = await onImportFile(file);
      setMessage(
        outcome.ok
          ? { kind: 'done', text: `Imported ${outcome.count} ${outcome.count === 1 ? 'medicine' : 'medicines'}` }
          : { kind: 'error', text: outcome.error },
      );
    } catch {
      setMessage({ kind: 'error', text: UNREADABLE_FILE });
    }
  };

  return (
    <section class="mm-view mm-meds" aria-labelledby="mm-meds-title">
      <h2 id="mm-meds-title" tabIndex={-1}>
        My medications
      </h2>
      <p class="mm-muted">
        Medmark checks medicines you read about against this list. It stays in this browser and is never sent anywhere.
      </p>
      {medications.length === 0 ? (
        <p class="mm-empty">Your list is empty. {emptyHint}</p>
      ) : (
        <ul class="mm-chips mm-meds__list">
          {medications.map((m) => (
            <li key={m.id} class="mm-chip">
              {onOpenDrug && m.hasRecord !== false ? (
                <button type="button" class="mm-link-button" onClick={() => onOpenDrug(m.id)}>
                  {m.name}
                </button>
              ) : (
                <span>{m.name}</span>
              )}
              <button
                type="button"
                class="mm-chip__remove"
                aria-label={`Remove ${m.name} from My medications`}
                onClick={() => onRemove(m.id)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="mm-row">
        <button type="button" class="mm-button" onClick={onExport} disabled={medications.length === 0}>
          Export list
        </button>
        <label class="mm-button mm-file">
          Import a list…
          <input type="file" accept=".json,application/json" class="mm-visually-hidden" onChange={importChosen} />
        </label>
      </div>
      <p class="mm-muted">Importing replaces this list with the one in the file.</p>
      {/* Both live regions are always there, so a screen reader hears the text that appears in them. */}
      <p class="mm-message" role="status">
        {message?.kind === 'done' && message.text}
      </p>
      <p class="mm-message mm-message--error" role="alert">
        {message?.kind === 'error' && message.text}
      </p>
    </section>
  );
}
