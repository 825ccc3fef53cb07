import type { RemoteHelpOptions } from '@helpdock/adapters';
import type { HelpProvider, StatusProvider } from '@helpdock/core';

const lazy = () => import('./lazy-context.ts');

/** The server's help search and status page, whose clients load with the context chunk, after the launcher. */
export function deferredHelp(options: RemoteHelpOptions, alive: () => boolean): { help: HelpProvider; status: StatusProvider } {
  let help: Promise<HelpProvider> | null = null;
  let status: Promise<StatusProvider> | null = null;
  // A widget shut down while this code was loading asks the server for nothing more.
  const live = <T>(p: Promise<T>) => p.then((v) => (alive() ? v : Promise.reject(new Error('[helpdock] the widget was shut down'))));
  const h = () => {
    help ??= lazy().then((m) => m.remoteHelpProvider(options));
    help.catch(() => (help = null));
    return live(help);
  };
  const s = () => {
    status ??= lazy().then((m) => m.remoteStatusProvider(options));
    status.catch(() => (status = null));
    return live(status);
  };
  return {
    help: {
      search: async (query, context) => (await h()).search(query, context),
      forContext: async (context) => (await h()).forContext?.(context) ?? [],
      forErrorCode: async (code, context) => (await h()).forErrorCode?.(code, context) ?? null,
      article: async (id, context) => (await h()).article?.(id, context) ?? null,
      feedback: async (articleId, locale, helpful) => (await h()).feedback?.(articleId, locale, helpful),
    },
    status: { incidents: async (context) => (await s()).incidents(context) },
  };
}
