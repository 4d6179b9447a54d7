/**
 * Carrying "My medications" to another browser: export writes the list as a
 * file through a download link; import replaces the list only when the whole
 * file is valid (`settings/medication-file.ts` says why a file is refused).
 */
import type { ImportOutcome } from '../components/MyMedications';
import { exportMedicationFile, MEDICATION_FILE_MAX_BYTES, parseMedicationFile } from '../settings/medication-file';
import type { MyMedication } from '../settings/settings';
import { saveMedications } from '../settings/storage-items';

export const MEDICATION_FILE_NAME = 'medmark-medications.json';

/** Long enough for the browser to start the download before the address is released. */
const REVOKE_URL_AFTER_MS = 10_000;

/** Offers the list as a file download (an `<a download>` click needs no `downloads` permission). */
export function downloadMedicationFile(list: readonly MyMedication[], nameOf: (id: string) => string, doc: Document = document): void {
  const blob = new Blob([exportMedicationFile(list, nameOf)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = doc.createElement('a');
  link.href = url;
  link.download = MEDICATION_FILE_NAME;
  // Firefox only follows a click on a link that is in the document.
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_URL_AFTER_MS);
}

/** Reads the file and, when it is a valid list, saves it in place of the current one. */
export async function importMedicationFile(file: File, knownIds: ReadonlySet<string>): Promise<ImportOutcome> {
  // A file far too large is refused by its size, before it is read into memory.
  const text = file.size > MEDICATION_FILE_MAX_BYTES ? '' : await file.text();
  const result = parseMedicationFile(text, knownIds, file.size);
  if (!result.ok) return result;
  await saveMedications(result.medications);
  return { ok: true, count: result.medications.length };
}
