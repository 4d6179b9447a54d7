/**
 * Where Medmark never highlights: code and styles, form fields, editable
 * regions (wrapping text there would corrupt what the user types), graphics
 * whose text cannot hold a <mark>, and our own marks and UI.
 */
export const MARK_ATTRIBUTE = 'data-medmark';
/**
 * Our in-page UI host carries this attribute. Its tag name is random per page
 * (`medmark-ui-…`, content/ui-root.ts), so a page cannot define that custom
 * element first and take it over.
 */
export const UI_HOST_ATTRIBUTE = 'data-medmark-ui';

const SKIPPED_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'OPTGROUP',
  'BUTTON',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'CANVAS',
  'VIDEO',
  'AUDIO',
  'HEAD',
  'TITLE',
  'META',
  // Text inside SVG and MathML cannot contain an HTML <mark>.
  'svg',
  'SVG',
  'math',
  'MATH',
]);
const SKIPPED_ROLES = new Set(['textbox', 'combobox', 'searchbox', 'button']);

/** True when nothing inside `element` may be highlighted. */
export function isExcludedElement(element: Element): boolean {
  if (SKIPPED_TAGS.has(element.tagName)) return true;
  if (element.tagName === 'MARK' && element.hasAttribute(MARK_ATTRIBUTE)) return true;
  if (element.hasAttribute(UI_HOST_ATTRIBUTE)) return true;
  const editable = element.getAttribute('contenteditable');
  if (editable !== null && editable.toLowerCase() !== 'false') return true;
  const role = element.getAttribute('role');
  return role !== null && SKIPPED_ROLES.has(role);
  // Not `isContentEditable`: in Chromium it forces a style recalculation, and
  // after each of our writes that is a full-page recalc per element visited.
  // The attribute check is enough because an editable element's whole subtree
  // is rejected; `designMode` documents are checked once (isEditableDocument).
}

/** A document in design mode is editable everywhere: highlight nothing in it. */
export function isEditableDocument(doc: Document): boolean {
  return doc.designMode === 'on';
}

/** The parent element, or the host when `node` sits at the top of a shadow tree. */
function composedParent(node: Node): Element | null {
  const parent = node.parentNode;
  return parent instanceof Element ? parent : parent instanceof ShadowRoot ? parent.host : null;
}

/**
 * True when `node` or one of its ancestors is excluded (used for nodes added
 * later). The ancestors run on through shadow hosts: text in a component
 * inside a <button> or an editable region is as untouchable as the rest.
 */
export function isInsideExcluded(node: Node): boolean {
  let el = node instanceof Element ? node : node instanceof ShadowRoot ? node.host : composedParent(node);
  for (; el; el = composedParent(el)) {
    if (isExcludedElement(el)) return true;
  }
  return false;
}
