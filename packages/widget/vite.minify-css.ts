import type { Plugin } from 'vite';

/**
 * The widget's stylesheets are template literals in `styles.ts` files (adopted
 * as constructable stylesheets, for CSP); the JS minifier leaves their insides
 * alone. This collapses comments and whitespace in them at build time.
 */
export function minifyWidgetCss(): Plugin {
  const minify = (css: string) =>
    css
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/\s*([{}:;,>])\s*/g, '$1')
      .replace(/;}/g, '}')
      .trim();
  return {
    name: 'helpdock:minify-widget-css',
    transform(code, id) {
      if (!/[\\/]ui[\\/]src[\\/]([\w-]+[\\/])*[\w-]*styles\.ts$/.test(id)) return null;
      // Only `const X_CSS = `…`;` literals (exported or not): they hold no ${} expressions.
      return code.replace(/((?:export )?const \w*CSS = `)([^`]*)(`)/g, (_m, open: string, css: string, close: string) => open + minify(css) + close);
    },
  };
}
