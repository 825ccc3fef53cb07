/** Builds an element with text content only: the console never renders HTML strings either. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/** An in-app link: navigates with pushState, no reload. */
export function link(href: string, text: string, navigate: (href: string) => void): HTMLAnchorElement {
  const a = el('a', text);
  a.href = href;
  a.addEventListener('click', (e) => {
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    navigate(href);
  });
  return a;
}

export function table(headers: string[], rows: Array<Array<string | Node>>): HTMLTableElement {
  const t = el('table', undefined, 'grid');
  const head = el('tr');
  for (const h of headers) {
    const th = el('th', h);
    th.scope = 'col';
    head.append(th);
  }
  t.append(el('thead'), el('tbody'));
  t.tHead?.append(head);
  for (const row of rows) {
    const tr = el('tr');
    for (const cell of row) {
      const td = el('td');
      td.append(cell);
      tr.append(td);
    }
    t.tBodies[0]?.append(tr);
  }
  return t;
}

export function facts(pairs: Array<[string, string]>): HTMLDListElement {
  const dl = el('dl', undefined, 'facts');
  for (const [k, v] of pairs) dl.append(el('dt', k), el('dd', v));
  return dl;
}

/** The page's error banner: role=alert, the way most consoles show API errors. */
export function banner(): { node: HTMLElement; show(text: string): void; clear(): void } {
  const node = el('div', undefined, 'banner');
  node.setAttribute('role', 'alert');
  node.hidden = true;
  return {
    node,
    show(text) {
      node.textContent = text;
      node.hidden = false;
    },
    clear() {
      node.textContent = '';
      node.hidden = true;
    },
  };
}

/** "← Instances": back to the list, in-app. */
export function backLink(href: string, text: string, navigate: (href: string) => void): HTMLParagraphElement {
  const p = el('p');
  p.append(link(href, text, navigate));
  return p;
}
