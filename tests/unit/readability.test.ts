import { describe, expect, it } from 'vitest';
import { readingGrade, recordReadability } from '../../drugs/readability';

describe('readingGrade', () => {
  it('scores long, polysyllabic sentences higher than short plain ones', () => {
    const plain = readingGrade('It eases stiff muscles. It helps you move.');
    const dense = readingGrade(
      'Pharmacological modulation of gamma-aminobutyric acid type B receptors attenuates spasticity-associated hypertonicity, facilitating ambulation and rehabilitative participation.',
    );
    expect(plain).toBeLessThan(5);
    expect(dense).toBeGreaterThan(15);
  });

  it('leaves bracketed medical terms out of the measure', () => {
    expect(readingGrade('It eases stiff, tight muscles (spasticity from multiple sclerosis).')).toBe(
      readingGrade('It eases stiff, tight muscles.'),
    );
  });

  it("grades a record's summary and benefits separately", () => {
    const grades = recordReadability({
      id: 'x',
      summary: 'A short line',
      benefits: [
        { text: 'It helps', offLabel: false },
        { text: 'It also helps at night', offLabel: true },
      ],
    });
    expect(grades.id).toBe('x');
    expect(grades.summary).toBeLessThan(5);
    expect(grades.benefits).toBeLessThan(5);
  });
});
