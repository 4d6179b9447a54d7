import kb from 'virtual:medmark/kb';
import { browser } from 'wxt/browser';
import { createRequestHandler, type RequestHandler } from '../messaging/handle-request';
import { requestForCommand } from '../messaging/commands';
import { isMedmarkRequest, type MedmarkRequest } from '../messaging/protocol';
import { addMedication, loadMedications } from '../settings/storage-items';
import { medicationIdsOf } from '../settings/known-ids';

// Chrome MV3 has `action`; the Firefox MV2 build has `browserAction` with the same badge calls.
const toolbarButton = () => browser.action ?? browser.browserAction;

export default defineBackground(() => {
  const knownIds = medicationIdsOf(kb);
  // Built on first use: a service worker that wakes for one hover should not
  // pay for indexing interactions it may never need.
  let handle: RequestHandler | undefined;

  const answer = async (message: MedmarkRequest, tabId: number | undefined, frameId: number | undefined): Promise<unknown> => {
    switch (message.type) {
      case 'medmark/page-count':
        // The badge shows the distinct drugs on the tab's page (its top frame; a
        // frame is a page of its own); nothing on the badge when there are none.
        if (tabId !== undefined && frameId === 0)
          await toolbarButton().setBadgeText({ tabId, text: message.count > 0 ? String(message.count) : '' });
        return null;
      case 'medmark/add-medication':
        return (await addMedication(message.id, knownIds)).map((m) => m.id);
      default: {
        // Read for each request, not cached: a cache updated by a storage watcher
        // could answer a content script that saw the same change first with the old list.
        const myMedicationIds = (await loadMedications(knownIds)).map((m) => m.id);
        handle ??= createRequestHandler(kb);
        return handle(message, { myMedicationIds });
      }
    }
  };

  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (!isMedmarkRequest(message)) return undefined;
    return answer(message, sender.tab?.id, sender.frameId);
  });

  // Once, on first install (not on updates or browser restarts): what Medmark does and how to use it.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/onboarding.html') });
  });

  // Keyboard shortcuts (messaging/commands.ts): the page of the tab they were pressed in does the work.
  browser.commands.onCommand.addListener((command, tab) => {
    const request = requestForCommand(command);
    if (request && tab?.id !== undefined) browser.tabs.sendMessage(tab.id, request, { frameId: 0 }).catch(() => {});
  });

  // A new page in the tab starts with no drugs: clear the badge until its content script counts again.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') void toolbarButton().setBadgeText({ tabId, text: '' });
  });
  void toolbarButton().setBadgeBackgroundColor({ color: '#0b6e99' });
});
