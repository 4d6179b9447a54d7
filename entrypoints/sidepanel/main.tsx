/**
 * The side panel: wires the knowledge base, storage and the active tab to
 * `SidePanel`. The panel has the whole knowledge base bundled (it is an
 * extension page, not a content script), so it answers from it directly
 * instead of messaging the background.
 */
import kb from 'virtual:medmark/kb';
import { render } from 'preact';
import { drugIdFromAddress } from '../../components/panel/deep-link';
import { pageDrugsFrom, type PageDrugs } from '../../components/panel/page-drugs';
import { SidePanel } from '../../components/panel/SidePanel';
import { createInteractionResolver } from '../../drugs/interactions';
import { checkMedications, type CheckItem } from '../../drugs/medication-check';
import { createDrugSearch } from '../../drugs/search-index';
import { fetchActivePageState, watchActiveTab } from '../../extension-pages/active-tab';
import { downloadMedicationFile, importMedicationFile } from '../../extension-pages/medication-list';
import { createRequestHandler } from '../../messaging/handle-request';
import { medicationIdsOf } from '../../settings/known-ids';
import type { MyMedication } from '../../settings/settings';
import { addMedication, loadMedications, removeMedication, watchMedications } from '../../settings/storage-items';
import '../../components/extension-page.css';

const drugSearch = createDrugSearch(kb);
const resolver = createInteractionResolver(kb);
const handle = createRequestHandler(kb);
const knownIds = medicationIdsOf(kb);
const names = new Map([...kb.drugs, ...kb.agents].map((x) => [x.id, x.name]));
const recordIds = new Set(kb.drugs.map((d) => d.id));

const search = (query: string) => drugSearch.search(query);
const check = (items: CheckItem[]) => checkMedications(kb, resolver, items);
const nameOf = (id: string) => names.get(id) ?? id;
const hasRecord = (id: string) => recordIds.has(id);

let myMedications: MyMedication[] = [];
let pageDrugs: PageDrugs = { state: 'loading' };
// Made anew when the list changes, so the record's "With your medicines" follows it.
let getDetails = (id: string) => handle({ type: 'medmark/details', id, pageDrugIds: [] });

const root = document.getElementById('app')!;

function draw() {
  render(
    <SidePanel
      search={search}
      getDetails={getDetails}
      check={check}
      nameOf={nameOf}
      hasRecord={hasRecord}
      myMedications={myMedications}
      onAddMyMedication={(id) => void addMedication(id, knownIds)}
      onRemoveMyMedication={(id) => void removeMedication(id, knownIds)}
      onExportMyMedications={() => downloadMedicationFile(myMedications, nameOf)}
      onImportMyMedications={(file) => importMedicationFile(file, knownIds)}
      pageDrugs={pageDrugs}
      openDrugId={drugIdFromAddress(location.search, location.hash)}
    />,
    root,
  );
}

function showMedications(list: MyMedication[]) {
  myMedications = list;
  const myMedicationIds = list.map((m) => m.id);
  getDetails = (id) => handle({ type: 'medmark/details', id, pageDrugIds: [] }, { myMedicationIds });
  draw();
}

// Answers can arrive out of order when the reader switches tabs quickly; only the latest counts.
let pageRequest = 0;
async function refreshPageDrugs() {
  const request = ++pageRequest;
  const state = await fetchActivePageState();
  if (request !== pageRequest) return;
  pageDrugs = pageDrugsFrom(state);
  draw();
}

draw();
void loadMedications(knownIds).then(showMedications);
watchMedications(knownIds, showMedications);
void refreshPageDrugs();
watchActiveTab(() => void refreshPageDrugs());
// The page may have changed while the reader was in it (new content, a setting switched).
window.addEventListener('focus', () => void refreshPageDrugs());
window.addEventListener('hashchange', draw);
