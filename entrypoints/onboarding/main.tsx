/**
 * The onboarding page, opened once when Medmark is installed (background.ts).
 * Content scripts do not run on extension pages, so the sample paragraph is
 * highlighted here with the same engine and drawing the pages get.
 */
import kb from 'virtual:medmark/kb';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { OnboardingView } from '../../components/onboarding/OnboardingView';
import { createBackgroundClient } from '../../content/background-client';
import { drugView } from '../../content/drug-view';
import { highlightBody } from '../../content/highlight-body';
import { STYLE_ATTRIBUTE } from '../../content/medmark-controller';
import { nameEntriesOf } from '../../drugs/name-entries';
import { compileNameIndex } from '../../drugs/name-index';
import { shortcutsFrom, type Shortcut } from '../../messaging/commands';
import { addMedication } from '../../settings/storage-items';
import { medicationIdsOf } from '../../settings/known-ids';
import '../../components/extension-page.css';
import '../../content/highlight.css';

const SAMPLE_ID = 'mm-sample';
const app = document.getElementById('app')!;
const knownIds = medicationIdsOf(kb);

function draw(shortcuts: Shortcut[]) {
  render(<OnboardingView shortcuts={shortcuts} sampleId={SAMPLE_ID} onOpenSettings={() => void browser.runtime.openOptionsPage()} />, app);
}

draw([]);
const found = new Set<string>();
highlightBody(document.getElementById(SAMPLE_ID)!, {
  index: compileNameIndex(nameEntriesOf(kb)),
  client: createBackgroundClient(),
  onMatch: (match) => (found.add(match.drug), true),
  decorate: (marks) => marks.forEach((mark) => mark.setAttribute(STYLE_ATTRIBUTE, 'underline')),
  pageDrugIds: () => [...found],
  hoverDelayMs: () => 350,
  addMedication: (id) => addMedication(id, knownIds),
  loadView: async () => drugView,
});
void browser.commands.getAll().then((commands) => draw(shortcutsFrom(commands)));
