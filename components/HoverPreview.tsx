import type { DrugPreview } from '../messaging/protocol';
import { MedicalNotice } from './MedicalNotice';
import { SeverityBadge } from './SeverityBadge';

export type HoverPreviewProps = {
  /** Undefined while loading. */
  preview?: DrugPreview;
  /** The highlight sits inside a link, so a plain click follows the link. */
  inLink: boolean;
  /** The highlight is a probable misspelling: the word as written and the name it is close to. */
  guess?: { written: string; name: string };
  onOpenDetails: () => void;
};

/** The compact card shown on hover or focus: name, class, one line of what it is for. */
export function HoverPreview({ preview, inLink, guess, onOpenDetails }: HoverPreviewProps) {
  if (!preview) {
    return (
      <div class="mm-preview" aria-busy="true">
        <p class="mm-muted">Loading…</p>
      </div>
    );
  }
  return (
    <div class="mm-preview">
      {guess && (
        <p class="mm-preview__guess" role="note">
          “{guess.written}” looks like a misspelling. Did you mean <strong>{guess.name}</strong>?
        </p>
      )}
      <p class="mm-preview__name">{preview.name}</p>
      {preview.mine.length > 0 && (
        <p class="mm-preview__mine" role="note">
          <span class="mm-label">Interacts with your medicines: </span>
          {preview.mine.map((m, i) => (
            <span key={m.other.id}>
              {i > 0 && ', '}
              {m.other.name} (<SeverityBadge severity={m.severity} />)
            </span>
          ))}
        </p>
      )}
      <p class="mm-preview__class">{preview.drugClass}</p>
      <p class="mm-preview__summary">{preview.summary}</p>
      {preview.hasBoxedWarning && <p class="mm-preview__boxed">Has a boxed warning</p>}
      <div class="mm-preview__foot">
        <button type="button" class="mm-link-button" onClick={onOpenDetails}>
          Benefits, risks &amp; interactions
        </button>
        <span class="mm-muted">{inLink ? 'Alt+click' : 'or click'}</span>
      </div>
      <MedicalNotice compact />
    </div>
  );
}
