import type { BackgroundClient } from '../../../content/background-client';

/** A background that knows no drug: for tests of the page side that need no answers. */
export const stubClient: BackgroundClient = {
  preview: async () => null,
  details: async () => null,
  mine: async () => ({}),
  addMedication: async () => undefined,
  pageCount: async () => undefined,
  clearCache: () => {},
};
