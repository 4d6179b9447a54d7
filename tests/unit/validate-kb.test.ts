import { describe, expect, it } from 'vitest';
import { KbValidationError, validateKnowledgeBase, type KbSources } from '../../drugs/validate-kb';
import { drug, SAMPLE_DRUGS, sampleSources } from './helpers/sample-kb';

/** Runs validation and returns the problems as "file: field: message" lines. */
function problems(sources: KbSources): string[] {
  try {
    validateKnowledgeBase(sources);
  } catch (error) {
    expect(error).toBeInstanceOf(KbValidationError);
    return (error as KbValidationError).problems.map((p) => `${p.file}: ${p.field}: ${p.message}`);
  }
  return [];
}

function withDrugFile(path: string, text: string): KbSources {
  const sources = sampleSources();
  return { ...sources, drugs: [...sources.drugs, { path, text }] };
}

describe('validateKnowledgeBase', () => {
  it('accepts the sample knowledge base', () => {
    const kb = validateKnowledgeBase(sampleSources());
    expect(kb.drugs.map((d) => d.id)).toContain('baclofen');
    expect(kb.drugs).toHaveLength(SAMPLE_DRUGS.length);
  });

  it('rejects a file that is not JSON, naming the file', () => {
    expect(problems(withDrugFile('data/drugs/broken.json', '{ "id": '))).toEqual([
      expect.stringMatching(/^data\/drugs\/broken\.json: \(file\): not valid JSON/),
    ]);
  });

  it('rejects a missing field, naming the field', () => {
    const { summary: _summary, ...rest } = drug('noodle');
    expect(problems(withDrugFile('data/drugs/noodle.json', JSON.stringify(rest)))).toEqual([
      expect.stringMatching(/^data\/drugs\/noodle\.json: summary: /),
    ]);
  });

  it('rejects a wrong type deep in a record, naming the path', () => {
    const bad = drug('noodle', { risks: { ...drug('x').risks, common: [42 as unknown as string] } });
    expect(problems(withDrugFile('data/drugs/noodle.json', JSON.stringify(bad)))).toEqual([
      expect.stringMatching(/^data\/drugs\/noodle\.json: risks\.common\[0\]: /),
    ]);
  });

  it('rejects unknown fields (typos do not pass silently)', () => {
    const bad = { ...drug('noodle'), sumary: 'typo' };
    expect(problems(withDrugFile('data/drugs/noodle.json', JSON.stringify(bad)))).toEqual([
      expect.stringMatching(/^data\/drugs\/noodle\.json: \(root\): .*sumary/),
    ]);
  });

  it('rejects an invalid severity', () => {
    const bad = drug('noodle', { interactions: [{ with: 'alcohol', severity: 'severe' as 'major', effect: 'x', action: 'y' }] });
    expect(problems(withDrugFile('data/drugs/noodle.json', JSON.stringify(bad)))).toEqual([
      expect.stringMatching(/^data\/drugs\/noodle\.json: interactions\[0\]\.severity: /),
    ]);
  });

  it('rejects source URLs that are not MedlinePlus, NHS or DailyMed', () => {
    const bad = drug('noodle', { sources: [{ title: 'Blog', url: 'https://example.com/noodle' }] });
    expect(problems(withDrugFile('data/drugs/noodle.json', JSON.stringify(bad)))).toEqual([
      expect.stringMatching(/^data\/drugs\/noodle\.json: sources\[0\]\.url: must be a MedlinePlus/),
    ]);
  });

  it('rejects an id that does not match the file name', () => {
    expect(problems(withDrugFile('data/drugs/noodle.json', JSON.stringify(drug('pasta'))))).toEqual([
      expect.stringMatching(/^data\/drugs\/noodle\.json: id: "pasta" must equal the file name "noodle"/),
    ]);
  });

  it('rejects an unknown interaction target', () => {
    const bad = drug('noodle', { interactions: [{ with: 'grapefruit', severity: 'moderate', effect: 'x', action: 'y' }] });
    expect(problems(withDrugFile('data/drugs/noodle.json', JSON.stringify(bad)))).toEqual([
      'data/drugs/noodle.json: interactions[0].with: unknown interaction target "grapefruit" (not a drug, class or agent id)',
    ]);
  });

  it('rejects a drug interacting with itself', () => {
    const bad = drug('noodle', { interactions: [{ with: 'noodle', severity: 'minor', effect: 'x', action: 'y' }] });
    expect(problems(withDrugFile('data/drugs/noodle.json', JSON.stringify(bad)))).toEqual([
      'data/drugs/noodle.json: interactions[0].with: a drug cannot interact with itself',
    ]);
  });

  it('rejects an unknown class', () => {
    const bad = drug('noodle', { classes: ['statins'] });
    expect(problems(withDrugFile('data/drugs/noodle.json', JSON.stringify(bad)))).toEqual([
      'data/drugs/noodle.json: classes[0]: unknown class "statins"',
    ]);
  });

  it('rejects an id used twice across drugs, classes and agents', () => {
    expect(problems(withDrugFile('data/drugs/ssris.json', JSON.stringify(drug('ssris'))))).toEqual([
      'data/drugs/ssris.json: id: duplicate id "ssris" (already defined in data/classes/core.json)',
    ]);
    const sources = sampleSources();
    const twice = { agents: [{ id: 'alcohol', name: 'Alcohol again', kind: 'substance' }] };
    expect(problems({ ...sources, agents: [...sources.agents, { path: 'data/agents/more.json', text: JSON.stringify(twice) }] })).toEqual([
      'data/agents/more.json: agents[0].id: duplicate id "alcohol" (already defined in data/agents/core.json)',
    ]);
  });

  it('lets a drug record supersede an agent of the same id, keeping its classes', () => {
    const notes = { supersededAgents: [] as string[] };
    const kb = validateKnowledgeBase(sampleSources([...SAMPLE_DRUGS, drug('phenelzine', { classes: ['maois'] })]), notes);
    expect(notes.supersededAgents).toEqual(['phenelzine']);
    expect(kb.agents.map((a) => a.id)).not.toContain('phenelzine');
    expect(problems(withDrugFile('data/drugs/phenelzine.json', JSON.stringify(drug('phenelzine'))))).toEqual([
      'data/drugs/phenelzine.json: classes: must keep the classes the agent "phenelzine" had (data/agents/core.json agents[1]): missing maois',
    ]);
  });

  it('rejects a name shared by two records (ambiguous alias), naming both', () => {
    const bad = drug('noodle', { aliases: [{ name: 'ZOLOFT', kind: 'brand' }] });
    expect(problems(withDrugFile('data/drugs/noodle.json', JSON.stringify(bad)))).toEqual([
      expect.stringContaining(
        'data/drugs/noodle.json: aliases[0].name: ambiguous name "ZOLOFT": also a name of "sertraline" (data/drugs/sertraline.json aliases[0].name)',
      ),
    ]);
  });

  it('accepts a shared name only when every record marks it ambiguous', () => {
    const both = sampleSources([
      ...SAMPLE_DRUGS.map((d) =>
        d.id === 'sertraline'
          ? { ...d, aliases: [...d.aliases, { name: 'Serlift', kind: 'brand' as const, ambiguous: true as const }] }
          : d,
      ),
      drug('noodle', { aliases: [{ name: 'SERLIFT', kind: 'brand', ambiguous: true }] }),
    ]);
    expect(problems(both)).toEqual([]);
    const one = sampleSources([
      ...SAMPLE_DRUGS.map((d) =>
        d.id === 'sertraline' ? { ...d, aliases: [...d.aliases, { name: 'Serlift', kind: 'brand' as const }] } : d,
      ),
      drug('noodle', { aliases: [{ name: 'SERLIFT', kind: 'brand', ambiguous: true }] }),
    ]);
    expect(problems(one)).toEqual([
      expect.stringMatching(
        /^data\/drugs\/noodle\.json: aliases\[0\]\.name: ambiguous name "SERLIFT": also a name of "sertraline".*mark it "ambiguous": true in both/,
      ),
    ]);
  });

  it('requires three review notes per record', () => {
    const bad = drug('noodle', { reviewNotes: [{ fact: 'One.', settled: 'Label.' }] });
    expect(problems(withDrugFile('data/drugs/noodle.json', JSON.stringify(bad)))).toEqual([
      expect.stringMatching(/^data\/drugs\/noodle\.json: reviewNotes: give the three facts/),
    ]);
  });

  it('treats an exact-case name as colliding with the same words elsewhere', () => {
    const bad = drug('noodle', { aliases: [{ name: 'Lexapro', kind: 'brand', match: 'exact-case' }] });
    expect(problems(withDrugFile('data/drugs/noodle.json', JSON.stringify(bad)))).toHaveLength(1);
  });

  it('rejects a name repeated within one record', () => {
    const bad = drug('noodle', { aliases: [{ name: 'Noodle', kind: 'other' }] });
    expect(problems(withDrugFile('data/drugs/noodle.json', JSON.stringify(bad)))).toEqual([
      'data/drugs/noodle.json: aliases[0].name: duplicated name "Noodle" (same as name)',
    ]);
  });

  it('rejects a class inclusion cycle and an unknown included class', () => {
    const sources = sampleSources();
    const extra = {
      classes: [
        { id: 'a', name: 'A', includes: ['b'] },
        { id: 'b', name: 'B', includes: ['a', 'zzz'] },
      ],
    };
    const found = problems({ ...sources, classes: [...sources.classes, { path: 'data/classes/extra.json', text: JSON.stringify(extra) }] });
    expect(found).toContain('data/classes/extra.json: classes[1].includes[1]: unknown class "zzz"');
    expect(found.some((p) => p.includes('class inclusion cycle: a -> b -> a'))).toBe(true);
  });

  it('reports every problem at once', () => {
    const sources = withDrugFile(
      'data/drugs/noodle.json',
      JSON.stringify(drug('noodle', { classes: ['nope'], interactions: [{ with: 'nada', severity: 'minor', effect: 'x', action: 'y' }] })),
    );
    expect(problems(sources)).toHaveLength(2);
  });

  it('puts file and field in the error message', () => {
    expect(() =>
      validateKnowledgeBase(withDrugFile('data/drugs/noodle.json', JSON.stringify(drug('noodle', { classes: ['nope'] })))),
    ).toThrow(/data\/drugs\/noodle\.json: classes\[0\]: unknown class "nope"/);
  });
});
