import kb from 'virtual:medmark/kb';
import { render } from 'preact';
import { browser, type Browser } from 'wxt/browser';
import { PopupView, type PopupPage } from '../../components/popup/PopupView';
import '../../components/extension-page.css';
import '../../components/popup/popup.css';
import { createInteractionResolver } from '../../drugs/interactions';
import { reportPage } from '../../drugs/page-report';
import { fetchPageState, sendToTab } from '../../extension-pages/active-tab';
import { shortcutsFrom, type Shortcut } from '../../messaging/commands';
import { medicationIdsOf } from '../../settings/known-ids';
import { normalizeSite } from '../../settings/settings';
import { addMedication, loadMedications, updateSettings, watchMedications, watchSettings } from '../../settings/storage-items';

const app = document.getElementById('app')!;
const resolver = createInteractionResolver(kb);
const knownIds = medicationIdsOf(kb);
const names = new Map<string, string>([...kb.drugs, ...kb.agents].map((x) => [x.id, x.name]));

/**
 * The tab this popup is about: the active tab, or the one named by `?tabId=`
 * (the popup opened as a page of its own, as the browser suite does).
 */
async function targetTab(): Promise<Browser.tabs.Tab | undefined> {
  const fromUrl = Number(new URLSearchParams(location.search).get('tabId'));
  if (Number.isInteger(fromUrl) && fromUrl > 0) return browser.tabs.get(fromUrl);
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active;
}

let tab: Browser.tabs.Tab | undefined;
let page: PopupPage = { kind: 'loading' };
let myMedicationIds: string[] = [];
let shortcuts: Shortcut[] = [];

/** The shortcuts as the reader has set them in the browser (they can change or clear each one). */
async function loadShortcuts() {
  shortcuts = shortcutsFrom(await browser.commands.getAll());
  draw();
}

async function refresh() {
  tab ??= await targetTab();
  myMedicationIds = (await loadMedications(knownIds)).map((m) => m.id);
  // No answer: no content script here (a browser page, the store, the PDF viewer).
  const state = tab?.id !== undefined ? await fetchPageState(tab.id) : undefined;
  if (!state) {
    page = { kind: 'unavailable' };
  } else {
    const report = reportPage(kb, resolver, state.drugs, myMedicationIds);
    page = { kind: 'ready', status: state.status, host: state.host, drugs: report.drugs, findings: report.findings };
  }
  draw();
}

function draw() {
  render(
    <PopupView
      page={page}
      nameOf={(id) => names.get(id) ?? id}
      myMedicationIds={myMedicationIds}
      onJump={(id) => {
        if (tab?.id !== undefined) void sendToTab(tab.id, { type: 'medmark/jump', id });
      }}
      onAddToMyMedications={(id) => {
        void addMedication(id, knownIds);
      }}
      onToggleSite={() => {
        if (page.kind !== 'ready') return;
        const host = normalizeSite(page.host);
        if (!host) return;
        void updateSettings((s) => ({
          disabledSites: s.disabledSites.includes(host) ? s.disabledSites.filter((x) => x !== host) : [...s.disabledSites, host],
        }));
      }}
      onTogglePause={() => {
        void updateSettings((s) => ({ paused: !s.paused }));
      }}
      onTogglePage={() => {
        if (tab?.id !== undefined) void sendToTab(tab.id, { type: 'medmark/toggle-page' }).then(() => refresh());
      }}
      shortcuts={shortcuts}
      onOpenPanel={openPanel}
      onOpenSettings={() => {
        void browser.runtime.openOptionsPage();
      }}
    />,
    app,
  );
}

/** Chrome's side panel or Firefox's sidebar; both must open inside the click that asks for them. */
function openPanel() {
  const chromeSidePanel = (globalThis as { chrome?: { sidePanel?: { open(o: { windowId: number }): Promise<void> } } }).chrome?.sidePanel;
  const firefoxSidebar = (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
  if (chromeSidePanel && tab?.windowId !== undefined) void chromeSidePanel.open({ windowId: tab.windowId });
  else if (firefoxSidebar) void firefoxSidebar.open();
}

// The content script applies a settings change at once; ask it again afterwards.
const REFRESH_AFTER_SETTINGS_MS = 150;
watchSettings(() => setTimeout(() => void refresh(), REFRESH_AFTER_SETTINGS_MS));
watchMedications(knownIds, () => void refresh());
draw();
void refresh();
void loadShortcuts();
