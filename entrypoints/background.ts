import kb from 'virtual:medmark/kb';
import { browser } from 'wxt/browser';
import { createRequestHandler } from '../messaging/handle-request';
import { isMedmarkRequest } from '../messaging/protocol';

export default defineBackground(() => {
  // Built on first use: a service worker that wakes for one hover should not
  // pay for indexing interactions it may never need.
  let handle: ReturnType<typeof createRequestHandler> | undefined;
  browser.runtime.onMessage.addListener((message: unknown) => {
    if (!isMedmarkRequest(message)) return undefined;
    handle ??= createRequestHandler(kb);
    return Promise.resolve(handle(message));
  });
});
