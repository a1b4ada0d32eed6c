/** Properties `el` may set. Text goes through textContent only, so data is never parsed as HTML. */
export interface ElementProps {
  className?: string;
  text?: string;
  /** Attributes for structure and ARIA (ids, roles, types), never for user data on URLs or handlers. */
  attrs?: Record<string, string>;
}

/**
 * The widget's one way to build DOM: createElement + textContent, no HTML strings.
 * @example el('p', { className: 'pal-body', text: comment.body })
 */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: ElementProps = {},
  children: Array<Node | null | undefined> = [],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.text !== undefined) node.textContent = props.text;
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    if (/^on/i.test(name) || name === 'href' || name === 'src') throw new Error(`el: refusing attribute ${name}`);
    node.setAttribute(name, value);
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

let counter = 0;
/** A unique id for label/aria wiring inside one shadow root. */
export const uniqueId = (prefix: string): string => `pal-${prefix}-${++counter}`;
