import type { Shortcut } from '../../messaging/commands';
import { MedicalNotice } from '../MedicalNotice';
import { ShortcutList } from '../ShortcutList';

export type OnboardingViewProps = {
  /** The keyboard shortcuts as set in the browser (a command with no key is left out). */
  shortcuts: readonly Shortcut[];
  /** The id the sample paragraph gets, so the page can highlight it. */
  sampleId: string;
  onOpenSettings: () => void;
};

/** The page shown once, when Medmark is installed: what it does, the privacy promise, the notice, the shortcuts, a paragraph to try. */
export function OnboardingView({ shortcuts, sampleId, onOpenSettings }: OnboardingViewProps) {
  return (
    <main class="mm-onboarding">
      <h1>Welcome to Medmark</h1>
      <p class="mm-lead">
        Medmark finds the names of medicines on the pages you read, generic and brand, and explains them where they stand: what a medicine
        is for, what can go wrong, and what it interacts with.
      </p>

      <section aria-labelledby="mm-try-title">
        <h2 id="mm-try-title">Try it</h2>
        <p>Point at a highlighted name, or press Tab to reach it, for a short preview. Click it, or press Enter, for the full card.</p>
        <p id={sampleId} class="mm-sample">
          My doctor added sertraline for anxiety last month. For a headache I take paracetamol rather than ibuprofen, because I am also on
          warfarin. Zoloft is the same medicine as sertraline, under its brand name.
        </p>
      </section>

      <section aria-labelledby="mm-privacy-title">
        <h2 id="mm-privacy-title">Your privacy</h2>
        <p>
          Everything Medmark knows is inside the extension. It reads pages on your device, sends nothing anywhere, and has no account, no
          analytics and no tracking. Your list of medicines stays in this browser, on this device.
        </p>
      </section>

      <section aria-labelledby="mm-notice-title">
        <h2 id="mm-notice-title">General information</h2>
        <MedicalNotice />
        <p>
          Medmark can miss a medicine or an interaction. If it finds nothing, that does not mean a combination is safe: ask your doctor or
          pharmacist.
        </p>
      </section>

      <section aria-labelledby="mm-keys-title">
        <h2 id="mm-keys-title">Keyboard shortcuts</h2>
        {shortcuts.length > 0 ? (
          <ShortcutList shortcuts={shortcuts} />
        ) : (
          <p>No shortcuts are set. You can set them in your browser’s extension shortcut settings.</p>
        )}
        <p>You can change them in your browser’s extension shortcut settings.</p>
      </section>

      <section aria-labelledby="mm-next-title">
        <h2 id="mm-next-title">Make it yours</h2>
        <p>
          The toolbar button lists the medicines on a page and what to watch out for among them. In Settings you choose how highlights look,
          switch Medmark off on some sites, and keep your own list of medicines, so Medmark can tell you when a page mentions something that
          interacts with them.
        </p>
        <button type="button" class="mm-button" onClick={onOpenSettings}>
          Open Settings
        </button>
      </section>
    </main>
  );
}
