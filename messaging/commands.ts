/**
 * The keyboard shortcuts. They are extension commands (declared in the
 * manifest from this list, wxt.config.ts), so the reader can change or clear
 * them in the browser's shortcut settings; the popup lists the keys actually
 * set. The background turns a command into a request to the tab's page.
 */
import type { TabRequest } from './tab-protocol';

export const COMMANDS = {
  'next-highlight': { key: 'Alt+Shift+Period', description: 'Go to the next highlighted medicine on the page' },
  'previous-highlight': { key: 'Alt+Shift+Comma', description: 'Go to the previous highlighted medicine on the page' },
  'toggle-highlights': { key: 'Alt+Shift+H', description: 'Switch highlights on or off for this page' },
} as const;

export type CommandName = keyof typeof COMMANDS;

/** What the page is asked to do for a command; undefined for a command that is not ours. */
export function requestForCommand(command: string): TabRequest | undefined {
  switch (command) {
    case 'next-highlight':
      return { type: 'medmark/step', direction: 'next' };
    case 'previous-highlight':
      return { type: 'medmark/step', direction: 'previous' };
    case 'toggle-highlights':
      return { type: 'medmark/toggle-page' };
    default:
      return undefined;
  }
}

/** The manifest's `commands` section. */
export function manifestCommands(): Record<CommandName, { suggested_key: { default: string }; description: string }> {
  const entries = Object.entries(COMMANDS).map(([name, c]) => [name, { suggested_key: { default: c.key }, description: c.description }]);
  return Object.fromEntries(entries) as Record<CommandName, { suggested_key: { default: string }; description: string }>;
}

/** A shortcut as the reader has set it, for display. */
export type Shortcut = { description: string; keys: string };

/** The browser's commands (`commands.getAll()`) as shortcuts to show; a command with no key set is left out. */
export function shortcutsFrom(commands: readonly { shortcut?: string; description?: string }[]): Shortcut[] {
  return commands.flatMap((c) => (c.shortcut && c.description ? [{ description: c.description, keys: displayShortcut(c.shortcut) }] : []));
}

/** "Alt+Shift+Period" as a reader reads it: "Alt+Shift+.". */
export function displayShortcut(key: string): string {
  return key.replace(/\bPeriod\b/, '.').replace(/\bComma\b/, ',');
}
