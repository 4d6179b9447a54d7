// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BoxedWarning } from '../../components/BoxedWarning';
import { DrugPopover } from '../../components/DrugPopover';
import { HoverPreview } from '../../components/HoverPreview';
import { InteractionAdvice } from '../../components/InteractionAdvice';
import { InteractionList } from '../../components/InteractionList';
import { createRequestHandler } from '../../messaging/handle-request';
import type { DrugDetails } from '../../messaging/protocol';
import { drug, SAMPLE_DRUGS, sampleSources } from './helpers/sample-kb';
import { validateKnowledgeBase } from '../../drugs/validate-kb';

afterEach(cleanup);

const kb = validateKnowledgeBase(
  sampleSources([
    ...SAMPLE_DRUGS.filter((d) => d.id !== 'ibuprofen'),
    drug('combo', { name: 'Combo', ingredients: ['baclofen', 'unknownium'] }),
    drug('family', {
      name: 'Family',
      kinds: [
        { label: 'Fast kind', drugs: ['baclofen', 'warfarin'] },
        { label: 'Slow kind', drugs: ['tizanidine'] },
      ],
    }),
    drug('ibuprofen', {
      classes: ['nsaids'],
      benefits: [
        { text: 'Eases pain.', offLabel: false },
        { text: 'Used for <img src=x onerror=alert(1)> migraine.', offLabel: true },
      ],
      risks: { ...drug('x').risks, boxedWarnings: ['Heart attack and stroke: risk rises.'], withdrawal: 'No withdrawal.' },
    }),
  ]),
);
const handle = createRequestHandler(kb);
const details = handle({ type: 'medmark/details', id: 'ibuprofen', pageDrugIds: ['warfarin'] }) as DrugDetails;

