// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PopupView, type PopupPage, type PopupViewProps } from '../../components/popup/PopupView';
import type { CheckFinding } from '../../drugs/medication-check';

afterEach(cleanup);

const finding: CheckFinding = {
  group: 'drug-drug',
  drugs: ['ibuprofen', 'warfarin'],
  severity: 'major',
  summary: 'Bleeding risk rises.',
  action: 'Ask before combining.',
  also: [],
};

const ready = (over: Partial<Extract<PopupPage, { kind: 'ready' }>> = {}): PopupPage => ({
  kind: 'ready',
  status: 'on',
  host: 'example.com',
  drugs: [
    { id: 'ibuprofen', name: 'Ibuprofen', drugClass: 'NSAID', count: 3, hasBoxedWarning: true, mine: 'major' },
    { id: 'baclofen', name: 'Baclofen', drugClass: 'Muscle relaxant', count: 1, hasBoxedWarning: false },
  ],
  findings: [finding],
  ...over,
});

function show(page: PopupPage, over: Partial<PopupViewProps> = {}) {
  const props: PopupViewProps = {
    page,
    nameOf: (id) => id[0].toUpperCase() + id.slice(1),
    myMedicationIds: ['warfarin'],
    onJump: vi.fn(),
    onAddToMyMedications: vi.fn(),
    onToggleSite: vi.fn(),
    onTogglePause: vi.fn(),
    onTogglePage: vi.fn(),
    onOpenPanel: vi.fn(),
    onOpenSettings: vi.fn(),
    shortcuts: [],
    ...over,
  };
  render(<PopupView {...props} />);
  return props;
}

describe('PopupView', () => {
  it('lists the drugs with class, mentions and markers; choosing one jumps to it', () => {
    const props = show(ready());
    const rows = screen.getAllByRole('button', { name: /show the next mention/ });
    expect(rows.map((r) => r.textContent)).toEqual([
      'IbuprofenNSAID3 mentionsBoxed warningInteracts with your medicines: show the next mention on the page',
      'BaclofenMuscle relaxant1 mention: show the next mention on the page',
    ]);
    fireEvent.click(rows[1]);
    expect(props.onJump).toHaveBeenCalledWith('baclofen');
  });

  it('saves a drug from the page to My medications, and marks the ones already there', () => {
    const props = show(ready(), { myMedicationIds: ['baclofen'] });
    fireEvent.click(screen.getByRole('button', { name: /^Add to My medications\W+Ibuprofen$/ }));
    expect(props.onAddToMyMedications).toHaveBeenCalledWith('ibuprofen');
    expect(screen.queryByRole('button', { name: /^Add to My medications\W+Baclofen$/ })).toBeNull();
    expect(screen.getByText('On your list')).toBeTruthy();
  });

  it("calls out interactions with their grade, naming the reader's own medicine", () => {
    show(ready());
    const item = document.querySelector('.mm-finding')!;
    expect(item.textContent).toContain('Major');
    expect(item.textContent).toContain('Ibuprofen + Warfarin (yours)');
    expect(item.textContent).toContain('Bleeding risk rises.');
    expect(item.textContent).toContain('Ask before combining.');
  });

  it('names a duplicate of one medicine under two names once', () => {
    show(
      ready({
        findings: [
          { ...finding, group: 'duplicate', drugs: ['ibuprofen', 'ibuprofen'], summary: 'Advil and ibuprofen are the same medicine.' },
        ],
      }),
    );
    expect(document.querySelector('.mm-finding strong')!.textContent).toBe('Ibuprofen');
    expect(document.querySelector('.mm-finding')!.textContent).toContain('Duplicate');
  });

  it('switches the site off and pauses everywhere', () => {
    const props = show(ready());
    fireEvent.click(screen.getByRole('button', { name: 'Switch off on example.com' }));
    fireEvent.click(screen.getByRole('button', { name: 'Pause everywhere' }));
    expect(props.onToggleSite).toHaveBeenCalledTimes(1);
    expect(props.onTogglePause).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['loading', { kind: 'loading' } as PopupPage, /Looking at this page/],
    ['a page it cannot read', { kind: 'unavailable' } as PopupPage, /can’t read this page/],
    ['a page with no drugs', ready({ drugs: [], findings: [] }), /No medicines found on this page/],
    ['a site switched off', ready({ status: 'site-off', drugs: [], findings: [] }), /switched off on example.com/],
    ['paused everywhere', ready({ status: 'paused', drugs: [], findings: [] }), /paused on every site/],
  ])('says so clearly on %s', (_label, page, text) => {
    show(page);
    expect(document.body.textContent).toMatch(text);
    expect(document.querySelector('.mm-drug-list')).toBeNull();
  });

  it('offers the way back from each off state', () => {
    const props = show(ready({ status: 'site-off', drugs: [], findings: [] }));
    fireEvent.click(screen.getAllByRole('button', { name: 'Switch on for example.com' })[0]);
    expect(props.onToggleSite).toHaveBeenCalled();
    cleanup();
    const paused = show(ready({ status: 'paused', drugs: [], findings: [] }));
    fireEvent.click(screen.getByRole('button', { name: 'Resume Medmark' }));
    expect(paused.onTogglePause).toHaveBeenCalled();
    cleanup();
    const pageOff = show(ready({ status: 'page-off', drugs: [], findings: [] }));
    expect(document.body.textContent).toMatch(/switched off for this page/);
    expect(document.querySelector('.mm-drug-list')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Switch on for this page' }));
    expect(pageOff.onTogglePage).toHaveBeenCalled();
  });

  it('lists the keyboard shortcuts the reader has set, and no section when none is set', () => {
    show(ready(), {
      shortcuts: [
        { description: 'Go to the next highlighted medicine on the page', keys: 'Alt+Shift+.' },
        { description: 'Switch highlights on or off for this page', keys: 'Alt+Shift+H' },
      ],
    });
    const section = screen.getByRole('region', { name: 'Keyboard shortcuts' });
    expect(Array.from(section.querySelectorAll('kbd'), (k) => k.textContent)).toEqual(['Alt+Shift+.', 'Alt+Shift+H']);
    expect(section.textContent).toContain('Go to the next highlighted medicine on the page');
    cleanup();
    show(ready(), { shortcuts: [] });
    expect(screen.queryByRole('region', { name: 'Keyboard shortcuts' })).toBeNull();
  });

  it('always offers the side panel and the notice', () => {
    const props = show({ kind: 'unavailable' });
    fireEvent.click(screen.getByRole('button', { name: 'Search and check medicines' }));
    expect(props.onOpenPanel).toHaveBeenCalled();
    expect(document.body.textContent).toMatch(/not a substitute/);
  });
});
