import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { manifestCommands } from './messaging/commands';
import { join } from 'node:path';
import { ICON_SIZES, renderIcons } from './scripts/lib/render-icons';
import { medmarkKnowledgeBase } from './scripts/lib/vite-plugin-kb';

const iconPaths = Object.fromEntries(ICON_SIZES.map((size) => [size, `icon/${size}.png`]));

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact(), medmarkKnowledgeBase()],
    // The extension pages (popup, side panel, settings) share one chunk that
    // carries the knowledge base on purpose (docs/adr/0005); it is loaded from
    // the extension, never over a network, so the web-page size warning does not apply.
    build: { chunkSizeWarningLimit: 2000 },
  }),
  hooks: {
    // The icons are drawn once, as SVG (assets/icon.svg), and rendered to PNG here at every size the stores ask for.
    'build:publicAssets': (wxt, files) => {
      for (const { size, path } of renderIcons(join(wxt.config.root, 'node_modules/.cache/medmark-icons'))) {
        files.push({ absoluteSrc: path, relativeDest: `icon/${size}.png` });
      }
    },
  },
  manifest: ({ browser }) => ({
    icons: iconPaths,
    name: 'Medmark',
    description: 'Highlights medicine names on any page and explains benefits, risks and interactions. Offline, no tracking.',
    // Only what the features need (README, "Permissions"): `storage` keeps
    // settings and My medications on this device; `sidePanel` lets Chrome show
    // the side panel (Firefox declares a sidebar instead, without a permission).
    // No host permissions beyond the content script's matches, and nothing
    // reaches the network: all data is bundled.
    permissions: browser === 'firefox' ? ['storage'] : ['storage', 'sidePanel'],
    action: { default_title: 'Medmark: medicines on this page' },
    // Keyboard shortcuts, changeable in the browser's shortcut settings (messaging/commands.ts).
    commands: manifestCommands(),
    // The engine, loaded by the content script's bootstrap once a page has
    // something to read, and the preview and popover drawing, loaded on first
    // use (docs/adr/0009, 0010). Web-accessible so the content script may
    // import them; only at a per-session address (use_dynamic_url), so a page
    // cannot probe the fixed one to learn that Medmark is installed. Firefox
    // bundles both in the content script.
    ...(browser !== 'firefox' && {
      web_accessible_resources: [{ resources: ['medmark-engine.js', 'drug-view.js'], matches: ['<all_urls>'], use_dynamic_url: true }],
    }),
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'; connect-src 'none'",
    },
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'medmark@medmark.invalid',
          // 140 (the ESR that Debian ships) is the first desktop release that
          // knows data_collection_permissions; Android learned it in 142.
          strict_min_version: '140.0',
          // Medmark collects and transmits nothing.
          data_collection_permissions: { required: ['none'] },
        },
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  }),
});
