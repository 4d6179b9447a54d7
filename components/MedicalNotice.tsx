/** The notice every view with medical content carries (also printed by the command-line tools). */
export const MEDICAL_NOTICE_TEXT = 'General information only, not a substitute for advice from your doctor or pharmacist.';

/** The short form, for small views such as the hover preview. */
const COMPACT_NOTICE_TEXT = 'General information, not a substitute for your doctor or pharmacist.';

export function MedicalNotice({ compact = false }: { compact?: boolean }) {
  return (
    <p class={compact ? 'mm-notice mm-notice--compact' : 'mm-notice'} role="note">
      {compact ? COMPACT_NOTICE_TEXT : MEDICAL_NOTICE_TEXT}
    </p>
  );
}
