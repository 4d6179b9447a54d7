import type { ReportedDrug } from '../../drugs/page-report';
import type { CheckFinding } from '../../drugs/medication-check';
import type { Shortcut } from '../../messaging/commands';
import type { PageStatus } from '../../messaging/tab-protocol';
import { InteractionAdvice } from '../InteractionAdvice';
import { MedicalNotice } from '../MedicalNotice';
import { SeverityBadge } from '../SeverityBadge';
import { ShortcutList } from '../ShortcutList';

/** What the popup knows about the current tab. */
export type PopupPage =
  | { kind: 'loading' }
  /** Content scripts cannot run here (browser pages, the web store, the PDF viewer). */
  | { kind: 'unavailable' }
  | { kind: 'ready'; status: PageStatus; host: string; drugs: ReportedDrug[]; findings: CheckFinding[] };

export type PopupViewProps = {
  page: PopupPage;
  /** Display name for an id in a finding (a page drug or one of the reader's medicines). */
  nameOf: (id: string) => string;
  /** Ids of the reader's medicines, to label them in findings. */
  myMedicationIds: readonly string[];
  /** Scrolls the page to the drug's next mention and opens its popover. */
  onJump: (id: string) => void;
  /** Saves a drug from the page to the reader's medicines. */
  onAddToMyMedications: (id: string) => void;
  /** Switches Medmark off for this site, or back on. */
  onToggleSite: () => void;
  /** Pauses Medmark everywhere, or resumes it. */
  onTogglePause: () => void;
  /** Switches highlights back on for this page after the shortcut switched them off. */
  onTogglePage: () => void;
  onOpenPanel: () => void;
  onOpenSettings: () => void;
  /** The keyboard shortcuts as the reader has set them (a command with no key is left out). */
  shortcuts: readonly Shortcut[];
};

const GROUP_LABEL: Record<CheckFinding['group'], string> = {
  duplicate: 'Duplicate',
  'drug-drug': 'Interaction',
  'drug-other': 'With food, alcohol or supplement',
};

type DrugRowProps = { drug: ReportedDrug; isMine: boolean; onJump: (id: string) => void; onAdd: (id: string) => void };

function DrugRow({ drug, isMine, onJump, onAdd }: DrugRowProps) {
  return (
    <li class="mm-drug-item">
      {/* Named by what it shows (WCAG 2.5.3, label in name), then what it does. */}
      <button type="button" class="mm-drug-row" onClick={() => onJump(drug.id)}>
        <span class="mm-drug-row__name">{drug.name}</span>
        <span class="mm-drug-row__class">{drug.drugClass}</span>
        <span class="mm-drug-row__meta">
          {drug.count} {drug.count === 1 ? 'mention' : 'mentions'}
          {drug.hasBoxedWarning && <span class="mm-tag mm-tag--boxed">Boxed warning</span>}
          {drug.mine && <span class="mm-tag mm-tag--mine">Interacts with your medicines</span>}
        </span>
        <span class="mm-visually-hidden">: show the next mention on the page</span>
      </button>
      {isMine ? (
        <span class="mm-muted mm-drug-item__mine">On your list</span>
      ) : (
        <button type="button" class="mm-link-button mm-drug-item__mine" onClick={() => onAdd(drug.id)}>
          Add to My medications<span class="mm-visually-hidden">: {drug.name}</span>
        </button>
      )}
    </li>
  );
}

function Finding({ finding, nameOf, mine }: { finding: CheckFinding; nameOf: (id: string) => string; mine: ReadonlySet<string> }) {
  const [a, b] = finding.drugs;
  const label = (id: string) => `${nameOf(id)}${mine.has(id) ? ' (yours)' : ''}`;
  return (
    <li class="mm-finding">
      <div class="mm-interaction__head">
        <SeverityBadge severity={finding.severity} />
        <strong>{a === b ? label(a) : `${label(a)} + ${label(b)}`}</strong>
      </div>
      <p class="mm-finding__group">{GROUP_LABEL[finding.group]}</p>
      <InteractionAdvice effect={finding.summary} action={finding.action} dose={finding.dose} also={finding.also} foldAlso />
    </li>
  );
}

