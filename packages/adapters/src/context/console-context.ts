import type { ContextSource } from '@helpdock/core';
import type { CapturedFailure, ContextSnapshot, ResourceRef } from '@helpdock/protocol';
import { boundContext } from './bound.ts';
import { describeBrowser, pageLocale } from './browser.ts';
import type { CaptureOptions } from './capture.ts';
import { loadFailureCapture } from './load-capture.ts';
import { FACTS, readDomSignals, type DomFacts, type SelectorSignal } from './dom-signals.ts';
import { compilePatterns, type ErrorPattern } from './error-codes.ts';
import { observeMutations, scanErrorCodes } from './error-watch.ts';
import { mergeHostFacts, type HostFacts, type StoredHostFacts } from './host-facts.ts';
import { watchNavigation } from './navigation.ts';
import { createRedactor, redactDeep, type RedactPattern, type Redactor } from './redact.ts';
import { compileRule, matchUrl, type UrlRule } from './url-rules.ts';

export interface ConsoleContextOptions {
  /** URL rules, tried in order; the first match names product, page, region and resources. */
  rules?: readonly UrlRule[];
  /** Elements whose text states a fact (see readDomSignals for the built-in meta tags and data attributes). */
  signals?: readonly SelectorSignal[];
  /** Elements watched for error codes. @default ['[role=alert]'] */
  errorSelectors?: readonly string[];
  /** Patterns that find error codes in them. @default DEFAULT_ERROR_PATTERNS */
  errorPatterns?: readonly ErrorPattern[];
  /** Record the page's own uncaught errors and failed requests. Off unless the host opts in. @default false */
  capture?: boolean | CaptureOptions;
  /** Extra patterns to mask, on top of access keys, tokens, JWTs, passwords and e-mail addresses. */
  redact?: readonly RedactPattern[];
  /** The Helpdock server's origin: its own requests are never recorded as page failures. */
  serverOrigin?: string;
  /** Shortest time between two DOM scans while the page mutates. @default 150 */
  scanIntervalMs?: number;
}

/** The console's context: detected facts, host facts on top, redacted and bounded. */
export interface ConsoleContextSource extends ContextSource {
  /** `Helpdock('setContext', {...})`: merged into earlier pushes; wins over detected facts. */
  set(facts: HostFacts): void;
  /** The redactor this source uses, for messages and reports. */
  readonly redact: Redactor;
}

function mergeResources(...lists: Array<ResourceRef[] | undefined>): ResourceRef[] {
  const out: ResourceRef[] = [];
  for (const list of lists) for (const r of list ?? []) if (!out.some((o) => o.type === r.type && o.id === r.id)) out.push(r);
  return out;
}

/**
 * Where the user is in a cloud console: URL rules, SPA navigation, DOM signals,
 * error banners, optionally the page's own failures, and host pushes. Watches
 * the page only while subscribed; the last unsubscribe removes every observer,
 * listener and wrapper. `redact` is a redactor already built from `options.redact`
 * (by a source that stood in until this one loaded): its warnings were given once.
 */
export function consoleContextSource(options: ConsoleContextOptions = {}, redact: Redactor = createRedactor(options.redact)): ConsoleContextSource {
  const rules = (options.rules ?? []).map(compileRule);
  const patterns = compilePatterns(options.errorPatterns);
  const errorSelector = (options.errorSelectors ?? ['[role=alert]']).join(',');
  const warned = new Set<string>();
  const warn = (message: string) => {
    if (!warned.has(message)) console.warn(`[helpdock] ${message}`);
    warned.add(message);
  };
  const browser = describeBrowser(navigator.userAgent);

  let host: StoredHostFacts = {};
  let failures: CapturedFailure[] = [];
  // Codes seen since the last navigation, oldest first: a banner that disappeared still counts.
  let seenCodes: string[] = [];
  let seenOnPath = location.pathname;
  let current: ContextSnapshot | null = null;
  let currentKey = '';
  const listeners = new Set<(c: ContextSnapshot) => void>();
  let stopWatching: Array<() => void> = [];

  function detect(): ContextSnapshot {
    if (location.pathname !== seenOnPath) {
      seenOnPath = location.pathname;
      seenCodes = [];
    }
    for (const code of scanErrorCodes(document, errorSelector, patterns)) if (!seenCodes.includes(code)) seenCodes.push(code);
    // The URL states product, page and region only: plan and account come from the DOM or the host.
    const fromUrl: DomFacts = matchUrl(rules, location);
    const fromDom = readDomSignals(document, options.signals);
    const snapshot: ContextSnapshot = { url: location.href, browser };
    const title = document.title.trim();
    if (title) snapshot.title = title;
    const locale = pageLocale();
    if (locale) snapshot.locale = locale;
    for (const k of FACTS) {
      const v = host[k] ?? fromDom[k] ?? fromUrl[k];
      if (v) snapshot[k] = v;
    }
    const resources = mergeResources(host.resources, fromDom.resources, fromUrl.resources);
    if (resources.length) snapshot.resources = resources;
    const codes = [...seenCodes, ...(host.errorCodes ?? []).filter((c) => !seenCodes.includes(c))];
    if (codes.length) snapshot.errorCodes = codes;
    if (failures.length) snapshot.failures = failures;
    const custom = { ...fromDom.custom, ...host.custom };
    if (Object.keys(custom).length) snapshot.custom = custom;
    return boundContext(redactDeep(snapshot, redact));
  }

  function refresh(): void {
    const next = detect();
    const key = JSON.stringify(next);
    if (key === currentKey) return;
    current = next;
    currentKey = key;
    for (const listener of listeners) listener(next);
  }

  function start(): void {
    stopWatching = [watchNavigation(window, refresh), observeMutations(document, options.scanIntervalMs ?? 150, refresh)];
    if (options.capture) {
      // Opt-in, so its code loads only where a host asked for it.
      const capture = typeof options.capture === 'object' ? options.capture : {};
      let stop: (() => void) | null = null;
      let stopped = false;
      stopWatching.push(() => {
        stopped = true;
        stop?.();
      });
      void loadFailureCapture().then(
        ({ captureFailures }) => {
          if (stopped) return;
          stop = captureFailures(window, capture, options.serverOrigin ?? '', (list) => {
            failures = list;
            refresh();
          });
        },
        () => warn('could not load failure capture; the context goes without it'),
      );
    }
  }

  return {
    redact,
    snapshot() {
      // While watched, the cached snapshot is current; otherwise look now.
      if (listeners.size > 0 && current) return current;
      return detect();
    },
    subscribe(listener) {
      if (listeners.size === 0) {
        start();
        current = detect();
        currentKey = JSON.stringify(current);
      }
      listeners.add(listener);
      return () => {
        if (!listeners.delete(listener) || listeners.size > 0) return;
        for (const stop of stopWatching.splice(0)) stop();
      };
    },
    set(facts) {
      host = mergeHostFacts(host, facts, warn);
      if (listeners.size > 0) refresh();
    },
  };
}
