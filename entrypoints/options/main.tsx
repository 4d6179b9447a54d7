/** The settings page: wires storage to `OptionsPage`. */
import kb from 'virtual:medmark/kb';
import { render } from 'preact';
import { OptionsPage } from '../../components/options/OptionsPage';
import { downloadMedicationFile, importMedicationFile } from '../../extension-pages/medication-list';
import { medicationIdsOf } from '../../settings/known-ids';
import type { MyMedication, Settings } from '../../settings/settings';
import {
  loadMedications,
  loadSettings,
  removeMedication,
  updateSettings,
  watchMedications,
  watchSettings,
} from '../../settings/storage-items';
import '../../components/extension-page.css';

const knownIds = medicationIdsOf(kb);
const names = new Map([...kb.drugs, ...kb.agents].map((x) => [x.id, x.name]));
const nameOf = (id: string) => names.get(id) ?? id;

let settings: Settings | undefined;
let medications: MyMedication[] = [];

const root = document.getElementById('app')!;

function draw() {
  render(
    <OptionsPage
      settings={settings}
      onChange={(change) => void updateSettings(() => change).then(showSettings)}
      medications={medications.map((m) => ({ id: m.id, name: nameOf(m.id) }))}
      onRemoveMedication={(id) => void removeMedication(id, knownIds)}
      onExportMedications={() => downloadMedicationFile(medications, nameOf)}
      onImportMedications={(file) => importMedicationFile(file, knownIds)}
    />,
    root,
  );
}

function showSettings(next: Settings) {
  settings = next;
  draw();
}

function showMedications(list: MyMedication[]) {
  medications = list;
  draw();
}

draw();
void loadSettings().then(showSettings);
watchSettings(showSettings);
void loadMedications(knownIds).then(showMedications);
watchMedications(knownIds, showMedications);
