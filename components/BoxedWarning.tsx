import { useState } from 'preact/hooks';

/** Longer warnings are shortened to their first sentence until the reader asks for the rest. */
const SHORT_WARNING_CHARS = 180;

/** Splits "Topic: text" into its topic and text; warnings are written that way (see data/README.md). */
function splitTopic(warning: string): { topic?: string; text: string } {
  const colon = warning.indexOf(':');
  return colon > 0 && colon < 100 ? { topic: warning.slice(0, colon), text: warning.slice(colon + 1).trim() } : { text: warning };
}

function firstSentence(text: string): string {
  const end = text.search(/[.!?](\s|$)/);
  return end > 0 ? text.slice(0, end + 1) : text;
}

/** One boxed warning: its topic in bold, its first sentence, and the rest on request. */
export function BoxedWarning({ warning }: { warning: string }) {
  const [expanded, setExpanded] = useState(false);
  const { topic, text } = splitTopic(warning);
  const short = firstSentence(text);
  const canShorten = text.length > SHORT_WARNING_CHARS && short.length < text.length;
  return (
    <li>
      {topic && <strong>{topic}: </strong>}
      {canShorten && !expanded ? short : text}
      {canShorten && (
        <>
          {' '}
          <button type="button" class="mm-link-button" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
            {expanded ? 'Show less' : 'Read the full warning'}
          </button>
        </>
      )}
    </li>
  );
}
