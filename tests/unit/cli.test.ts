/** The command-line tools' contracts, run as a user would run them. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../scripts/lib/kb-source';

const TSX = join(PROJECT_ROOT, 'node_modules/.bin/tsx');
const run = (script: string, ...args: string[]) =>
  spawnSync(TSX, [join(PROJECT_ROOT, 'scripts', script), ...args], { cwd: PROJECT_ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

// Each run starts tsx and validates the whole knowledge base: seconds, more on a busy machine.
describe('command-line tools', { timeout: 60_000 }, () => {
  it('kb prints the whole knowledge base as JSON', () => {
    const { status, stdout } = run('kb.ts');
    expect(status).toBe(0);
    const kb = JSON.parse(stdout);
    expect(kb.drugs.length).toBeGreaterThanOrEqual(30);
    expect(kb.drugs.find((d: { id: string }) => d.id === 'baclofen')).toMatchObject({ name: 'Baclofen' });
    expect(Object.keys(kb.drugs[0])).toEqual(
      expect.arrayContaining(['id', 'name', 'aliases', 'benefits', 'risks', 'interactions', 'sources', 'reviewed']),
    );
  });

  it('kb gives each drug its effective interactions: class rules expanded, with the class they come through', () => {
    const kb = JSON.parse(run('kb.ts').stdout);
    const sertraline = kb.drugs.find((d: { id: string }) => d.id === 'sertraline');
    type Line = { with: { id: string; kind: string }; severity: string; effect: string; via?: string };
    const lines: Line[] = sertraline.effectiveInteractions;
    // Sertraline's record names no anticoagulant rule; it reaches it through the SSRI/SNRI class.
    const anticoagulants = lines.find((l) => l.with.id === 'anticoagulants');
    expect(anticoagulants).toEqual(expect.objectContaining({ severity: 'major', via: 'serotonin-reuptake-inhibitors' }));
    expect(sertraline.interactions.some((r: { with: string }) => r.with === 'anticoagulants')).toBe(false);
    // Rules written on the record itself are there too, without a via class.
    for (const rule of sertraline.interactions as { with: string; effect: string }[]) {
      const line = lines.find((l) => l.with.id === rule.with)!;
      expect([line.effect, ...(line as unknown as { also: { effect: string }[] }).also.map((a) => a.effect)], rule.with).toContain(
        rule.effect,
      );
    }
  });

  it('detect --json prints matches with UTF-16 offsets and record ids', () => {
    const file = join(PROJECT_ROOT, 'tests/fixtures/text/mixed.txt');
    const { status, stdout } = run('detect.ts', '--json', file);
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toEqual([
      { start: 13, end: 19, text: 'Zoloft', drug: 'sertraline' },
      { start: 24, end: 32, text: 'baclofen', drug: 'baclofen' },
      { start: 57, end: 65, text: 'BACLOFEN', drug: 'baclofen' },
      { start: 80, end: 90, text: 'sertraline', drug: 'sertraline' },
    ]);
  });

  it('detect without --json prints a readable listing', () => {
    const { status, stdout } = run('detect.ts', join(PROJECT_ROOT, 'tests/fixtures/text/mixed.txt'));
    expect(status).toBe(0);
    expect(stdout).toContain('Zoloft\t-> Sertraline (sertraline)');
    expect(stdout).toContain('4 matches, 2 drugs.');
  });

  it('detect reports a missing file with exit status 2', () => {
    const { status, stderr } = run('detect.ts', '--json', 'no-such-file.txt');
    expect(status).toBe(2);
    expect(stderr).toContain('cannot read no-such-file.txt');
  });

  it('interactions resolves aliases and finds class interactions from both sides', () => {
    const a = run('interactions.ts', '--json', 'Zoloft', 'meloxicam');
    const b = run('interactions.ts', '--json', 'MELOXICAM', 'sertraline');
    expect(a.status).toBe(0);
    expect(JSON.parse(a.stdout)).toEqual(JSON.parse(b.stdout));
    expect(JSON.parse(a.stdout)).toEqual([
      expect.objectContaining({ drugs: ['meloxicam', 'sertraline'], severity: 'moderate', summary: expect.stringMatching(/bleeding/) }),
    ]);
  });

  it('interactions finds warfarin + ibuprofen whichever is named first', () => {
    const a = JSON.parse(run('interactions.ts', '--json', 'warfarin', 'Advil').stdout);
    const b = JSON.parse(run('interactions.ts', '--json', 'ibuprofen', 'Coumadin').stdout);
    expect(a).toEqual(b);
    expect(a).toEqual([expect.objectContaining({ drugs: ['ibuprofen', 'warfarin'], severity: 'major' })]);
  });

  it('validate reports a reading grade for every record', () => {
    const { status, stdout } = run('validate.ts');
    expect(status).toBe(0);
    expect(stdout).toMatch(/^Knowledge base OK: \d+ drugs/);
    expect(stdout).toMatch(/baclofen \d+(\.\d)?\/\d+(\.\d)?/);
    expect(stdout).toContain('0 above the aim');
  });

  it('interactions lists the most severe first', () => {
    const { stdout } = run('interactions.ts', '--json', 'omeprazole', 'clopidogrel', 'lisinopril', 'losartan', 'Lasix');
    const severities = JSON.parse(stdout).map((p: { severity: string }) => p.severity);
    const rank = ['contraindicated', 'major', 'moderate', 'minor'];
    expect(severities.length).toBeGreaterThan(2);
    expect([...severities].sort((x: string, y: string) => rank.indexOf(x) - rank.indexOf(y))).toEqual(severities);
  });

  it('interactions knows interaction partners without a record by their brand and international names', () => {
    const { status, stdout } = run('interactions.ts', '--json', 'Lanoxin', 'Cordarone', 'rifampicin');
    expect(status).toBe(0);
    const pairs = JSON.parse(stdout);
    expect(pairs).toEqual(expect.arrayContaining([expect.objectContaining({ drugs: ['amiodarone', 'digoxin'], severity: 'major' })]));
    expect(pairs.find((p: { drugs: string[] }) => p.drugs.join() === 'digoxin,rifampin')).toBeDefined();
  });

  it('interactions prints the most specific advice first and the other rules under it', () => {
    const { stdout } = run('interactions.ts', 'aspirin', 'clopidogrel');
    expect(stdout).toMatch(/^MAJOR: aspirin \+ clopidogrel\n {2}Two antiplatelet/);
    expect(stdout).toMatch(/Also \(major\): With aspirin at pain-relief doses/);
    expect(stdout).toContain('not a substitute');
  });

  it('interactions names an unknown drug and exits with status 2', () => {
    const { status, stderr } = run('interactions.ts', '--json', 'baclofen', 'notadrugium');
    expect(status).toBe(2);
    expect(stderr).toContain('"notadrugium"');
  });
});
