type Child = Node | string;

/** `el('a', { href: '/x' }, 'text')`: elements with attributes and text children, never HTML strings. */
export function el(tag: string, attrs: Record<string, string> = {}, ...children: Child[]): HTMLElement {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}