describe('DrugPopover', () => {
  it('shows benefits, risks and interactions, with the boxed warning and page interactions first', () => {
    render(<DrugPopover details={details} headingId="h" onClose={() => {}} />);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Ibuprofen');
    for (const title of ['Benefits', 'Risks', 'Interactions']) expect(screen.getByRole('heading', { name: title })).toBeTruthy();
    const boxed = document.querySelector('.mm-boxed')!;
    const onPage = document.querySelector('.mm-on-page')!;
    const benefits = document.querySelector('section[aria-label="Benefits"]')!;
    expect(boxed.textContent).toContain('Heart attack and stroke');
    expect(onPage.textContent).toContain('Warfarin');
    expect(onPage.textContent).toContain('Major');
    // The callouts come before the sections.
    expect(boxed.compareDocumentPosition(benefits) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(onPage.compareDocumentPosition(benefits) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it("puts interactions with the reader's own medicines first, and offers to add the drug to their list", () => {
    const mineDetails = handle(
      { type: 'medmark/details', id: 'ibuprofen', pageDrugIds: [] },
      { myMedicationIds: ['warfarin'] },
    ) as DrugDetails;
    const add = vi.fn();
    render(<DrugPopover details={mineDetails} headingId="h" onClose={() => {}} onAddToMyMedications={add} />);
    const mine = screen.getByRole('note', { name: 'Interactions with your medicines' });
    expect(mine.textContent).toContain('Warfarin');
    expect(
      mine.compareDocumentPosition(document.querySelector('section[aria-label="Benefits"]')!) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Add to My medications' }));
    expect(add).toHaveBeenCalledTimes(1);
    cleanup();
    const onList = handle({ type: 'medmark/details', id: 'warfarin', pageDrugIds: [] }, { myMedicationIds: ['warfarin'] }) as DrugDetails;
    render(<DrugPopover details={onList} headingId="h" onClose={() => {}} onAddToMyMedications={add} />);
    expect(screen.queryByRole('button', { name: 'Add to My medications' })).toBeNull();
    expect(screen.getByText('On your list (My medications)')).toBeTruthy();
  });

  it('marks off-label uses, lists sources and the review date, and carries the notice', () => {
    render(<DrugPopover details={details} headingId="h" onClose={() => {}} />);
    expect(screen.getByText('off-label')).toBeTruthy();
    expect(screen.getByText('Off-label uses')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'MedlinePlus' }).getAttribute('href')).toBe(
      'https://medlineplus.gov/druginfo/meds/a682530.html',
    );
    expect(screen.getByRole('link', { name: 'MedlinePlus' }).getAttribute('rel')).toBe('noopener noreferrer');
    expect(screen.getByText('Reviewed 2026-11-24')).toBeTruthy();
    expect(document.querySelector('.mm-notice')!.textContent).toMatch(/not a substitute/);
  });

  it('renders data as text, never as HTML', () => {
    render(<DrugPopover details={details} headingId="h" onClose={() => {}} />);
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getByText(/<img src=x onerror=alert\(1\)> migraine/)).toBeTruthy();
  });

  it('calls onClose from the close button', () => {
    const onClose = vi.fn();
    render(<DrugPopover details={details} headingId="h" onClose={onClose} />);
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalledOnce();
  });

  it("links a combination's ingredients that have records", () => {
    const combo = createRequestHandler(kb)({ type: 'medmark/details', id: 'combo', pageDrugIds: [] }) as DrugDetails;
    const onOpenDrug = vi.fn();
    render(<DrugPopover details={combo} headingId="h" onClose={() => {}} onOpenDrug={onOpenDrug} />);
    expect(document.querySelector('.mm-muted')!.textContent).toBe('Contains: baclofen + unknownium');
    fireEvent.click(screen.getByRole('button', { name: 'baclofen' }));
    expect(onOpenDrug).toHaveBeenCalledWith('baclofen');
    expect(screen.queryByRole('button', { name: 'unknownium' })).toBeNull();
  });

  it("lists a family record's kinds with links to each member, and no kinds for other records", () => {
    const family = createRequestHandler(kb)({ type: 'medmark/details', id: 'family', pageDrugIds: [] }) as DrugDetails;
    expect(family.kinds).toEqual([
      {
        label: 'Fast kind',
        drugs: [
          { id: 'baclofen', name: 'Baclofen' },
          { id: 'warfarin', name: 'Warfarin' },
        ],
      },
      { label: 'Slow kind', drugs: [{ id: 'tizanidine', name: 'Tizanidine' }] },
    ]);
    const onOpenDrug = vi.fn();
    render(<DrugPopover details={family} headingId="h" onClose={() => {}} onOpenDrug={onOpenDrug} />);
    const kinds = document.querySelector('section[aria-label="Kinds"]')!;
    expect(kinds.textContent).toContain('Fast kind: Baclofen, Warfarin');
    fireEvent.click(screen.getByRole('button', { name: 'Tizanidine' }));
    expect(onOpenDrug).toHaveBeenCalledWith('tizanidine');
    cleanup();
    render(<DrugPopover details={details} headingId="h" onClose={() => {}} />);
    expect(document.querySelector('section[aria-label="Kinds"]')).toBeNull();
  });

  it('shows loading and failure states', () => {
    const { rerender } = render(<DrugPopover details={undefined} headingId="h" onClose={() => {}} />);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Loading…');
    rerender(<DrugPopover details={null} headingId="h" onClose={() => {}} />);
    expect(screen.getByText(/could not load/)).toBeTruthy();
  });
});

describe('BoxedWarning', () => {
  const long =
    'Stopping suddenly: withdrawal can cause fever and confusion. It can also cause a strong return of spasms and stiffness, muscle breakdown, failure of several organs and, rarely, death. Keep every refill appointment and learn the alarms.';

  it('shows the topic and first sentence of a long warning, and the rest on request', () => {
    render(<BoxedWarning warning={long} />);
    const item = document.querySelector('li')!;
    expect(item.querySelector('strong')!.textContent).toBe('Stopping suddenly: ');
    expect(item.textContent).toContain('withdrawal can cause fever and confusion.');
    expect(item.textContent).not.toContain('Keep every refill');
    fireEvent.click(screen.getByRole('button', { name: 'Read the full warning' }));
    expect(item.textContent).toContain('Keep every refill appointment and learn the alarms.');
    expect(screen.getByRole('button', { name: 'Show less' }).getAttribute('aria-expanded')).toBe('true');
  });

  it('shows a short warning whole, without a button', () => {
    render(<BoxedWarning warning="Bleeding risk: warfarin can cause major bleeding." />);
    expect(document.querySelector('li')!.textContent).toBe('Bleeding risk: warfarin can cause major bleeding.');
    expect(screen.queryByRole('button')).toBeNull();
  });
});

describe('HoverPreview', () => {
  const preview = { id: 'ibuprofen', name: 'Ibuprofen', drugClass: 'NSAID', summary: 'Eases pain.', hasBoxedWarning: true, mine: [] };

  it('shows name, class and summary, and opens details on request', () => {
    const onOpen = vi.fn();
    render(<HoverPreview preview={preview} inLink={false} onOpenDetails={onOpen} />);
    expect(screen.getByText('Ibuprofen')).toBeTruthy();
    expect(screen.getByText('NSAID')).toBeTruthy();
    expect(screen.getByText('Eases pain.')).toBeTruthy();
    expect(screen.getByText('Has a boxed warning')).toBeTruthy();
    expect(screen.getByRole('note').textContent).toMatch(/not a substitute for your doctor or pharmacist/);
    fireEvent.click(screen.getByRole('button'));
    expect(onOpen).toHaveBeenCalledOnce();
  });

  it('tells link readers about Alt+click, and shows a loading state', () => {
    const { rerender } = render(<HoverPreview preview={preview} inLink onOpenDetails={() => {}} />);
    expect(screen.getByText('Alt+click')).toBeTruthy();
    rerender(<HoverPreview preview={undefined} inLink={false} onOpenDetails={() => {}} />);
    expect(screen.getByText('Loading…')).toBeTruthy();
  });
});

describe('InteractionList', () => {
  it('shows the first few and expands to all', () => {
    const many = Array.from({ length: 9 }, (_, i) => ({
      other: { id: `d${i}`, name: `Drug ${i}`, kind: 'drug' as const },
      severity: 'moderate' as const,
      ruleSeverity: 'moderate' as const,
      effect: `Effect ${i}.`,
      action: 'Ask.',
      also: [],
    }));
    render(<InteractionList interactions={many} initialCount={6} />);
    expect(document.querySelectorAll('.mm-interaction')).toHaveLength(6);
    fireEvent.click(screen.getByRole('button', { name: 'Show all 9 interactions' }));
    expect(document.querySelectorAll('.mm-interaction')).toHaveLength(9);
  });

  it("says so when there is nothing listed, in the record's words when it has them", () => {
    const { rerender } = render(<InteractionList interactions={[]} />);
    expect(screen.getByText('No significant interactions listed.')).toBeTruthy();
    rerender(<InteractionList interactions={[]} note="No interactions of clinical importance are known." />);
    expect(screen.getByText('No interactions of clinical importance are known.')).toBeTruthy();
  });
});

describe('InteractionAdvice', () => {
  it('shows the most specific advice, with its dose, then every other rule with its own grade', () => {
    render(
      <InteractionAdvice
        effect="Two antiplatelets."
        action="Take both as your heart doctor directs."
        dose={{ drug: 'aspirin', dose: 'low-dose', label: 'low-dose aspirin' }}
        also={[
          {
            severity: 'major',
            effect: 'Stomach bleeding.',
            action: 'Ask first.',
            dose: { drug: 'aspirin', dose: 'pain-relief', label: 'aspirin at pain-relief doses' },
          },
          { severity: 'minor', effect: 'Something small.', action: 'Be aware.' },
        ]}
      />,
    );
    expect(screen.getByText('With low-dose aspirin:', { exact: false })).toBeTruthy();
    const also = document.querySelectorAll('.mm-also li');
    expect(also).toHaveLength(2);
    expect(also[0].textContent).toMatch(/Major.*With aspirin at pain-relief doses: Stomach bleeding\. Ask first\./);
    expect(also[1].textContent).toMatch(/Minor.*Something small\./);
  });

  it('adds nothing when a single rule joins the pair', () => {
    render(<InteractionAdvice effect="Only one." action="Do this." also={[]} />);
    expect(document.querySelector('.mm-also')).toBeNull();
  });
});
