import type { Severity } from '../drugs/schema';

const LABELS: Record<Severity, string> = {
  contraindicated: 'Do not combine',
  major: 'Major',
  moderate: 'Moderate',
  minor: 'Minor',
};

/** A coloured label for an interaction's severity; the text carries the meaning, not just the colour. */
export function SeverityBadge({ severity }: { severity: Severity }) {
  return <span class={`mm-badge mm-badge--${severity}`}>{LABELS[severity]}</span>;
}
