/** The notice every view with medical content carries. */
export function MedicalNotice() {
  return (
    <p class="mm-notice" role="note">
      General information only, not a substitute for advice from your doctor or pharmacist.
    </p>
  );
}
