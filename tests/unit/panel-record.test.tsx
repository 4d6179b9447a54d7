// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { InteractionList } from '../../components/InteractionList';
import { DrugNames } from '../../components/panel/DrugNames';
import { DrugRecordView } from '../../components/panel/DrugRecordView';
import { validateKnowledgeBase } from '../../drugs/validate-kb';
import { createRequestHandler } from '../../messaging/handle-request';
import type { DrugDetails } from '../../messaging/protocol';
import { drug, SAMPLE_DRUGS, sampleSources } from './helpers/sample-kb';

afterEach(cleanup);

const kb = validateKnowledgeBase(
  sampleSources([
    ...SAMPLE_DRUGS.filter((d) => d.id !== 'baclofen'),
    drug('baclofen', {
      aliases: [
        { name: 'Lioresal', kind: 'brand', region: 'UK' },
        { name: 'Ozobax', kind: 'brand' },
        { name: 'Kemstro', kind: 'past-brand' },
        { name: 'baclofene', kind: 'international' },
      ],
      benefits: [
        { text: 'Eases muscle stiffness from multiple sclerosis.', offLabel: false },
        { text: 'Alcohol use disorder.', offLabel: true },
      ],
      risks: { ...drug('x').risks, boxedWarnings: ['Stopping suddenly: can be dangerous.'], withdrawal: 'Taper slowly.' },
      interactions: [
        { with: 'alcohol', severity: 'major', effect: 'More drowsiness.', action: 'Avoid alcohol.' },
        { with: 'tizanidine', severity: 'moderate', effect: 'Both relax muscles.', action: 'Watch for weakness.' },
      ],
    }),
  ]),
);
const handle = createRequestHandler(kb);
const details = (id: string, myMedicationIds: string[] = []) =>
  handle({ type: 'medmark/details', id, pageDrugIds: [] }, { myMedicationIds }) as DrugDetails;

function renderRecord(overrides: Partial<Parameters<typeof DrugRecordView>[0]> = {}) {
  const props = {
    details: details('baclofen'),
    inMyMedications: false,
    inChecker: false,
    onAddToMyMedications: vi.fn(),
    onRemoveFromMyMedications: vi.fn(),
    onAddToChecker: vi.fn(),
    onOpenDrug: vi.fn(),
    ...overrides,
  };
  render(<DrugRecordView {...props} />);
  return props;
}

