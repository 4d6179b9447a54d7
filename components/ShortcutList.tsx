import type { Shortcut } from '../messaging/commands';

/** The keyboard shortcuts as keys and what each does (the popup and the onboarding page). */
export function ShortcutList({ shortcuts }: { shortcuts: readonly Shortcut[] }) {
  return (
    <dl class="mm-shortcut-list">
      {shortcuts.map((s) => (
        <div key={s.description}>
          <dt>
            <kbd>{s.keys}</kbd>
          </dt>
          <dd>{s.description}</dd>
        </div>
      ))}
    </dl>
  );
}
