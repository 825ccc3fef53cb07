import type { ComponentChildren } from 'preact';

/*
 * A Markdown subset rendered as Preact elements, never as HTML: paragraphs,
 * headings, bullet and numbered lists, fenced code, inline code, bold, italic
 * and links. Anything else, raw HTML included, shows as the text it is. Links
 * open in a new tab with rel=noopener; only http(s) and mailto links are links.
 */

const SAFE_HREF = /^(https?:|mailto:)/i;
const INLINE = /(`[^`\n]+`)|(\*\*[^*\n]+\*\*|__[^_\n]+__)|(\*[^*\n]+\*|_[^_\n]+_)|(\[[^\]\n]+\]\([^)\s]+\))/g;

function inline(text: string, newTab: string): ComponentChildren[] {
  const out: ComponentChildren[] = [];
  let last = 0;
  // matchAll works on a copy of the regex, so the recursive calls below cannot disturb this loop.
  for (const m of text.matchAll(INLINE)) {
    if (m.index > last) out.push(text.slice(last, m.index));
    const [whole, code, bold, italic, link] = m;
    if (code) out.push(<code>{code.slice(1, -1)}</code>);
    else if (bold) out.push(<strong>{inline(bold.slice(2, -2), newTab)}</strong>);
    else if (italic) out.push(<em>{inline(italic.slice(1, -1), newTab)}</em>);
    else if (link) {
      const split = link.indexOf('](');
      const label = link.slice(1, split);
      const href = link.slice(split + 2, -1);
      out.push(
        SAFE_HREF.test(href) ? (
          <a href={href} target="_blank" rel="noopener noreferrer">
            {label}
            <span class="hd-visually-hidden"> {newTab}</span>
          </a>
        ) : (
          label
        ),
      );
    } else out.push(whole);
    last = m.index + whole.length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

type Block = { kind: 'p' | 'h' | 'pre'; text: string } | { kind: 'ul' | 'ol'; items: string[] };

function blocks(markdown: string): Block[] {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const out: Block[] = [];
  let para: string[] = [];
  const flush = () => {
    if (para.length) out.push({ kind: 'p', text: para.join(' ') });
    para = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (/^\s*```/.test(line)) {
      flush();
      const code: string[] = [];
      for (i++; i < lines.length && !/^\s*```/.test(lines[i] ?? ''); i++) code.push(lines[i] ?? '');
      out.push({ kind: 'pre', text: code.join('\n') });
      continue;
    }
    const heading = /^\s{0,3}#{1,6}\s+(.*)$/.exec(line);
    const bullet = /^\s{0,3}[-*+]\s+(.*)$/.exec(line);
    const numbered = /^\s{0,3}\d+[.)]\s+(.*)$/.exec(line);
    if (heading) {
      flush();
      out.push({ kind: 'h', text: heading[1] ?? '' });
    } else if (bullet || numbered) {
      flush();
      const kind = bullet ? 'ul' : 'ol';
      const prev = out.at(-1);
      const item = (bullet ?? numbered)?.[1] ?? '';
      if (prev && prev.kind === kind) prev.items.push(item);
      else out.push({ kind, items: [item] });
    } else if (!line.trim()) flush();
    else para.push(line.trim().replace(/^>\s?/, ''));
  }
  flush();
  return out;
}

export function Markdown({ source, newTab }: { source: string; newTab: string }) {
  return (
    <>
      {blocks(source).map((b, i) => {
        switch (b.kind) {
          case 'h':
            return (
              <p key={i} class="hd-md-h">
                {inline(b.text, newTab)}
              </p>
            );
          case 'pre':
            return (
              <pre key={i} class="hd-md-pre">
                <code>{b.text}</code>
              </pre>
            );
          case 'ul':
          case 'ol': {
            const List = b.kind;
            return (
              <List key={i} class="hd-md-list">
                {b.items.map((item, j) => (
                  <li key={j}>{inline(item, newTab)}</li>
                ))}
              </List>
            );
          }
          default:
            return (
              <p key={i} class="hd-text">
                {inline(b.text, newTab)}
              </p>
            );
        }
      })}
    </>
  );
}
