import type { Settings } from '../../settings/settings';
import { MyMedications, type ImportOutcome, type MedicationEntry } from '../MyMedications';
import { SettingsForm } from './SettingsForm';

type OptionsPageProps = {
  /** Undefined until loaded from storage. */
  settings: Settings | undefined;
  /** The fields that changed; the wiring stores them at once. */
  onChange: (change: Partial<Settings>) => void;
  /** The reader's list, in the order added, with display names. */
  medications: MedicationEntry[];
  onRemoveMedication: (id: string) => void;
  onExportMedications: () => void;
  onImportMedications: (file: File) => Promise<ImportOutcome>;
};

/** The settings page: how Medmark highlights, where it runs, and the reader's medication list. */
export function OptionsPage({
  settings,
  onChange,
  medications,
  onRemoveMedication,
  onExportMedications,
  onImportMedications,
}: OptionsPageProps) {
  return (
    <main class="mm-options">
      <h1>Medmark settings</h1>
      <p class="mm-muted">Changes are saved as you make them.</p>
      <section class="mm-view" aria-labelledby="mm-highlighting-title">
        <h2 id="mm-highlighting-title">Highlighting</h2>
        {settings ? <SettingsForm settings={settings} onChange={onChange} /> : <p aria-busy="true">Loading…</p>}
      </section>
      <MyMedications
        medications={medications}
        onRemove={onRemoveMedication}
        onExport={onExportMedications}
        onImportFile={onImportMedications}
        emptyHint="Add medicines from the Medmark side panel, or from a medicine’s popover on any page."
      />
    </main>
  );
}
