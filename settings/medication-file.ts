/**
 * Export and import of "My medications" as a small JSON file the reader keeps.
 * An import is all or nothing: a file that is not ours, is damaged, is too
 * large or names a medicine Medmark does not know is rejected with a message
 * saying what is wrong, and the current list stays as it was.
 */
import type { MyMedication } from './settings';

export const MEDICATION_FILE_FORMAT = 'medmark-medications';
export const MEDICATION_FILE_VERSION = 1;
/** Far above any real list (a few hundred bytes per medicine); a bigger file is not ours. */
export const MEDICATION_FILE_MAX_BYTES = 100_000;
/** More medicines than any one person's list; beyond this the file is not a medication list. */
export const MEDICATION_LIST_MAX = 200;

export type MedicationFile = {
  format: typeof MEDICATION_FILE_FORMAT;
  version: typeof MEDICATION_FILE_VERSION;
  exportedAt: string;
  /** Names are written for people reading the file; import goes by id. */
  medications: { id: string; name: string; addedAt: string }[];
};

export function exportMedicationFile(list: readonly MyMedication[], nameOf: (id: string) => string, now = new Date()): string {
  const file: MedicationFile = {
    format: MEDICATION_FILE_FORMAT,
    version: MEDICATION_FILE_VERSION,
    exportedAt: now.toISOString(),
    medications: list.map((m) => ({ id: m.id, name: nameOf(m.id), addedAt: m.addedAt })),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export type ImportResult = { ok: true; medications: MyMedication[] } | { ok: false; error: string };

/** Parses an exported file. `byteLength` is the file's size, checked before parsing. */
export function parseMedicationFile(text: string, knownIds: ReadonlySet<string>, byteLength = text.length): ImportResult {
  if (byteLength > MEDICATION_FILE_MAX_BYTES) {
    return {
      ok: false,
      error: `This file is too large (${Math.ceil(byteLength / 1000)} kB) to be a Medmark medication list. Nothing was changed.`,
    };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: 'This file is damaged or is not a Medmark medication list (it is not valid JSON). Nothing was changed.' };
  }
  const file = data as Partial<MedicationFile> | null;
  if (typeof file !== 'object' || file === null || file.format !== MEDICATION_FILE_FORMAT) {
    return { ok: false, error: 'This is not a Medmark medication list. Nothing was changed.' };
  }
  if (file.version !== MEDICATION_FILE_VERSION) {
    return {
      ok: false,
      error: `This medication list was saved by a different version of Medmark (format ${String(file.version)}). Nothing was changed.`,
    };
  }
  if (!Array.isArray(file.medications)) {
    return { ok: false, error: 'This medication list is damaged: it has no list of medicines. Nothing was changed.' };
  }
  if (file.medications.length > MEDICATION_LIST_MAX) {
    return {
      ok: false,
      error: `This list has ${file.medications.length} medicines, more than Medmark keeps (${MEDICATION_LIST_MAX}). Nothing was changed.`,
    };
  }
  const medications: MyMedication[] = [];
  const seen = new Set<string>();
  for (const [i, m] of file.medications.entries()) {
    if (typeof m !== 'object' || m === null || typeof m.id !== 'string') {
      return { ok: false, error: `This medication list is damaged: entry ${i + 1} has no medicine id. Nothing was changed.` };
    }
    if (!knownIds.has(m.id)) {
      const label = typeof m.name === 'string' && m.name ? `"${m.name}"` : `"${m.id}"`;
      return { ok: false, error: `This list names a medicine Medmark does not know (${label}). Nothing was changed.` };
    }
    if (seen.has(m.id)) continue;
    seen.add(m.id);
    medications.push({ id: m.id, addedAt: typeof m.addedAt === 'string' ? m.addedAt : '' });
  }
  return { ok: true, medications };
}
