import type { Article } from '@helpdock/kb';
import type { ContextSnapshot } from '@helpdock/protocol';
import { isoNow, type CoreContext } from './context.ts';
import type { DiagnosticsFn, Storage } from './ports.ts';
import { incidentsFor } from './status.ts';

export interface ContextHelpOptions {
  /** Remembers which error codes were already nudged, for the browser session. */
  session: Storage;
  /** The launcher's error-code nudge. @default true */
  nudges: boolean;
  redact: (text: string) => string;
}

const NUDGED_KEY = 'nudged';
const MAX_NUDGED = 100;

/**
 * Help that follows the context: the home view's articles, the host's
 * suggestions, articles opened in the widget, the error-code nudge, service
 * incidents and the host's diagnostics. Every async result carries an attempt
 * number and loses to a newer one.
 */
export function createContextHelp(ctx: CoreContext, options: ContextHelpOptions) {
  const { store, ports } = ctx;
  const attempts = { home: 0, article: 0, suggest: 0, nudge: 0, status: 0, diagnostics: 0 };
  let diagnostics: DiagnosticsFn | null = null;
  let lastCodes: string[] = ctx.store.getState().context.errorCodes ?? [];
  let statusKey = '';

  const live = (kind: keyof typeof attempts, mine: number) => mine === attempts[kind] && !ctx.isDestroyed();

  function nudged(): string[] {
    try {
      const list = JSON.parse(options.session.get(NUDGED_KEY) ?? '[]') as unknown;
      return Array.isArray(list) ? list.filter((c): c is string => typeof c === 'string') : [];
    } catch {
      return [];
    }
  }

  function loadHome(): void {
    const help = ports.help;
    if (!help?.forContext || !store.getState().open) return;
    const mine = ++attempts.home;
    help.forContext(store.getState().context).then(
      (articles) => live('home', mine) && store.setState({ contextHelp: articles }),
      () => undefined,
    );
  }

  function loadStatus(force = false): void {
    const status = ports.status;
    const context = store.getState().context;
    const key = `${context.product ?? ''}\u0000${context.region ?? ''}`;
    if (!status || !context.product || (!force && key === statusKey)) {
      if (!context.product && store.getState().incidents.length) store.setState({ incidents: [] });
      return;
    }
    statusKey = key;
    const mine = ++attempts.status;
    status.incidents(context).then(
      (incidents) => live('status', mine) && store.setState({ incidents: incidentsFor(incidents, store.getState().context) }),
      () => {
        statusKey = '';
      },
    );
  }

  /** A code that was not on the page a moment ago: offer its article once per browser session. */
  function maybeNudge(context: ContextSnapshot): void {
    const codes = context.errorCodes ?? [];
    const fresh = codes.filter((c) => !lastCodes.includes(c));
    lastCodes = codes;
    const help = ports.help;
    if (!options.nudges || !help?.forErrorCode || fresh.length === 0) return;
    const seen = nudged();
    const code = [...fresh].reverse().find((c) => !seen.includes(c));
    if (!code) return;
    const mine = ++attempts.nudge;
    help.forErrorCode(code, context).then(
      (article) => {
        if (!article || !live('nudge', mine)) return;
        options.session.set(NUDGED_KEY, JSON.stringify([...nudged(), code].slice(-MAX_NUDGED)));
        // The panel is open: the home view already leads with this article, a nudge would only repeat it.
        if (!store.getState().open) store.setState({ nudge: { code, article } });
      },
      () => undefined,
    );
  }

  function onContext(context: ContextSnapshot): void {
    maybeNudge(context);
    loadStatus();
    loadHome();
  }

  async function fetchArticle(id: string): Promise<Article | null> {
    const help = ports.help;
    if (!help?.article || typeof id !== 'string' || !id) return null;
    try {
      return await help.article(id, store.getState().context);
    } catch {
      return null;
    }
  }

  return {
    onOpen(): void {
      store.setState({ nudge: null });
      loadHome();
      loadStatus(true);
    },
    onContext,
    async showArticle(id: string): Promise<boolean> {
      const mine = ++attempts.article;
      const article = await fetchArticle(id);
      if (!article || !live('article', mine)) return false;
      store.setState({ article, open: true, nudge: null });
      return true;
    },
    openArticle(article: Article): void {
      ++attempts.article;
      store.setState({ article, nudge: null });
    },
    closeArticle(): void {
      ++attempts.article;
      store.setState({ article: null });
    },
    async suggest(ids: readonly string[]): Promise<void> {
      const mine = ++attempts.suggest;
      const found = await Promise.all(ids.slice(0, 10).map(fetchArticle));
      if (live('suggest', mine)) store.setState({ suggestions: found.filter((a): a is Article => a !== null) });
    },
    rate(article: Article, helpful: boolean): void {
      if (store.getState().feedback[article.id] === helpful) return;
      store.setState((s) => ({ feedback: { ...s.feedback, [article.id]: helpful } }));
      ports.help?.feedback?.(article.id, article.locale, helpful).catch(() => undefined);
    },
    dismissNudge(): void {
      ++attempts.nudge;
      store.setState({ nudge: null });
    },
    setDiagnostics(fn: DiagnosticsFn | null): void {
      diagnostics = fn;
      ++attempts.diagnostics;
      store.setState((s) => ({ diagnostics: { ...s.diagnostics, available: fn !== null, status: fn ? s.diagnostics.status : 'idle' } }));
    },
    async runDiagnostics(): Promise<void> {
      const fn = diagnostics;
      if (!fn || store.getState().diagnostics.status === 'running') return;
      const mine = ++attempts.diagnostics;
      store.setState((s) => ({ diagnostics: { ...s.diagnostics, status: 'running' } }));
      // Only hosts that register a check need its code: it loads on the first run.
      const code = await import('./diagnostics.ts').catch(() => null);
      if (!code) {
        if (live('diagnostics', mine)) {
          const report = { ok: false, summary: 'the check could not be loaded', checks: [], ranAt: isoNow(ctx.clock) };
          store.setState((s) => ({ diagnostics: { ...s.diagnostics, status: 'failed', report } }));
        }
        return;
      }
      const { failed, report } = await code.runCheck(fn, ctx.clock, options.redact);
      if (!live('diagnostics', mine)) return;
      store.setState((s) => ({ diagnostics: { ...s.diagnostics, status: failed ? 'failed' : 'done', report } }));
    },
  };
}

export type ContextHelp = ReturnType<typeof createContextHelp>;
