import { DRUG_VIEW_GLOBAL } from '../content/drug-view-loader';
import { drugView } from '../content/drug-view';
import { provideExtensionModule } from '../content/extension-module';

// Loaded by the content script on a reader's first hover, focus or click on
// a highlight (content/drug-view-loader.ts); runs in the content script's world.
// Chrome only: Firefox bundles the view in the content script (see the loader).
export default defineUnlistedScript({
  exclude: ['firefox'],
  main() {
    provideExtensionModule(DRUG_VIEW_GLOBAL, drugView);
  },
});
