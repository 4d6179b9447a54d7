/**
 * The reader's settings and medication list: their shapes, defaults, and the
 * checks every stored or imported value passes before Medmark uses it. Pure
 * (no extension API), so the same rules serve storage, import and tests. A
 * value that fails a check is replaced by the default for that field alone,
 * so one corrupt setting never costs the reader their medication list.
 */

export const HIGHLIGHT_STYLES = ['underline', 'background', 'hover'] as const;
/** `underline`: dotted underline; `background`: tinted background; `hover`: nothing until the pointer or focus is on it. */
export type HighlightStyle = (typeof HIGHLIGHT_STYLES)[number];

export const MENTION_MODES = ['all', 'first'] as const;
/** Highlight every mention, or only the first mention of each drug. */
export type MentionMode = (typeof MENTION_MODES)[number];

/** Shortest and longest hover delay offered: shorter opens on a passing mouse, longer feels broken. */
export const HOVER_DELAY_RANGE_MS = { min: 100, max: 2000 } as const;

export type Settings = {
  highlightStyle: HighlightStyle;
  mentions: MentionMode;
  hoverDelayMs: number;
  /** Host names where Medmark is switched off ("example.com"). */
  disabledSites: string[];
  /** Switched off everywhere until switched back on. */
  paused: boolean;
};

export const DEFAULT_SETTINGS: Settings = {
  highlightStyle: 'underline',
  mentions: 'all',
  // Hover intent: a pointer passing over a word should not flash a card (content/drug-ui.ts).
  hoverDelayMs: 350,
  disabledSites: [],
  paused: false,
};

/** A medicine the reader takes. Names come from the knowledge base, so only the id is stored. */
export type MyMedication = { id: string; addedAt: string };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A host name as typed or copied: lower case, no scheme, path, port or leading "www.". */
export function normalizeSite(input: string): string | undefined {
  let host = input.trim().toLowerCase();
  if (!host) return undefined;
  try {
    if (/^[a-z][a-z0-9+.-]*:\/\//.test(host)) host = new URL(host).hostname;
  } catch {
    return undefined;
  }
  host = host
    .replace(/[/:?#].*$/, '')
    .replace(/^www\./, '')
    .replace(/\.$/, '');
  return /^[a-z0-9-]+(\.[a-z0-9-]+)*$/.test(host) ? host : undefined;
}

/** Whether Medmark is switched off on `hostname` (a listed site covers its subdomains). */
export function isSiteDisabled(settings: Settings, hostname: string): boolean {
  const host = normalizeSite(hostname);
  if (!host) return false;
  return settings.disabledSites.some((site) => host === site || host.endsWith(`.${site}`));
}

/** Reads stored settings field by field; anything missing or malformed takes its default. */
export function parseSettings(value: unknown): Settings {
  const v = isRecord(value) ? value : {};
  const pick = <T extends string>(allowed: readonly T[], x: unknown, fallback: T): T =>
    typeof x === 'string' && (allowed as readonly string[]).includes(x) ? (x as T) : fallback;
  const delay = typeof v.hoverDelayMs === 'number' && Number.isFinite(v.hoverDelayMs) ? Math.round(v.hoverDelayMs) : NaN;
  const sites = Array.isArray(v.disabledSites)
    ? [...new Set(v.disabledSites.map((s) => (typeof s === 'string' ? normalizeSite(s) : undefined)).filter((s): s is string => !!s))]
    : DEFAULT_SETTINGS.disabledSites;
  return {
    highlightStyle: pick(HIGHLIGHT_STYLES, v.highlightStyle, DEFAULT_SETTINGS.highlightStyle),
    mentions: pick(MENTION_MODES, v.mentions, DEFAULT_SETTINGS.mentions),
    hoverDelayMs: delay >= HOVER_DELAY_RANGE_MS.min && delay <= HOVER_DELAY_RANGE_MS.max ? delay : DEFAULT_SETTINGS.hoverDelayMs,
    disabledSites: sites,
    paused: typeof v.paused === 'boolean' ? v.paused : DEFAULT_SETTINGS.paused,
  };
}

/** Reads a stored medication list; drops entries that are malformed or name no known medicine, keeps the rest in order. */
export function parseMedicationList(value: unknown, knownIds: ReadonlySet<string>): MyMedication[] {
  if (!Array.isArray(value)) return [];
  const seen = new Set<string>();
  const list: MyMedication[] = [];
  for (const item of value) {
    if (!isRecord(item) || typeof item.id !== 'string' || !knownIds.has(item.id) || seen.has(item.id)) continue;
    seen.add(item.id);
    list.push({ id: item.id, addedAt: typeof item.addedAt === 'string' ? item.addedAt : '' });
  }
  return list;
}
