// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { fetchActivePageState } from '../../extension-pages/active-tab';
import { downloadMedicationFile, importMedicationFile, MEDICATION_FILE_NAME } from '../../extension-pages/medication-list';
import { exportMedicationFile } from '../../settings/medication-file';
import { loadMedications, saveMedications } from '../../settings/storage-items';

const known = new Set(['warfarin', 'sertraline', 'digoxin']);
const fileOf = (text: string) => new File([text], 'medmark-medications.json', { type: 'application/json' });

beforeEach(() => fakeBrowser.reset());

/** Spies on a tabs method; its overloads (one with a callback, returning void) defeat spyOn's typing. */
type AsyncMethod = (...args: unknown[]) => Promise<unknown>;
const spyTabs = (method: 'query' | 'sendMessage') => vi.spyOn(fakeBrowser.tabs as unknown as Record<typeof method, AsyncMethod>, method);

describe('importMedicationFile', () => {
  it('replaces the list with a valid file', async () => {
    await saveMedications([{ id: 'warfarin', addedAt: '2026-01-01T00:00:00.000Z' }]);
    const text = exportMedicationFile(
      [
        { id: 'sertraline', addedAt: '2026-02-01T00:00:00.000Z' },
        { id: 'digoxin', addedAt: '2026-02-02T00:00:00.000Z' },
      ],
      (id) => id,
    );
    expect(await importMedicationFile(fileOf(text), known)).toEqual({ ok: true, count: 2 });
    expect(await loadMedications(known)).toEqual([
      { id: 'sertraline', addedAt: '2026-02-01T00:00:00.000Z' },
      { id: 'digoxin', addedAt: '2026-02-02T00:00:00.000Z' },
    ]);
  });

  it('leaves the list as it was when the file is refused', async () => {
    const before = [{ id: 'warfarin', addedAt: '2026-01-01T00:00:00.000Z' }];
    await saveMedications(before);
    expect(await importMedicationFile(fileOf('{"format":"something-else"}'), known)).toEqual({
      ok: false,
      error: 'This is not a Medmark medication list. Nothing was changed.',
    });
    expect(await loadMedications(known)).toEqual(before);
  });

  it('refuses a file far too large without reading it', async () => {
    const big = fileOf('x'.repeat(200_000));
    const read = vi.spyOn(big, 'text');
    const outcome = await importMedicationFile(big, known);
    expect(outcome).toEqual({ ok: false, error: 'This file is too large (200 kB) to be a Medmark medication list. Nothing was changed.' });
    expect(read).not.toHaveBeenCalled();
  });
});

describe('downloadMedicationFile', () => {
  it('offers the exported list as medmark-medications.json', async () => {
    let blob: Blob | undefined;
    const createObjectURL = vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blob = b as Blob;
      return 'blob:medmark/1';
    });
    let clicked: HTMLAnchorElement | undefined;
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function recordClick(this: HTMLAnchorElement) {
      clicked = this as HTMLAnchorElement | undefined;
    });
    downloadMedicationFile([{ id: 'warfarin', addedAt: '2026-01-01T00:00:00.000Z' }], () => 'Warfarin');
    expect(clicked!.download).toBe(MEDICATION_FILE_NAME);
    expect(clicked!.getAttribute('href')).toBe('blob:medmark/1');
    expect(clicked!.isConnected).toBe(false);
    const file = JSON.parse(await blob!.text());
    expect(file.format).toBe('medmark-medications');
    expect(file.medications).toEqual([{ id: 'warfarin', name: 'Warfarin', addedAt: '2026-01-01T00:00:00.000Z' }]);
    createObjectURL.mockRestore();
    click.mockRestore();
  });
});

describe('fetchActivePageState', () => {
  it('asks the active tab for its page state', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://example.com/', active: true });
    const state = { status: 'on', host: 'example.com', drugs: [{ id: 'ibuprofen', count: 1, names: ['Advil'] }] };
    const query = spyTabs('query').mockResolvedValue([tab]);
    const send = spyTabs('sendMessage').mockResolvedValue(state);
    expect(await fetchActivePageState()).toEqual(state);
    expect(query).toHaveBeenCalledWith({ active: true, currentWindow: true });
    // The top frame speaks for the tab; frames are pages of their own.
    expect(send).toHaveBeenCalledWith(tab.id, { type: 'medmark/page-state' }, { frameId: 0 });
  });

  it('answers undefined when the tab cannot run content scripts, or answers nonsense', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'chrome://extensions/', active: true });
    spyTabs('query').mockResolvedValue([tab]);
    const send = spyTabs('sendMessage').mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    expect(await fetchActivePageState()).toBeUndefined();
    send.mockResolvedValue({ hello: 'world' });
    expect(await fetchActivePageState()).toBeUndefined();
  });
});