function StatusMessage({
  page,
  onToggleSite,
  onTogglePause,
  onTogglePage,
}: Pick<PopupViewProps, 'onToggleSite' | 'onTogglePause' | 'onTogglePage'> & { page: PopupPage }) {
  if (page.kind === 'loading')
    return (
      <p class="mm-muted" aria-busy="true">
        Looking at this page…
      </p>
    );
  if (page.kind === 'unavailable') {
    return (
      <p class="mm-state">
        Medmark can’t read this page. Browsers don’t let extensions into their own pages, the extension store or the PDF viewer. You can
        still search medicines in the side panel.
      </p>
    );
  }
  if (page.status === 'paused') {
    return (
      <div class="mm-state">
        <p>Medmark is paused on every site.</p>
        <button type="button" class="mm-button" onClick={onTogglePause}>
          Resume Medmark
        </button>
      </div>
    );
  }
  if (page.status === 'site-off') {
    return (
      <div class="mm-state">
        <p>Medmark is switched off on {page.host}.</p>
        <button type="button" class="mm-button" onClick={onToggleSite}>
          Switch on for {page.host}
        </button>
      </div>
    );
  }
  if (page.status === 'page-off') {
    return (
      <div class="mm-state">
        <p>Highlights are switched off for this page.</p>
        <button type="button" class="mm-button" onClick={onTogglePage}>
          Switch on for this page
        </button>
      </div>
    );
  }
  if (page.drugs.length === 0) return <p class="mm-state">No medicines found on this page.</p>;
  return null;
}

function Shortcuts({ shortcuts }: { shortcuts: PopupViewProps['shortcuts'] }) {
  if (shortcuts.length === 0) return null;
  return (
    <section aria-labelledby="mm-shortcuts-title" class="mm-shortcuts">
      <h2 id="mm-shortcuts-title">Keyboard shortcuts</h2>
      <ShortcutList shortcuts={shortcuts} />
    </section>
  );
}

/** The toolbar popup: the medicines on this tab, what to watch for among them, and the switches. */
export function PopupView(props: PopupViewProps) {
  const { page, nameOf, onJump, onToggleSite, onTogglePause, onOpenPanel, onOpenSettings } = props;
  const mine = new Set(props.myMedicationIds);
  const ready = page.kind === 'ready' && page.status === 'on' ? page : undefined;
  return (
    <main class="mm-popup">
      <header class="mm-popup__head">
        <h1>Medmark</h1>
        {ready && ready.drugs.length > 0 && (
          <p class="mm-muted">
            {ready.drugs.length} {ready.drugs.length === 1 ? 'medicine' : 'medicines'} on this page
          </p>
        )}
      </header>
      <StatusMessage page={page} onToggleSite={onToggleSite} onTogglePause={onTogglePause} onTogglePage={props.onTogglePage} />
      {ready && ready.findings.length > 0 && (
        <section aria-label="Interactions and duplicates" class="mm-findings">
          <h2>Watch out</h2>
          <ul>
            {ready.findings.map((f) => (
              <Finding key={`${f.group}|${f.drugs.join('|')}`} finding={f} nameOf={nameOf} mine={mine} />
            ))}
          </ul>
        </section>
      )}
      {ready && ready.drugs.length > 0 && (
        <section aria-label="Medicines on this page">
          <h2>On this page</h2>
          <ul class="mm-drug-list">
            {ready.drugs.map((d) => (
              <DrugRow key={d.id} drug={d} isMine={mine.has(d.id)} onJump={onJump} onAdd={props.onAddToMyMedications} />
            ))}
          </ul>
        </section>
      )}
      <footer class="mm-popup__foot">
        {page.kind === 'ready' && page.status !== 'paused' && (
          <button type="button" class="mm-button mm-button--quiet" onClick={onToggleSite}>
            {page.status === 'site-off' ? `Switch on for ${page.host}` : `Switch off on ${page.host}`}
          </button>
        )}
        {page.kind === 'ready' && page.status !== 'paused' && (
          <button type="button" class="mm-button mm-button--quiet" onClick={onTogglePause}>
            Pause everywhere
          </button>
        )}
        <button type="button" class="mm-button" onClick={onOpenPanel}>
          Search and check medicines
        </button>
        <button type="button" class="mm-link-button" onClick={onOpenSettings}>
          Settings
        </button>
        <Shortcuts shortcuts={props.shortcuts} />
        <MedicalNotice compact />
      </footer>
    </main>
  );
}
