import type { ContextSource } from '@helpdock/core';
import { LIMITS, type ContextSnapshot } from '@helpdock/protocol';
import { pageLocale } from './context/browser.ts';

/** Where the user is, from the URL, the title and the page's language. Listens only while subscribed. */
export function urlContextSource(): ContextSource {
  const snapshot = (): ContextSnapshot => {
    const context: ContextSnapshot = { url: location.href.slice(0, LIMITS.url) };
    const title = document.title.trim().slice(0, LIMITS.title);
    if (title) context.title = title;
    const locale = pageLocale();
    if (locale) context.locale = locale;
    return context;
  };
  return {
    snapshot,
    subscribe(listener) {
      const notify = () => listener(snapshot());
      addEventListener('popstate', notify);
      addEventListener('hashchange', notify);
      return () => {
        removeEventListener('popstate', notify);
        removeEventListener('hashchange', notify);
      };
    },
  };
}
