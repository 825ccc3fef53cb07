// The panel's stylesheet; it loads with the panel. The custom properties it uses are set in LAUNCHER_CSS and the theme.
// Phones (≤ 480 px): the panel takes the whole screen above the on-screen keyboard (--hd-vvh follows visualViewport,
// see use-visual-viewport.ts), clear of notches; inputs are 16 px or more, as iOS zooms into any smaller field on focus.
// Ticket details scroll past half the panel, so they never squeeze the conversation out of a short one.
export const PANEL_CSS = `:where(.hd-root) {
  --hd-warn-bg: #fff4e5; --hd-error-bg: #fdecea; --hd-ok-bg: #e7f6ec; --hd-danger: #b42318;
  --hd-panel-width: 380px; --hd-panel-height: 600px;
}
.hd-panel {
  width: min(var(--hd-panel-width), calc(100vw - 40px));
  height: min(var(--hd-panel-height), calc(100dvh - 110px));
  overscroll-behavior: contain;
  display: flex; flex-direction: column;
  background: var(--hd-bg);
  border: 1px solid var(--hd-border);
  border-radius: var(--hd-radius);
  box-shadow: 0 12px 40px rgb(0 0 0 / 0.18);
  overflow: hidden;
}
.hd-header {
  display: flex; align-items: center; justify-content: space-between;
  padding-block: 12px; padding-inline: 16px 12px;
  background: var(--hd-brand); color: var(--hd-brand-text);
}
.hd-title, .hd-article-heading { margin: 0; font-size: 1.15em; }
.hd-title { font-weight: 600; }
.hd-icon-button { border: 0; background: none; cursor: pointer; padding: 4px; display: grid; color: inherit; border-radius: 6px; }
.hd-ticket { padding: 8px 16px; border-block-end: 1px solid var(--hd-border); background: var(--hd-bubble); flex-shrink: 0; max-height: 50%; overflow-y: auto; overscroll-behavior: contain; }
.hd-ticket-line { display: flex; gap: 8px; font-weight: 600; }
.hd-ticket-status { font-weight: 400; color: var(--hd-muted); }
.hd-ticket-assignee { color: var(--hd-muted); }
.hd-ticket-flag { color: var(--hd-danger); font-weight: 600; }
.hd-avatar { display: inline-grid; place-items: center; width: 22px; height: 22px; border-radius: 50%; background: var(--hd-brand); color: var(--hd-brand-text); font-size: 10px; font-weight: 700; }
.hd-sla-clocks { display: flex; gap: 12px; flex-wrap: wrap; font-size: 12px; }
.hd-sla { color: var(--hd-muted); }
.hd-sla--late .hd-sla-value { color: var(--hd-danger); font-weight: 600; }
.hd-timeline { font-size: 12px; }
.hd-timeline summary, .hd-suggestions summary { cursor: pointer; color: var(--hd-accent); }
.hd-timeline ol { margin: 4px 0; padding-inline-start: 18px; }
.hd-notice, .hd-status { padding: 8px 16px; background: var(--hd-warn-bg); border-block-end: 1px solid var(--hd-border); }
.hd-notice--error, .hd-status--critical { background: var(--hd-error-bg); }
.hd-notice-actions { display: flex; gap: 12px; margin-block-start: 4px; }
.hd-link-button { border: 0; background: none; padding: 0; color: var(--hd-accent); text-decoration: underline; cursor: pointer; }
.hd-log { flex: 1; overflow-y: auto; overscroll-behavior: contain; padding: 12px 16px; display: flex; flex-direction: column; gap: 10px; }
.hd-msg { max-width: 85%; padding: 8px 12px; border-radius: 12px; background: var(--hd-bubble); align-self: flex-start; }
.hd-msg--visitor { align-self: flex-end; background: var(--hd-brand); color: var(--hd-brand-text); }
.hd-msg--system { align-self: center; background: none; color: var(--hd-muted); font-size: 12px; }
.hd-msg--pending { font-style: italic; }
.hd-author { font-size: 12px; font-weight: 600; }
.hd-text { white-space: pre-wrap; overflow-wrap: anywhere; }
.hd-article { display: flex; flex-direction: column; gap: 6px; }
.hd-article-title { font-weight: 600; }
.hd-suggestions { margin: 6px 0 0; padding-inline-start: 18px; }
.hd-solved, .hd-quick, .hd-action { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; margin-top: 8px; }
.hd-meta { font-size: 11px; }
.hd-human, .hd-chip { border: 1px solid var(--hd-accent); border-radius: 999px; background: none; color: var(--hd-accent); cursor: pointer; }
.hd-human { margin: 0 16px 8px; padding: 6px 12px; align-self: flex-start; }
.hd-chip { padding: 3px 12px; }
.hd-human:disabled, .hd-chip:disabled { opacity: 0.6; cursor: progress; }
.hd-composer { display: flex; gap: 8px; padding: 10px 12px; border-block-start: 1px solid var(--hd-border); align-items: flex-end; }
.hd-input { flex: 1; resize: none; border: 1px solid var(--hd-border); border-radius: 10px; padding: 8px 10px; background: var(--hd-bg); }
.hd-count { align-self: center; font-size: 12px; color: var(--hd-muted); font-variant-numeric: tabular-nums; }
.hd-count--over { color: var(--hd-danger); font-weight: 600; }
.hd-send { border: 0; border-radius: 10px; padding: 8px 14px; background: var(--hd-brand); color: var(--hd-brand-text); cursor: pointer; }
.hd-context { margin: 0; padding: 6px 16px; font-size: 12px; color: var(--hd-muted); border-block-end: 1px solid var(--hd-border); white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.hd-status-title { font-weight: 600; }
.hd-home { display: flex; flex-direction: column; gap: 10px; }
.hd-search-input { width: 100%; }
.hd-home-label { font-size: 12px; font-weight: 600; color: var(--hd-muted); margin-block-end: 4px; }
.hd-home-list { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 4px; }
.hd-home-article { width: 100%; text-align: start; border: 1px solid var(--hd-border); border-radius: 8px; padding: 6px 10px; background: var(--hd-bg); cursor: pointer; }
.hd-home-article:hover { border-color: var(--hd-accent); }
.hd-review { gap: 8px; }
.hd-review-facts { margin: 0; display: grid; gap: 6px; }
.hd-review-facts dt { font-size: 12px; font-weight: 600; color: var(--hd-muted); }
.hd-review-facts dd { margin: 0; overflow-wrap: anywhere; }
.hd-nudge-region:empty { display: none; }
.hd-nudge { display: flex; align-items: center; gap: 4px; max-width: 300px; padding-block: 6px; padding-inline: 12px 6px; background: var(--hd-bg); border: 1px solid var(--hd-border); border-radius: 12px; box-shadow: 0 6px 20px rgb(0 0 0 / 0.15); }
.hd-nudge-text { border: 0; background: none; padding: 0; text-align: start; color: var(--hd-fg); cursor: pointer; }
.hd-nudge .hd-icon-button { color: var(--hd-muted); }
.hd-nudge .hd-icon-button svg { width: 16px; height: 16px; }
.hd-tools { display: flex; gap: 12px; flex-wrap: wrap; padding: 4px 16px; }
@media (prefers-reduced-motion: no-preference) {
  .hd-panel { animation: hd-in 0.16s ease-out; }
  @keyframes hd-in { from { opacity: 0; transform: translateY(8px); } }
}
@media (max-width: 480px), (max-height: 480px) {
  .hd-panel {
    position: fixed; inset: 0 0 auto;
    width: 100vw; height: var(--hd-vvh, 100dvh); max-height: 100dvh;
    border: 0; border-radius: 0;
    padding: env(safe-area-inset-top, 0px) env(safe-area-inset-right, 0px) env(safe-area-inset-bottom, 0px) env(safe-area-inset-left, 0px);
  }
  .hd-input { font-size: max(16px, 1em); }
}
@media (forced-colors: active) {
  .hd-send, .hd-panel { border: 1px solid CanvasText; }
}
@media (prefers-reduced-motion: reduce) {
  *, *::before, *::after { animation: none !important; transition: none !important; }
}
`;
