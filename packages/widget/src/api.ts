/*
 * The public contract of @helpdock/widget, in one file that imports nothing:
 * the script tag's `Helpdock(name, ...args)` and the npm instance share these
 * types, the declaration build emits them as they are, and the API reference in
 * docs/api.md is generated from their comments.
 */

/** The widget's look. Invalid values are dropped with a warning; the rest applies. See docs/theming.md. */
export interface Theme {
  /** Header, launcher, the visitor's bubbles; text on it is picked by contrast. `#rgb` or `#rrggbb`. @default accent, else '#2457d6' */
  brand?: string | undefined;
  /** Links, chips, focus rings (and the brand colour when `brand` is not set); kept readable at 4.5:1. @default brand */
  accent?: string | undefined;
  /** Text on the brand colour; used only where it reads at 4.5:1. @default near-black or white by contrast */
  accentText?: string | undefined;
  /** Panel background. @default '#ffffff' light, '#16191d' dark */
  background?: string | undefined;
  /** Body text. @default '#1b1f24' light, '#e8eaed' dark */
  text?: string | undefined;
  /** Secondary text. @default '#5c6670' light, '#a3acb5' dark */
  mutedText?: string | undefined;
  /** Panel corner radius in px, e.g. `8` or `'8px'`. @default 14 */
  radius?: number | string | undefined;
  /** Tried before a system font stack with CJK, Arabic and Thai fallbacks. @default system UI */
  fontFamily?: string | undefined;
  /** Base font size, px. @default 14 */
  fontSize?: number | undefined;
  /** Screen corner of the launcher and panel, the same in every language. @default 'bottom-right' */
  position?: 'bottom-right' | 'bottom-left' | undefined;
  /** Distance from the side edge, px. @default 20 */
  offsetX?: number | undefined;
  /** Distance from the bottom edge, px. @default 20 */
  offsetY?: number | undefined;
  /** @default 'chat' */
  launcherIcon?: 'chat' | 'help' | undefined;
  /** Visible text beside the launcher's icon. @default none */
  launcherLabel?: string | undefined;
  /** Panel size on screens wider than 480 px, px; phones get the full screen. @default 380 */
  panelWidth?: number | undefined;
  /** @default 600 */
  panelHeight?: number | undefined;
  /** @default 2147483000 */
  zIndex?: number | undefined;
  /** `system` follows the device's light or dark setting. @default 'light' */
  mode?: 'light' | 'dark' | 'system' | undefined;
}

/** What a host configures. Script-tag hosts set these as `data-*` attributes, in `window.helpdockSettings`, or through `Helpdock('boot', {...})`. */
export interface HelpdockConfig {
  /** The app on the Helpdock server, e.g. `demo`. */
  appId: string;
  /** Origin of the Helpdock server, e.g. `https://help.example.com`. Script tag: defaults to the loader's own origin. */
  serverUrl: string;
  /** UI and knowledge-base language. @default the page's `<html lang>`, then the browser's */
  locale?: string | undefined;
  /** Per-locale string overrides, e.g. `{ en: { 'launcher.open': 'Help' } }`. */
  strings?: Record<string, Record<string, string>> | undefined;
  /** Colours, font, corner, sizes, launcher icon and label, light or dark. @default Helpdock blue, light */
  theme?: Theme | undefined;
  /**
   * How the widget reads the console: URL rules, DOM signals, error banners,
   * opt-in failure capture, extra redaction patterns. See docs/context.md.
   */
  context?: ContextOptions | undefined;
  /** The launcher's nudge when a new error code appears on the page. @default true */
  nudges?: boolean | undefined;
  /** Prefix the page title with the number of unread replies, e.g. "(2) Instances". @default true */
  titleUnread?: boolean | undefined;
  /** A short tone when an agent's reply arrives unseen (one tab rings). @default false */
  sound?: boolean | undefined;
  /** The host's own bot endpoint (docs/bot-provider.md); the knowledge-base bot answers when it fails or is slow. */
  botUrl?: string | undefined;
  /** Ticket categories the bot never answers, e.g. `['billing']`: questions about them go to a person. @default [] */
  alwaysHuman?: string[] | undefined;
}

/**
 * Context detection options (`rules`, `signals`, `errorSelectors`, `errorPatterns`,
 * `capture`, `redact`, `scanIntervalMs`); docs/context.md describes each. Checked
 * when the widget starts; an unknown shape falls back to the defaults with a warning.
 */
export type ContextOptions = { [option: string]: unknown };

/** A resource the user is looking at, e.g. `{ type: 'instance', id: 'i-8kz2' }`. */
export interface ResourceRef {
  type: string;
  id: string;
}

/** What a host may push with `setContext`. `null` removes a fact it pushed earlier. */
export interface HostFacts {
  product?: string | null;
  page?: string | null;
  region?: string | null;
  plan?: string | null;
  accountId?: string | null;
  resources?: ResourceRef[] | null;
  errorCodes?: string[] | null;
  custom?: Record<string, string | number | boolean | null> | null;
}

/** The host's check behind "Run a check": returns (or resolves to) `{ ok?, summary?, checks?: [{ name, ok, detail? }] }`. */
export type DiagnosticsFn = () => unknown;

/** Config as hosts hand it over: any field may be missing. */
export type ConfigInput = { [K in keyof HelpdockConfig]?: HelpdockConfig[K] | undefined };

/** What `update` may change while the widget runs. */
export type ConfigUpdate = Pick<ConfigInput, 'locale' | 'strings' | 'theme'>;

/** Where the user is, as the widget last saw it and would send it with a ticket (see docs/context.md for every field). */
export interface PageContext {
  url: string;
  title?: string | undefined;
  locale?: string | undefined;
  product?: string | undefined;
  page?: string | undefined;
  region?: string | undefined;
  resources?: ResourceRef[] | undefined;
  errorCodes?: string[] | undefined;
  [field: string]: unknown;
}

