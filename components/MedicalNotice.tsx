/** The notice every view with medical content carries. `compact` is for small views such as the hover preview. */
export function MedicalNotice({ compact = false }: { compact?: boolean }) {
  return (
    <p class={compact ? 'mm-notice mm-notice--compact' : 'mm-notice'} role="note">
      {compact
        ? 'General information, not a substitute for your doctor or pharmacist.'
        : 'General information only, not a substitute for advice from your doctor or pharmacist.'}
    </p>
  );
}

/** The same notice as plain text, for the command-line tools. */
export const MEDICAL_NOTICE_TEXT = 'General information only, not a substitute for advice from your doctor or pharmacist.';
