// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { InteractionChecker } from '../../components/panel/InteractionChecker';
import type { CheckFinding, CheckItem } from '../../drugs/medication-check';

afterEach(cleanup);

const NAMES: Record<string, string> = {
  ibuprofen: 'Ibuprofen',
  warfarin: 'Warfarin',
  alcohol: 'Alcohol',
  aspirin: 'Aspirin',
  naproxen: 'Naproxen',
  sertraline: 'Sertraline',
};
const nameOf = (id: string) => NAMES[id] ?? id;

const ITEMS: CheckItem[] = [{ id: 'ibuprofen', names: ['Advil', 'ibuprofen'] }, { id: 'warfarin' }, { id: 'alcohol' }, { id: 'naproxen' }];

const FINDINGS: CheckFinding[] = [
  {
    group: 'drug-other',
    drugs: ['alcohol', 'warfarin'],
    severity: 'moderate',
    summary: 'Alcohol changes warfarin levels.',
    action: 'Keep drinking steady.',
    also: [],
  },
  {
    group: 'drug-drug',
    drugs: ['naproxen', 'warfarin'],
    severity: 'moderate',
    summary: 'Some bleeding risk.',
    action: 'Watch for bruising.',
    also: [],
  },
  {
    group: 'drug-drug',
    drugs: ['ibuprofen', 'warfarin'],
    severity: 'major',
    summary: 'Serious bleeding.',
    action: 'Avoid; use paracetamol.',
    dose: { drug: 'aspirin', dose: 'low-dose', label: 'low-dose aspirin' },
    also: [{ severity: 'minor', effect: 'Small thing.', action: 'Be aware.' }],
  },
  {
    group: 'duplicate',
    drugs: ['ibuprofen', 'naproxen'],
    severity: 'major',
    summary: 'Two NSAIDs add up.',
    action: 'Take only one.',
    also: [],
    duplicate: { reason: 'same-class' },
  },
];

function renderChecker(overrides: Partial<Parameters<typeof InteractionChecker>[0]> = {}) {
  const props = {
    items: ITEMS,
    findings: FINDINGS,
    nameOf,
    onRemove: vi.fn(),
    onClear: vi.fn(),
    onAddPageDrugs: vi.fn(),
    pageDrugsUnavailable: undefined as string | undefined,
    onAddMyMedications: vi.fn(),
    myMedicationCount: 2,
    ...overrides,
  };
  render(<InteractionChecker {...props} />);
  return props;
}

