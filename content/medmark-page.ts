/**
 * The engine's start on one page: the name index (built a slice at a time
 * inside the scanner's first slices), the controller that follows the
 * settings, and the answers to the toolbar popup. Loaded by the bootstrap
 * (`entrypoints/content.ts`) once the page has something to read
 * (docs/adr/0010).
 */
import names from 'virtual:medmark/names';
import { decodeNames, type ShippedNames } from '../drugs/name-encoding';
import { createNameIndexBuilder } from '../drugs/name-index';
import type { PageState, StepAnswer, TabRequest } from '../messaging/tab-protocol';
import { loadSettings, watchMedicationsChanged, watchSettings } from '../settings/storage-items';
import { createBackgroundClient } from './background-client';
import { loadDrugView } from './drug-view-loader';
import { createMedmarkController } from './medmark-controller';

export type MedmarkPage = {
  /** The toolbar popup's questions: what is on this page, or jump to a mention. */
  answer(request: TabRequest): Promise<PageState | StepAnswer | boolean | null>;
  destroy(): void;
};

export type MedmarkEngine = { startMedmarkPage(): MedmarkPage };

export function startMedmarkPage(): MedmarkPage {
  const builder = createNameIndexBuilder(() => {
    const shipped = JSON.parse(names) as ShippedNames;
    return { entries: decodeNames(shipped.names), misspellingExclusions: shipped.notMisspellings };
  });
  const controller = createMedmarkController({
    index: builder.index,
    prepareIndex: builder.step,
    host: location.hostname,
    client: createBackgroundClient(),
    loadSettings,
    watchSettings,
    watchMedications: watchMedicationsChanged,
    loadView: loadDrugView,
  });
  return {
    answer: (request) => controller.ready.then(() => controller.handleTabRequest(request)),
    destroy: () => controller.destroy(),
  };
}
