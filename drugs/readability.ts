/**
 * Reading grade of the text readers see first: the one-line summary and the
 * benefits. Flesch-Kincaid grade (US school grade) from `text-readability`.
 *
 * Bracketed medical terms are left out of the measure: records are written as
 * "stiff, tight muscles (spasticity)", where the plain words carry the meaning
 * and the term in brackets is a label to look up. Counting the label's
 * syllables would punish the very style that makes the text readable.
 */
import readability from 'text-readability';
import type { DrugRecord } from './schema';

/** Grade 9 or lower is the aim for summaries and benefits (issue 3). */
export const READING_GRADE_AIM = 9;

function plain(text: string): string {
  return text
    .replace(/\s*\([^)]*\)/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function asSentence(text: string): string {
  const t = plain(text);
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

/** Flesch-Kincaid grade of `text`, bracketed terms removed, rounded to one decimal. */
export function readingGrade(text: string): number {
  const t = plain(text);
  if (!t) return 0;
  return Math.round(readability.fleschKincaidGrade(t) * 10) / 10;
}

export type RecordReadability = { id: string; summary: number; benefits: number };

export function recordReadability(drug: Pick<DrugRecord, 'id' | 'summary' | 'benefits'>): RecordReadability {
  return {
    id: drug.id,
    summary: readingGrade(asSentence(drug.summary)),
    benefits: readingGrade(drug.benefits.map((b) => asSentence(b.text)).join(' ')),
  };
}