describe('InteractionChecker', () => {
  it('says what it checks, and the caveat, always', () => {
    renderChecker();
    expect(screen.getByText("Checks every pair in this list against Medmark's interaction rules.")).toBeTruthy();
    const caveat = screen.getByText('Nothing found does not mean a combination is safe: ask your pharmacist.');
    expect(caveat.className).toBe('mm-caveat');
    expect(document.querySelector('.mm-notice')!.textContent).toMatch(/not a substitute/);
  });

  it('groups findings under their headings, most severe first inside each', () => {
    renderChecker();
    const sections = [...document.querySelectorAll('.mm-findings > section')];
    expect(sections.map((s) => s.querySelector('h3')!.textContent)).toEqual([
      'Duplicates',
      'Medicine with medicine',
      'With food, alcohol or supplements',
    ]);
    const drugDrug = screen.getByRole('region', { name: 'Medicine with medicine' });
    expect([...drugDrug.querySelectorAll('.mm-finding__names')].map((n) => n.textContent)).toEqual([
      'Ibuprofen + Warfarin',
      'Naproxen + Warfarin',
    ]);
    const first = drugDrug.querySelector('li')!;
    expect(first.querySelector('.mm-badge')!.textContent).toBe('Major');
    expect(first.textContent).toContain('With low-dose aspirin: Serious bleeding.');
    expect(first.textContent).toContain('What to do: Avoid; use paracetamol.');
    expect(first.querySelector('.mm-also')!.textContent).toContain('Small thing.');
    expect(screen.getByRole('status').textContent).toBe('4 findings, most severe first.');
  });

  it('says why a duplicate is one', () => {
    renderChecker({
      findings: [
        { ...FINDINGS[3] },
        {
          group: 'duplicate',
          drugs: ['ibuprofen', 'ibuprofen'],
          severity: 'major',
          summary: 'Same.',
          action: 'One only.',
          also: [],
          duplicate: { reason: 'same-medicine' },
        },
        {
          group: 'duplicate',
          drugs: ['aspirin', 'naproxen'],
          severity: 'moderate',
          summary: 'Shared.',
          action: 'Check.',
          also: [],
          duplicate: { reason: 'same-ingredient', ingredient: 'naproxen' },
        },
      ],
    });
    const why = [...document.querySelectorAll('.mm-finding__why')].map((p) => p.textContent);
    expect(why).toEqual([
      'Both are medicines of the same kind.',
      'The same medicine is on the list under two names.',
      'Both contain naproxen.',
    ]);
    expect([...document.querySelectorAll('.mm-finding__names')].map((n) => n.textContent)).toEqual([
      'Ibuprofen + Naproxen',
      'Ibuprofen',
      'Aspirin + Naproxen',
    ]);
  });

  it('makes "nothing found" prominent, with the caveat beside it', () => {
    renderChecker({ findings: [] });
    expect(screen.getByRole('status').textContent).toBe("No interactions found among these 4 items in Medmark's rules.");
    expect(screen.getByText('Nothing found does not mean a combination is safe: ask your pharmacist.').className).toBe(
      'mm-caveat mm-caveat--prominent',
    );
    expect(document.querySelectorAll('.mm-findings section')).toHaveLength(0);
  });

  it('needs two items before it checks', () => {
    renderChecker({ items: [{ id: 'warfarin' }] });
    expect(screen.getByRole('status').textContent).toBe('Add at least two items to check them against each other.');
    // Findings passed for a shorter list are not shown.
    expect(document.querySelectorAll('.mm-findings section')).toHaveLength(0);
    expect(screen.getByText('Nothing found does not mean a combination is safe: ask your pharmacist.').className).toBe('mm-caveat');
  });

  it('lists the items as chips with the names the page used, and removes one', () => {
    const { onRemove, onClear } = renderChecker();
    const chips = within(screen.getByRole('list', { name: 'Medicines and other items being checked' })).getAllByRole('listitem');
    expect(chips.map((c) => c.querySelector('span')!.textContent)).toEqual(['Ibuprofen (Advil)', 'Warfarin', 'Alcohol', 'Naproxen']);
    fireEvent.click(screen.getByRole('button', { name: 'Remove Ibuprofen (Advil) from the checker' }));
    expect(onRemove).toHaveBeenCalledWith('ibuprofen');
    fireEvent.click(screen.getByRole('button', { name: 'Clear the list' }));
    expect(onClear).toHaveBeenCalledOnce();
  });

  it('adds the drugs on the page and My medications', () => {
    const { onAddPageDrugs, onAddMyMedications } = renderChecker();
    fireEvent.click(screen.getByRole('button', { name: 'Add drugs on this page' }));
    expect(onAddPageDrugs).toHaveBeenCalledOnce();
    fireEvent.click(screen.getByRole('button', { name: 'Add My medications' }));
    expect(onAddMyMedications).toHaveBeenCalledOnce();
  });

  it('disables the add buttons with the reason shown beside them', () => {
    renderChecker({ pageDrugsUnavailable: 'Medmark is not running on this page', myMedicationCount: 0, items: [] });
    const page = screen.getByRole('button', { name: 'Add drugs on this page' }) as HTMLButtonElement;
    expect(page.disabled).toBe(true);
    expect(document.getElementById(page.getAttribute('aria-describedby')!)!.textContent).toBe('Medmark is not running on this page');
    const mine = screen.getByRole('button', { name: 'Add My medications' }) as HTMLButtonElement;
    expect(mine.disabled).toBe(true);
    expect(document.getElementById(mine.getAttribute('aria-describedby')!)!.textContent).toBe('Your list is empty');
    expect(screen.getByText(/^Nothing yet\./)).toBeTruthy();
  });
});
