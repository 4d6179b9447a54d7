import { ENGINE_GLOBAL } from '../content/engine-loader';
import { provideExtensionModule } from '../content/extension-module';
import { startMedmarkPage } from '../content/medmark-page';

// Loaded by the content script's bootstrap once the page has something to
// read (content/engine-loader.ts); runs in the content script's world.
// Chrome only: Firefox bundles the engine in the content script.
export default defineUnlistedScript({
  exclude: ['firefox'],
  main() {
    provideExtensionModule(ENGINE_GLOBAL, { startMedmarkPage });
  },
});
