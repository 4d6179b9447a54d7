import { describe, expect, it } from 'vitest';
import { findMatches } from '../../drugs/match';
import { compileNameIndex, type NameEntry } from '../../drugs/name-index';
import { createNameResolver, nameEntriesOf } from '../../drugs/name-entries';
import { validateKnowledgeBase } from '../../drugs/validate-kb';
import { drug, SAMPLE_DRUGS, sampleKb, sampleSources } from './helpers/sample-kb';

const index = compileNameIndex(nameEntriesOf(sampleKb()));
const found = (text: string) => findMatches(index, text).map((m) => [m.text, m.drug]);

describe('findMatches', () => {
  it('finds generic and brand names in any case', () => {
    expect(found('Baclofen, BACLOFEN and baclofen; also Lioresal and Zoloft.')).toEqual([
      ['Baclofen', 'baclofen'],
      ['BACLOFEN', 'baclofen'],
      ['baclofen', 'baclofen'],
      ['Lioresal', 'baclofen'],
      ['Zoloft', 'sertraline'],
    ]);
  });

  it('reports UTF-16 offsets into the original text', () => {
    const text = 'Take 💊 baclofen.';
    const [m] = findMatches(index, text);
    expect(text.slice(m.start, m.end)).toBe('baclofen');
    expect(m).toMatchObject({ start: 8, end: 16 });
  });

  it('matches dose strings such as "BACLOFEN 10 MG"', () => {
    expect(found('BACLOFEN 10 MG tablets')).toEqual([['BACLOFEN', 'baclofen']]);
  });

  it('matches multi-word names across spaces, hyphens and line breaks', () => {
    expect(found('insulin glargine, Insulin  Glargine and insulin-glargine\nor insulin\nglargine')).toEqual([
      ['insulin glargine', 'insulin-glargine'],
      ['Insulin  Glargine', 'insulin-glargine'],
      ['insulin-glargine', 'insulin-glargine'],
      ['insulin\nglargine', 'insulin-glargine'],
    ]);
  });

  it('does not join words across other punctuation', () => {
    expect(found('insulin, glargine')).toEqual([]);
  });

  it('prefers the longest name (combination over ingredient)', () => {
    expect(found('amoxicillin-clavulanate and amoxicillin')).toEqual([
      ['amoxicillin-clavulanate', 'amoxicillin-clavulanate'],
      ['amoxicillin', 'amoxicillin'],
    ]);
  });

  it('splits slash and hyphen combinations without a record of their own', () => {
    expect(found('baclofen/tizanidine and baclofen-tizanidine')).toEqual([
      ['baclofen', 'baclofen'],
      ['tizanidine', 'tizanidine'],
      ['baclofen', 'baclofen'],
      ['tizanidine', 'tizanidine'],
    ]);
  });

  it('handles possessives and trailing punctuation', () => {
    expect(found("Zoloft's label, (baclofen). “Lexapro’s” baclofen!")).toEqual([
      ['Zoloft', 'sertraline'],
      ['baclofen', 'baclofen'],
      ['Lexapro', 'escitalopram'],
      ['baclofen', 'baclofen'],
    ]);
  });

  it('matches hyphenated brands and salt forms as one name', () => {
    expect(found('Toprol-XL (metoprolol succinate) or Toprol XL')).toEqual([
      ['Toprol-XL', 'metoprolol'],
      ['metoprolol succinate', 'metoprolol'],
      ['Toprol XL', 'metoprolol'],
    ]);
  });

  it('respects word boundaries', () => {
    expect(found('nonbaclofenic baclofens baclofen2 xbaclofen baclofen_tab')).toEqual([]);
  });

  it('skips names inside URLs, paths, file names, e-mails and query strings', () => {
    const text = [
      'https://example.com/baclofen',
      'www.baclofen.org',
      'example.com/drugs/baclofen-info',
      '/drugs/baclofen',
      'baclofen.pdf',
      'info@baclofen.com',
      '?q=baclofen',
      '(see https://x.org/zoloft).',
    ].join(' ');
    expect(found(text)).toEqual([]);
  });

  it('still matches next to a URL and at the end of a sentence', () => {
    expect(found('See https://example.com/x for baclofen. Baclofen.')).toEqual([
      ['baclofen', 'baclofen'],
      ['Baclofen', 'baclofen'],
    ]);
  });

  it('matches exact-case names only as written', () => {
    expect(found('APAP is acetaminophen; apap and Apap are not names here.')).toEqual([
      ['APAP', 'acetaminophen'],
      ['acetaminophen', 'acetaminophen'],
    ]);
  });

  it('matches international names', () => {
    expect(found('Paracetamol is acetaminophen.')).toEqual([
      ['Paracetamol', 'acetaminophen'],
      ['acetaminophen', 'acetaminophen'],
    ]);
  });

  it('handles names at the very start and end of the text', () => {
    expect(found('baclofen')).toEqual([['baclofen', 'baclofen']]);
    expect(found('Zoloft and baclofen')).toEqual([
      ['Zoloft', 'sertraline'],
      ['baclofen', 'baclofen'],
    ]);
  });

  it('returns nothing for empty, whitespace-only and name-free text', () => {
    expect(found('')).toEqual([]);
    expect(found('   \n\t ')).toEqual([]);
    expect(found('The quick brown fox jumps over the lazy dog.')).toEqual([]);
  });

  it('copes with Unicode text, accents and combining marks around names', () => {
    expect(found('Médicament: baclofène? Non — baclofen, naïve café 日本語 baclofen。')).toEqual([
      ['baclofen', 'baclofen'],
      ['baclofen', 'baclofen'],
    ]);
    // A combining accent is an accent like a precomposed one (issue 9): it is
    // stripped for matching and stays inside the highlighted range.
    expect(found('baclofe\u0301n baclofen\u0301.')).toEqual([
      ['baclofe\u0301n', 'baclofen'],
      ['baclofen\u0301', 'baclofen'],
    ]);
  });

  it('finds names with invisible characters inside them (soft hyphens, zero-width characters)', () => {
    expect(
      found('bac\u00adlo\u00adfen, Zo\u200bloft, Lexa\u200cpro, Ad\u200dvil, Cou\u2060madin and insulin\u00ad glar\u00adgine'),
    ).toEqual([
      ['bac\u00adlo\u00adfen', 'baclofen'],
      ['Zo\u200bloft', 'sertraline'],
      ['Lexa\u200cpro', 'escitalopram'],
      ['Ad\u200dvil', 'ibuprofen'],
      ['Cou\u2060madin', 'warfarin'],
      ['insulin\u00ad glar\u00adgine', 'insulin-glargine'],
    ]);
    // A visible hyphen inside a word still splits it.
    expect(found('bac-lofen Zo-loft')).toEqual([]);
  });

  it('reports offsets of the name as written: invisible characters inside it, not around it', () => {
    const text = 'On \u200bbac\u00adlofen\u200b today';
    const [m] = findMatches(index, text);
    expect(m).toMatchObject({ start: 4, end: 13, text: 'bac\u00adlofen', drug: 'baclofen' });
    expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  it('finds accented spellings when the name without accents is a name', () => {
    expect(found('Paracétamol, PARACÉTAMOL, Parace\u0301tamol, ibuprofén; not Ibuprofène or Zoloftè')).toEqual([
      ['Paracétamol', 'acetaminophen'],
      ['PARACÉTAMOL', 'acetaminophen'],
      ['Parace\u0301tamol', 'acetaminophen'],
      ['ibuprofén', 'ibuprofen'],
    ]);
  });

  it('keeps exact-case names exact when accents or wide letters are folded', () => {
    expect(found('ÁPAP and ＡＰＡＰ are APAP; Ápap, ａｐａｐ and Apap are not.')).toEqual([
      ['ÁPAP', 'acetaminophen'],
      ['ＡＰＡＰ', 'acetaminophen'],
      ['APAP', 'acetaminophen'],
    ]);
  });

  it('finds fullwidth, ligature and styled spellings, with offsets into the original', () => {
    const text = 'ｂａｃｌｏｆｅｎ, ＺＯＬＯＦＴ, Ｔｏｐｒｏｌ－ＸＬ, Zanaﬂex, 𝐋𝐞𝐱𝐚𝐩𝐫𝐨.';
    expect(found(text)).toEqual([
      ['ｂａｃｌｏｆｅｎ', 'baclofen'],
      ['ＺＯＬＯＦＴ', 'sertraline'],
      ['Ｔｏｐｒｏｌ－ＸＬ', 'metoprolol'],
      ['Zanaﬂex', 'tizanidine'],
      ['𝐋𝐞𝐱𝐚𝐩𝐫𝐨', 'escitalopram'],
    ]);
    for (const m of findMatches(index, text)) expect(text.slice(m.start, m.end)).toBe(m.text);
    // Fullwidth identifiers and URLs are still identifiers and URLs; "™" is not a letter.
    expect(found('ｂａｃｌｏｆｅｎ＿ｔａｂ ｗｗｗ．ｂａｃｌｏｆｅｎ．ｃｏｍ ｂａｃｌｏｆｅｎ２ Zoloft™')).toEqual([
      ['Zoloft', 'sertraline'],
    ]);
  });

  it('handles huge text with many matches and long unbroken chunks', () => {
    const unit = 'Patients on baclofen or Zoloft reported nothing unusual. ';
    const text = unit.repeat(20_000); // ~1.1 MB
    const matches = findMatches(index, text);
    expect(matches).toHaveLength(40_000);
    expect(matches[39_999].drug).toBe('sertraline');

    const chunk = 'baclofen/'.repeat(50_000);
    expect(findMatches(index, chunk)).toHaveLength(50_000);
  });

  it('an empty index finds nothing', () => {
    expect(findMatches(compileNameIndex([]), 'baclofen')).toEqual([]);
  });
});

describe('ambiguous names', () => {
  it('are never highlighted, while each record keeps its other names', () => {
    const kb = validateKnowledgeBase(
      sampleSources([
        ...SAMPLE_DRUGS.map((d) =>
          d.id === 'sertraline'
            ? { ...d, aliases: [...d.aliases, { name: 'Serlift', kind: 'brand' as const, ambiguous: true as const }] }
            : d,
        ),
        drug('noodle', { aliases: [{ name: 'Serlift', kind: 'brand', ambiguous: true }] }),
      ]),
    );
    const idx = compileNameIndex(nameEntriesOf(kb));
    expect(findMatches(idx, 'Serlift or Zoloft or noodle').map((m) => m.text)).toEqual(['Zoloft', 'noodle']);
    const resolve = createNameResolver(kb);
    expect(resolve('serlift')).toEqual({ kind: 'ambiguous', ids: ['noodle', 'sertraline'] });
    expect(resolve('ZOLOFT')).toEqual({ kind: 'found', id: 'sertraline' });
    expect(resolve('alcohol')).toEqual({ kind: 'found', id: 'alcohol' });
    expect(resolve('nothing-like-it')).toEqual({ kind: 'unknown' });
  });
});

describe('compileNameIndex', () => {
  it('leaves out names marked match: none and names without words', () => {
    const entries: NameEntry[] = [
      { name: 'Plan', drug: 'x', match: 'none' },
      { name: '---', drug: 'y' },
      { name: 'Zoloft', drug: 'sertraline' },
    ];
    const idx = compileNameIndex(entries);
    expect(idx.size).toBe(1);
    expect(findMatches(idx, 'Plan Zoloft ---').map((m) => m.drug)).toEqual(['sertraline']);
  });

  it('works the same whatever the number of names (thousands of decoys)', () => {
    const decoys: NameEntry[] = Array.from({ length: 5000 }, (_, i) => ({ name: `zzdrug${i} extra`, drug: `d${i}` }));
    const idx = compileNameIndex([...decoys, { name: 'baclofen', drug: 'baclofen' }]);
    expect(findMatches(idx, 'zzdrug42 extra and baclofen, zzdrug7').map((m) => m.drug)).toEqual(['d42', 'baclofen']);
  });
});
