/**
 * Markdown → plain paragraphs, for showing an article as text (never as HTML).
 * Keeps the words, drops the markup: headings, emphasis, code fences, links (their text stays).
 */
export function plainParagraphs(markdown: string): string[] {
  return markdown
    .replace(/\r\n?/g, '\n')
    .replace(/```[^\n]*\n([\s\S]*?)```/g, '$1')
    .split(/\n{2,}/)
    .map((block) =>
      block
        .split('\n')
        .map((line) =>
          line
            .replace(/^\s{0,3}(#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)/, '')
            .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
            .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
            .replace(/(\*\*|__|\*|_|`)(\S(?:.*?\S)?)\1/g, '$2')
            .trim(),
        )
        .filter(Boolean)
        .join('\n'),
    )
    .filter(Boolean);
}
