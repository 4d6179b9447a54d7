/**
 * Runs Medmark on one page according to the reader's settings, and keeps it
 * in step with them: paused everywhere or switched off for this site, the
 * highlights go and the page text is exactly as before; switched back on, they
 * come back without a reload. It also marks the drugs that interact with the
 * reader's own medicines, keeps the toolbar badge count, and answers the
 * toolbar popup (what is on this page, jump to a mention).
 */
import type { NameIndex } from '../drugs/name-index';
import type { MineAnswer } from '../messaging/protocol';
import type { PageState, StepAnswer, TabRequest } from '../messaging/tab-protocol';
import { DEFAULT_SETTINGS, isSiteDisabled, type Settings } from '../settings/settings';
import type { BackgroundClient } from './background-client';
import type { DrugView } from './drug-view';
import { startMedmark, type HighlightRun } from './start-medmark';

/** Drugs found in a burst (a feed loading a page of posts) are reported together. */
export const NEW_DRUGS_SETTLE_MS = 250;

/** Attributes our highlight CSS keys on (content/highlight.css). */
export const STYLE_ATTRIBUTE = 'data-mm-style';
export const MINE_ATTRIBUTE = 'data-mm-mine';

export type MedmarkControllerDeps = {
  index: NameIndex;
  /** Finishes `index` before the first match; absent when it is complete. */
  prepareIndex?: (deadline: number, now: () => number) => boolean;
  /** The page's host name. */
  host: string;
  client: BackgroundClient;
  loadSettings: () => Promise<Settings>;
  watchSettings: (onChange: (settings: Settings) => void) => () => void;
  /** Called whenever the reader's medication list changes. */
  watchMedications: (onChange: () => void) => () => void;
  /** Loads the preview and popover drawing on first use (`content/drug-view-loader.ts`). */
  loadView: () => Promise<DrugView>;
  doc?: Document;
};

export type MedmarkController = {
  /** Settles once the settings are read and the first run (if any) has started. */
  ready: Promise<void>;
  handleTabRequest(request: TabRequest): PageState | StepAnswer | boolean | null;
  destroy(): void;
};

export function createMedmarkController(deps: MedmarkControllerDeps): MedmarkController {
  let settings: Settings | undefined;
  let run: HighlightRun | undefined;
  let runMentions: Settings['mentions'] | undefined;
  let mine: MineAnswer = {};
  let reportedCount = -1;
  let settleTimer: ReturnType<typeof setTimeout> | undefined;
  let destroyed = false;

  /** Switched off for this page with the shortcut (until it is reloaded); the settings still come first. */
  let pageOff = false;
  const statusOf = (s: Settings | undefined): PageState['status'] =>
    s?.paused ? 'paused' : s && isSiteDisabled(s, deps.host) ? 'site-off' : pageOff ? 'page-off' : 'on';

  const decorate = (marks: HTMLElement[]) => {
    const style = settings?.highlightStyle ?? 'underline';
    for (const mark of marks) {
      mark.setAttribute(STYLE_ATTRIBUTE, style);
      const severity = mine[mark.dataset.drug ?? ''];
      if (severity) mark.setAttribute(MINE_ATTRIBUTE, severity);
      else mark.removeAttribute(MINE_ATTRIBUTE);
    }
  };

  const reportCount = () => {
    const count = run ? run.drugs().length : 0;
    if (count === reportedCount) return;
    reportedCount = count;
    deps.client.pageCount(count).catch(() => {});
  };

  const refreshMine = async () => {
    const ids = run?.drugs().map((d) => d.id) ?? [];
    const answer = ids.length ? await deps.client.mine(ids).catch((): MineAnswer => ({})) : {};
    if (destroyed || !run) return;
    // Only the drugs whose mark changed are touched: this runs each time new
    // drugs turn up, and redecorating every mark of a page with thousands of
    // them was a long task each time (issue 11).
    const changed = new Set([...Object.keys(mine), ...Object.keys(answer)].filter((id) => mine[id] !== answer[id]));
    mine = answer;
    for (const id of changed) decorate(run.marks(id));
  };

  const onDrugsChanged = () => {
    clearTimeout(settleTimer);
    settleTimer = setTimeout(() => {
      reportCount();
      void refreshMine();
    }, NEW_DRUGS_SETTLE_MS);
  };

  const stop = () => {
    clearTimeout(settleTimer);
    run?.destroy();
    run = undefined;
    runMentions = undefined;
    reportCount();
  };

  const apply = (next: Settings) => {
    settings = next;
    if (destroyed) return;
    if (statusOf(next) !== 'on') {
      stop();
      return;
    }
    if (run && runMentions !== next.mentions) stop();
    if (!run) {
      runMentions = next.mentions;
      run = startMedmark({
        index: deps.index,
        prepareIndex: deps.prepareIndex,
        client: deps.client,
        mentions: next.mentions,
        decorate,
        onDrugsChanged,
        hoverDelayMs: () => (settings ?? DEFAULT_SETTINGS).hoverDelayMs,
        addMedication: (id) => deps.client.addMedication(id),
        loadView: deps.loadView,
        doc: deps.doc,
      });
    } else {
      decorate(run.marks());
    }
  };

  const unwatchSettings = deps.watchSettings(apply);
  const unwatchMedications = deps.watchMedications(() => {
    deps.client.clearCache();
    void refreshMine();
  });
  // Unreadable settings are not a reason to stop helping: run with the defaults.
  const ready = deps.loadSettings().then(apply, () => apply(DEFAULT_SETTINGS));

  return {
    ready,
    handleTabRequest(request) {
      if (request.type === 'medmark/jump') return run?.jump(request.id) ?? false;
      if (request.type === 'medmark/step') return run?.step(request.direction) ?? null;
      if (request.type === 'medmark/toggle-page') {
        pageOff = !pageOff;
        apply(settings ?? DEFAULT_SETTINGS);
      }
      const status = statusOf(settings);
      return { status, host: deps.host, drugs: status === 'on' && run ? run.drugs() : [] };
    },
    destroy() {
      destroyed = true;
      unwatchSettings();
      unwatchMedications();
      stop();
    },
  };
}
