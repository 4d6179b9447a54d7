/**
 * Where settings and "My medications" live: extension storage (`local`), on
 * this device only, never sent anywhere. Two separate items, so a corrupt
 * settings value can be reset without touching the medication list. Both are
 * versioned (`version: 1`), so a later change of shape migrates the stored
 * value instead of losing it. Everything read passes the checks in
 * `settings.ts`; this is the only module that touches storage.
 */
import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, parseMedicationList, parseSettings, type MyMedication, type Settings } from './settings';

// Stored as `unknown`: whatever is in storage is checked before use.
const settingsItem = storage.defineItem<unknown>('local:settings', { fallback: DEFAULT_SETTINGS, version: 1 });
const medicationsItem = storage.defineItem<unknown>('local:myMedications', { fallback: [], version: 1 });

export async function loadSettings(): Promise<Settings> {
  return parseSettings(await settingsItem.getValue());
}

/** Applies a change to the current settings and stores the result. */
export async function updateSettings(change: (current: Settings) => Partial<Settings>): Promise<Settings> {
  const current = await loadSettings();
  const next = parseSettings({ ...current, ...change(current) });
  await settingsItem.setValue(next);
  return next;
}

export function watchSettings(onChange: (settings: Settings) => void): () => void {
  return settingsItem.watch((value) => onChange(parseSettings(value)));
}

export async function loadMedications(knownIds: ReadonlySet<string>): Promise<MyMedication[]> {
  return parseMedicationList(await medicationsItem.getValue(), knownIds);
}

export async function saveMedications(list: readonly MyMedication[]): Promise<void> {
  await medicationsItem.setValue(list.map(({ id, addedAt }) => ({ id, addedAt })));
}

export function watchMedications(knownIds: ReadonlySet<string>, onChange: (list: MyMedication[]) => void): () => void {
  return medicationsItem.watch((value) => onChange(parseMedicationList(value, knownIds)));
}

/** Called on any change to the list, without reading it (the content script only needs to know). */
export function watchMedicationsChanged(onChange: () => void): () => void {
  return medicationsItem.watch(() => onChange());
}

export async function addMedication(id: string, knownIds: ReadonlySet<string>, now = new Date()): Promise<MyMedication[]> {
  const list = await loadMedications(knownIds);
  if (!knownIds.has(id) || list.some((m) => m.id === id)) return list;
  const next = [...list, { id, addedAt: now.toISOString() }];
  await saveMedications(next);
  return next;
}

export async function removeMedication(id: string, knownIds: ReadonlySet<string>): Promise<MyMedication[]> {
  const next = (await loadMedications(knownIds)).filter((m) => m.id !== id);
  await saveMedications(next);
  return next;
}