/** A message in the conversation, as the host sees it. */
export interface HelpdockMessage {
  id: string;
  author: 'visitor' | 'bot' | 'agent' | 'system';
  /** Display name of an agent. */
  authorName?: string;
  text: string;
  /** ISO timestamp. */
  createdAt: string;
}

/** The visitor's ticket, once the conversation was handed to a human. */
export interface HelpdockTicket {
  id: string;
  /** Human-friendly number, per app: `#7`. */
  number: number;
  status: 'new' | 'queued' | 'in_progress' | 'waiting_on_customer' | 'resolved' | 'closed';
  priority: 'P0' | 'P1' | 'P2' | 'P3';
  /** Name of the agent handling it. */
  assignee: string | null;
  resolution: string | null;
}

/** Something went wrong that the host may want to log; the widget shows its own message to the user. */
export interface HelpdockError {
  /** e.g. `start_failed`, `handoff_failed`, `send_failed`, `bot_failed`, `sync_failed`, `too_long`. */
  kind: string;
  message: string;
}

/** Every event and what its handlers receive. */
export interface HelpdockEvents {
  /** The launcher is on the page. */
  ready: { appId: string };
  open: Record<string, never>;
  close: Record<string, never>;
  /** A new message in the conversation (not the ones restored after a reload). */
  message: HelpdockMessage;
  /** Messages from the bot or an agent that arrived while the chat was closed; 0 when it opens. */
  unread: { count: number };
  /** The ticket was created or changed: status, assignee, resolution. */
  ticket: HelpdockTicket;
  /** The page context changed. */
  context: PageContext;
  error: HelpdockError;
}

/** A host action: `{ ok: false, message }` (or a throw) is a failure; anything else a success, with `message` shown. */
export type ActionHandler = (context: PageContext) => unknown;

export type HelpdockEventName = keyof HelpdockEvents;

export type HelpdockEventHandler<E extends HelpdockEventName> = (payload: HelpdockEvents[E]) => void;

/**
 * The host API: the same names and arguments through the script tag
 * (`Helpdock('open')`) and through npm (`helpdock.open()`). Commands never
 * throw; misuse logs one `[helpdock] …` warning and is ignored. Commands given
 * before the widget has loaded wait for it and run in order.
 */
export interface HelpdockCommands {
  /** Starts the widget. Script tag: implied by `data-app-id`; a second boot while running is ignored. */
  boot(config?: ConfigInput): void;
  /** Removes every node, listener, timer and socket, and forgets this visitor's conversation on this device (sign-out). `boot` starts again. */
  shutdown(): void;
  /** Opens the chat. */
  open(): void;
  /** Closes the chat; the launcher stays. */
  close(): void;
  toggle(): void;
  /** Opens the chat with the composer prefilled. */
  showNewMessage(text?: string): void;
  /** Switches the language at run time, e.g. `'zh-CN'`. */
  setLocale(locale: string): void;
  /** Explicit facts (plan, account id, custom); merged with earlier pushes and winning over detected ones. */
  setContext(facts: HostFacts): void;
  /** Calls `callback` with the current context, as it would be sent with a ticket. */
  getContext(callback: (context: PageContext) => void): void;
  /** Opens a knowledge-base article inside the widget. */
  showArticle(id: string): void;
  /** Opens one of this visitor's tickets in the widget: the live one, or a past one read-only. */
  showTicket(id: string): void;
  /** Articles to offer first on the home view; kept across SPA navigation until replaced. */
  suggest(ids: string[]): void;
  /** Registers the host's check behind "Run a check" (`null` removes it). */
  setDiagnostics(fn: DiagnosticsFn | null): void;
  /**
   * Registers an action an article can offer as a button, e.g. `'cdn.purge'`.
   * It runs only after the visitor confirms, gets the page's context, and may
   * resolve to `{ ok, message }`; a throw, a rejection or a hang (15 s) is a
   * failure the chat reports, never an error in the page.
   */
  registerAction(name: string, handler: ActionHandler): void;
  /** Changes locale, string overrides or theme while the widget runs. */
  update(changes: ConfigUpdate): void;
  /** Records a product event (`'upgrade_clicked'`) with optional flat metadata; kept with the conversation on this page. */
  track(event: string, metadata?: Record<string, string | number | boolean>): void;
  /** Calls `handler` on every `event`; returns a function that stops it. */
  on<E extends HelpdockEventName>(event: E, handler: HelpdockEventHandler<E>): () => void;
  /** Stops a handler given to `on`. */
  off<E extends HelpdockEventName>(event: E, handler: HelpdockEventHandler<E>): void;
  /**
   * The signed-in user (`{ id }`) and the token your backend computed for them
   * (`{ token }`: a JWT, or the user hash; see docs/identity.md), or `null` for an
   * anonymous visitor. Another user, or anonymous, starts the widget over:
   * nothing of the previous user stays on screen. The same user with a new token
   * only refreshes the token.
   */
  identify(user: { id: string } | null, options?: { token: string }): void;
}

export type CommandName = keyof HelpdockCommands;

/** What `createHelpdock(config)` returns: every command, plus `destroy`. */
export interface Helpdock extends HelpdockCommands {
  /** Removes the widget like `shutdown`, but keeps the conversation for the next page view. */
  destroy(): void;
}

/** `window.Helpdock` on a page with the script tag. */
export interface HelpdockGlobal {
  <N extends CommandName>(name: N, ...args: Parameters<HelpdockCommands[N]>): ReturnType<HelpdockCommands[N]> | undefined;
}