describe('DrugRecordView', () => {
  it('shows the whole record: names by kind, benefits with off-label marked, risks, interactions, sources, review date and notice', () => {
    renderRecord();
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Baclofen');
    expect(screen.getByText('Test class')).toBeTruthy();
    const names = screen.getByRole('region', { name: 'Also known as' });
    expect([...names.querySelectorAll('dt')].map((dt) => dt.textContent)).toEqual(['Brands', 'Past brands', 'International names']);
    expect([...names.querySelectorAll('dd')].map((dd) => dd.textContent)).toEqual(['Lioresal (UK), Ozobax', 'Kemstro', 'baclofene']);
    const benefits = screen.getByRole('region', { name: 'Benefits' });
    expect(within(benefits).getByText('off-label').parentElement!.textContent).toBe('off-label Alcohol use disorder.');
    expect(within(screen.getByRole('region', { name: 'Risks' })).getByText('Taper slowly.')).toBeTruthy();
    expect(screen.getByRole('note', { name: 'Boxed warning' }).textContent).toContain('Stopping suddenly: can be dangerous.');
    const interactions = screen.getByRole('region', { name: 'Interactions' });
    expect([...interactions.querySelectorAll('.mm-interaction strong')].map((s) => s.textContent)).toEqual(['Alcohol', 'Tizanidine']);
    expect(screen.getByRole('link', { name: 'MedlinePlus' }).getAttribute('href')).toBe(
      'https://medlineplus.gov/druginfo/meds/a682530.html',
    );
    expect(screen.getByText('Reviewed 2026-11-24')).toBeTruthy();
    expect(document.querySelector('.mm-notice')!.textContent).toBe(
      'General information only, not a substitute for advice from your doctor or pharmacist.',
    );
  });

  it('opens an interacting drug that has a record; an agent without one is plain text', () => {
    const { onOpenDrug } = renderRecord();
    const interactions = screen.getByRole('region', { name: 'Interactions' });
    fireEvent.click(within(interactions).getByRole('button', { name: 'Tizanidine' }));
    expect(onOpenDrug).toHaveBeenCalledWith('tizanidine');
    expect(within(interactions).queryByRole('button', { name: 'Alcohol' })).toBeNull();
  });

  it('shows every interaction, with no "Show all" step', () => {
    const many = details('baclofen');
    const interactions = Array.from({ length: 9 }, (_, i) => ({
      ...many.interactions[0],
      other: { id: `d${i}`, name: `Drug ${i}`, kind: 'drug' as const },
    }));
    renderRecord({ details: { ...many, interactions } });
    expect(document.querySelectorAll('.mm-interaction')).toHaveLength(9);
    expect(screen.queryByRole('button', { name: /Show all/ })).toBeNull();
  });

  it('adds to My medications and to the checker', () => {
    const props = renderRecord();
    fireEvent.click(screen.getByRole('button', { name: 'Add to My medications' }));
    expect(props.onAddToMyMedications).toHaveBeenCalledWith('baclofen');
    fireEvent.click(screen.getByRole('button', { name: 'Add to checker' }));
    expect(props.onAddToChecker).toHaveBeenCalledWith('baclofen');
  });

  it('offers removal when the drug is on the list, and says when it is already in the checker', () => {
    const props = renderRecord({ inMyMedications: true, inChecker: true });
    expect(screen.queryByRole('button', { name: 'Add to My medications' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Remove from My medications' }));
    expect(props.onRemoveFromMyMedications).toHaveBeenCalledWith('baclofen');
    expect((screen.getByRole('button', { name: 'In the checker' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it("calls out interactions with the reader's own medicines", () => {
    renderRecord({ details: details('baclofen', ['tizanidine']) });
    const callout = screen.getByRole('note', { name: 'Interactions with your medicines' });
    expect(callout.textContent).toContain('With your medicines');
    expect(callout.textContent).toContain('Tizanidine');
    expect(callout.textContent).toContain('Moderate');
    expect(callout.textContent).toContain('Watch for weakness.');
  });

  it("moves focus to the record's name, so a keyboard reader starts there", () => {
    renderRecord();
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 2 }));
  });

  it('says so when there is no record', () => {
    renderRecord({ details: null });
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Not available');
    expect(screen.getByText('Medmark has no record for this medicine.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Add to My medications' })).toBeNull();
  });
});

describe('DrugNames', () => {
  it('renders nothing for a drug known by one name only', () => {
    const { container } = render(<DrugNames aliases={[]} />);
    expect(container.innerHTML).toBe('');
  });

  it('groups salts and abbreviations under their own headings', () => {
    render(
      <DrugNames
        aliases={[
          { name: 'metoprolol succinate', kind: 'salt' },
          { name: 'HCTZ', kind: 'abbreviation' },
          { name: 'Toprol-XL', kind: 'brand', region: 'US' },
        ]}
      />,
    );
    const groups = [...document.querySelectorAll('.mm-names__group')].map((g) => g.textContent);
    expect(groups).toEqual(['BrandsToprol-XL (US)', 'Salt formsmetoprolol succinate', 'AbbreviationsHCTZ']);
  });
});

describe('InteractionList with onOpenDrug', () => {
  const interactions = [
    {
      other: { id: 'warfarin', name: 'Warfarin', kind: 'drug' as const },
      severity: 'major' as const,
      ruleSeverity: 'major' as const,
      effect: 'Bleeding.',
      action: 'Avoid.',
      also: [],
    },
    {
      other: { id: 'nsaids', name: 'NSAIDs', kind: 'class' as const },
      severity: 'major' as const,
      ruleSeverity: 'major' as const,
      effect: 'Stomach bleeding.',
      action: 'Ask.',
      also: [],
    },
  ];

  it('makes drugs with a record buttons, and leaves classes as text', () => {
    const onOpenDrug = vi.fn();
    render(<InteractionList interactions={interactions} onOpenDrug={onOpenDrug} />);
    fireEvent.click(screen.getByRole('button', { name: 'Warfarin' }));
    expect(onOpenDrug).toHaveBeenCalledWith('warfarin');
    expect(screen.queryByRole('button', { name: 'NSAIDs' })).toBeNull();
    expect(screen.getByText('NSAIDs')).toBeTruthy();
  });

  it('has no buttons without onOpenDrug, as in the popover', () => {
    render(<InteractionList interactions={interactions} />);
    expect(screen.queryByRole('button')).toBeNull();
  });
});
