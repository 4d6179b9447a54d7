import { describe, expect, it } from 'vitest';
import { exportMedicationFile, MEDICATION_FILE_MAX_BYTES, MEDICATION_LIST_MAX, parseMedicationFile } from '../../settings/medication-file';
import { DEFAULT_SETTINGS, isSiteDisabled, normalizeSite, parseMedicationList, parseSettings } from '../../settings/settings';

const known = new Set(['ibuprofen', 'warfarin', 'sertraline']);

describe('settings read from storage', () => {
  it('keeps valid fields and resets only the malformed ones', () => {
    expect(
      parseSettings({ highlightStyle: 'background', mentions: 'first', hoverDelayMs: 600, disabledSites: ['Example.com'], paused: true }),
    ).toEqual({
      highlightStyle: 'background',
      mentions: 'first',
      hoverDelayMs: 600,
      disabledSites: ['example.com'],
      paused: true,
    });
    expect(parseSettings({ highlightStyle: 'neon', mentions: 'first', hoverDelayMs: -5, disabledSites: 'all', paused: 'yes' })).toEqual({
      ...DEFAULT_SETTINGS,
      mentions: 'first',
    });
  });

  it('falls back to the defaults for anything that is not settings', () => {
    for (const junk of [undefined, null, 42, 'x', [1, 2], { __proto__: null }]) expect(parseSettings(junk)).toEqual(DEFAULT_SETTINGS);
  });

  it('normalizes sites as people type or paste them, and rejects what is not a host name', () => {
    expect(normalizeSite('https://www.NHS.uk/medicines/baclofen/')).toBe('nhs.uk');
    expect(normalizeSite(' example.com:8080/path ')).toBe('example.com');
    expect(normalizeSite('not a site')).toBeUndefined();
    expect(normalizeSite('')).toBeUndefined();
  });

  it('switches a site off with its subdomains, and only those', () => {
    const s = { ...DEFAULT_SETTINGS, disabledSites: ['example.com'] };
    expect(isSiteDisabled(s, 'example.com')).toBe(true);
    expect(isSiteDisabled(s, 'news.example.com')).toBe(true);
    expect(isSiteDisabled(s, 'badexample.com')).toBe(false);
  });

  it('reads a stored medication list, dropping unknown and repeated entries', () => {
    expect(
      parseMedicationList([{ id: 'ibuprofen', addedAt: 'x' }, { id: 'ghost' }, { id: 'ibuprofen' }, 'junk', { id: 'warfarin' }], known),
    ).toEqual([
      { id: 'ibuprofen', addedAt: 'x' },
      { id: 'warfarin', addedAt: '' },
    ]);
    expect(parseMedicationList('corrupt', known)).toEqual([]);
  });
});

describe('medication list files', () => {
  const list = [
    { id: 'ibuprofen', addedAt: '2026-12-01T10:00:00.000Z' },
    { id: 'warfarin', addedAt: '2026-12-02T10:00:00.000Z' },
  ];
  const nameOf = (id: string) => id[0].toUpperCase() + id.slice(1);

  it('round-trips: export, then import gives the same list', () => {
    const text = exportMedicationFile(list, nameOf, new Date('2026-12-02T12:00:00Z'));
    expect(JSON.parse(text)).toMatchObject({
      format: 'medmark-medications',
      version: 1,
      medications: [{ id: 'ibuprofen', name: 'Ibuprofen' }, { id: 'warfarin' }],
    });
    expect(parseMedicationFile(text, known)).toEqual({ ok: true, medications: list });
  });

  it.each([
    ['damaged JSON', '{"format": "medmark-medications", "version": 1, "medications": [', /damaged|not valid JSON/],
    ['a foreign file', JSON.stringify({ format: 'other-app', items: [] }), /not a Medmark medication list/],
    ['another version', JSON.stringify({ format: 'medmark-medications', version: 9, medications: [] }), /different version/],
    ['no list', JSON.stringify({ format: 'medmark-medications', version: 1 }), /no list of medicines/],
    [
      'an unknown medicine',
      JSON.stringify({ format: 'medmark-medications', version: 1, medications: [{ id: 'unobtainium', name: 'Unobtainium' }] }),
      /does not know \("Unobtainium"\)/,
    ],
    [
      'an entry without an id',
      JSON.stringify({ format: 'medmark-medications', version: 1, medications: [{ name: 'x' }] }),
      /entry 1 has no medicine id/,
    ],
  ])('rejects %s with a message, changing nothing', (_label, text, message) => {
    const result = parseMedicationFile(text, known);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toMatch(message);
      expect(result.error).toMatch(/Nothing was changed/);
    }
  });

  it('rejects a file too large to be a list, before reading it', () => {
    const result = parseMedicationFile('{}', known, MEDICATION_FILE_MAX_BYTES + 1);
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/too large/) });
  });

  it('rejects more medicines than any one list', () => {
    const medications = Array.from({ length: MEDICATION_LIST_MAX + 1 }, () => ({ id: 'ibuprofen' }));
    const result = parseMedicationFile(JSON.stringify({ format: 'medmark-medications', version: 1, medications }), known);
    expect(result.ok).toBe(false);
  });
});
