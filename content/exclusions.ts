/**
 * Where Medmark never highlights: code and styles, form fields, editable
 * regions (wrapping text there would corrupt what the user types), graphics
 * whose text cannot hold a <mark>, and our own marks and UI.
 */
export const MARK_ATTRIBUTE = 'data-medmark';
export const UI_HOST_TAG = 'medmark-ui';

const SKIPPED_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'OPTGROUP',
  'BUTTON', 'IFRAME', 'OBJECT', 'EMBED', 'CANVAS', 'VIDEO', 'AUDIO', 'HEAD', 'TITLE', 'META',
  // Text inside SVG and MathML cannot contain an HTML <mark>.
  'svg', 'SVG', 'math', 'MATH',
]);
const SKIPPED_ROLES = new Set(['textbox', 'combobox', 'searchbox', 'button']);

/** True when nothing inside `element` may be highlighted. */
export function isExcludedElement(element: Element): boolean {
  if (SKIPPED_TAGS.has(element.tagName)) return true;
  if (element.tagName === 'MARK' && element.hasAttribute(MARK_ATTRIBUTE)) return true;
  if (element.localName === UI_HOST_TAG) return true;
  const editable = element.getAttribute('contenteditable');
  if (editable !== null && editable.toLowerCase() !== 'false') return true;
  const role = element.getAttribute('role');
  if (role && SKIPPED_ROLES.has(role)) return true;
  // designMode documents and inherited editing.
  return (element as HTMLElement).isContentEditable === true;
}

/** True when `node` or one of its ancestors is excluded (used for nodes added later). */
export function isInsideExcluded(node: Node): boolean {
  for (let el: Element | null = node instanceof Element ? node : node.parentElement; el; el = el.parentElement) {
    if (isExcludedElement(el)) return true;
  }
  return false;
}
