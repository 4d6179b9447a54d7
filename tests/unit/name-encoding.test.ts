import { describe, expect, it } from 'vitest';
import { decodeNames, encodeNames } from '../../drugs/name-encoding';
import { nameEntriesOf } from '../../drugs/name-entries';
import { compileNameIndex } from '../../drugs/name-index';
import { findMatches } from '../../drugs/match';
import { loadKnowledgeBase } from '../../scripts/lib/kb-source';

describe('names shipped to the content script', () => {
  it('round-trips every highlightable name with its record and match mode, and drops never-highlighted ones', () => {
    const entries = [
      { name: 'Baclofen', drug: 'baclofen' },
      { name: 'Lioresal', drug: 'baclofen' },
      { name: 'baclofen', drug: 'baclofen' },
      { name: 'APAP', drug: 'acetaminophen', match: 'exact-case' as const },
      { name: 'Soma', drug: 'soma', match: 'exact-case' as const },
      { name: 'thyroxine', drug: 'levothyroxine', match: 'none' as const },
    ];
    const encoded = encodeNames(entries);
    // "Baclofen" is its id with a capital: written as "" (the lower-case form and prefixed names are written out).
    expect(encoded).toEqual({ baclofen: ['', 'Lioresal', 'baclofen'], acetaminophen: ['=APAP'], soma: ['=Soma'] });
    expect(decodeNames(JSON.parse(JSON.stringify(encoded)))).toEqual(entries.slice(0, 5));
  });

  it('finds the same names in text as the full list does, and is much smaller', () => {
    const kb = loadKnowledgeBase();
    const full = nameEntriesOf(kb);
    const shipped = decodeNames(encodeNames(full));
    const text = 'Zoloft, APAP and BACLOFEN 10 MG with Lioresal; paracetamol or metformin, Lanoxin and Tylenol.';
    expect(findMatches(compileNameIndex(shipped), text)).toEqual(findMatches(compileNameIndex(full), text));
    expect(JSON.stringify(encodeNames(full)).length).toBeLessThan(JSON.stringify(full).length * 0.75);
  });
});
