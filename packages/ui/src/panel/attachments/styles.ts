// Adopted by the shadow root the first time any of this shows: the panel's own stylesheet does not carry these.
const CSS = `
.hd-attach { align-self: center; border: 0; padding: 6px; background: none; color: var(--hd-muted); cursor: pointer; }
.hd-files { list-style: none; margin: 6px 0 0; padding: 0; display: grid; gap: 6px; }
.hd-file { display: grid; gap: 4px; }
.hd-file img { max-inline-size: 100%; max-block-size: 240px; border-radius: 8px; border: 1px solid var(--hd-border); justify-self: start; }
.hd-file-name { overflow-wrap: anywhere; }
.hd-file-button { justify-self: start; }
`;
let sheet: CSSStyleSheet | null = null;

export function adoptStyles(node: Node | null): void {
  const root = node?.getRootNode();
  if (!(root instanceof ShadowRoot) || typeof CSSStyleSheet === 'undefined') return;
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  }
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}
