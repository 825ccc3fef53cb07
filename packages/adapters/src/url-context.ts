import type { ContextSource } from '@helpdock/core';
import { LIMITS, type ContextSnapshot } from '@helpdock/protocol';

const BCP47 = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

function pageLocale(): string | undefined {
  const candidates = [document.documentElement.lang, navigator.language];
  return candidates.find((l) => l && BCP47.test(l));
}

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
