import { consoleContextSource, createRedactor, loadFailureCapture, pageLocale, redactDeep, stripQuery, type ConsoleContextOptions, type ConsoleContextSource, type HostFacts, type Redactor } from '@helpdock/adapters';
import type { ContextSource } from '@helpdock/core';

type ContextSnapshot = ReturnType<ContextSource['snapshot']>;

export interface DeferredContextSource extends ContextSource {
  set(facts: HostFacts): void;
  readonly redact: Redactor;
  /** Stops loading, and anything loaded. */
  dispose(): void;
}

/**
 * The console's context source, in the core's chunk (after the launcher), started
 * once something subscribes (the core does at start) and, where the host asked for
 * failure capture, once that chunk has arrived too, so the two go live together.
 * Until then: the page's address (without query) and title, with the same
 * redaction; host pushes are kept and applied in order when it starts.
 */
export function deferredContextSource(options: ConsoleContextOptions): DeferredContextSource {
  // The full source's redactor, built once (one warning for a bad pattern): nothing is ever sent unmasked, loaded or not.
  const redact = createRedactor(options.redact);
  let real: ConsoleContextSource | null = null;
  let loading: Promise<ConsoleContextSource | null> | null = null;
  let disposed = false;
  const pushed: HostFacts[] = [];

  const load = () =>
    // Where the host asked for failure capture, its chunk arrives first: it goes live with the source, not a round trip later.
    (loading ??= Promise.resolve(options.capture && loadFailureCapture().catch(() => undefined)).then(() => {
      if (disposed) return null;
      real = consoleContextSource(options, redact);
      for (const facts of pushed.splice(0)) real.set(facts);
      return real;
    }));

  const early = (): ContextSnapshot => {
    const snapshot: ContextSnapshot = { url: stripQuery(location.href) };
    const title = document.title.trim();
    if (title) snapshot.title = title;
    const locale = pageLocale();
    if (locale) snapshot.locale = locale;
    return redactDeep(snapshot, redact);
  };
  // The watched source refreshes on DOM changes it looks for; `<html lang>` is not one of them, and the
  // ticket is routed by it: read it now whenever a snapshot is asked for (at handoff).
  const current = (source: ConsoleContextSource): ContextSnapshot => {
    const snapshot = source.snapshot();
    const locale = pageLocale();
    return locale && locale !== snapshot.locale ? { ...snapshot, locale } : snapshot;
  };

  return {
    redact,
    snapshot: () => (real ? current(real) : early()),
    subscribe(listener) {
      let stop: (() => void) | null = null;
      let cancelled = false;
      void load().then((source) => {
        if (!source || cancelled) return;
        stop = source.subscribe(listener);
        listener(source.snapshot());
      });
      return () => {
        cancelled = true;
        stop?.();
      };
    },
    set(facts) {
      if (real) real.set(facts);
      else {
        pushed.push(facts);
        void load();
      }
    },
    dispose() {
      disposed = true;
    },
  };
}
