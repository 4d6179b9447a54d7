import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { medmarkKnowledgeBase } from './scripts/lib/vite-plugin-kb';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact(), medmarkKnowledgeBase()],
  }),
  manifest: {
    name: 'Medmark',
    description:
      'Highlights medicine names on any page and explains benefits, risks and interactions. Offline, no tracking.',
    // Nothing here reaches the network: all data is bundled.
    permissions: ['storage'],
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'; connect-src 'none'",
    },
    browser_specific_settings: {
      gecko: { id: 'medmark@medmark.invalid', strict_min_version: '115.0' },
    },
  },
});
