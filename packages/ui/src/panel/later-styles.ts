// The stylesheet of the views that load later (lazyView's `later`: an article, the intake, rating and
// the "nobody is online" form, past tickets, "Run a check"): adopted with their strings, the first time
// one of them shows. The panel's own stylesheet (styles.ts) does not carry these.
export const LATER_CSS = `
.hd-after, .hd-rating, .hd-email { display: flex; flex-direction: column; gap: 6px; margin-block-start: 6px; }
.hd-rating fieldset { border: 0; padding: 0; margin: 0; }
.hd-stars { display: flex; gap: 4px; font-size: 22px; }
.hd-star { cursor: pointer; color: var(--hd-muted); }
.hd-star--on { color: var(--hd-accent); }
.hd-star:focus-within { outline: 2px solid var(--hd-accent); border-radius: 4px; }
.hd-chip--quiet { border-color: var(--hd-border); color: var(--hd-muted); }
.hd-intake { border-top: 1px solid var(--hd-border); padding: 10px 14px; }
.hd-intake-question { margin: 0; font-weight: 600; }
.hd-article-view { gap: 8px; }
.hd-article-view > .hd-link-button { align-self: flex-start; }
.hd-article-body { display: flex; flex-direction: column; gap: 8px; overflow-wrap: anywhere; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 0.92em; }
.hd-article-body a { color: var(--hd-accent); }
.hd-md-h { font-weight: 600; }
.hd-md-list { margin: 0; padding-inline-start: 20px; }
.hd-md-pre { margin: 0; padding: 8px; background: var(--hd-bubble); border-radius: 6px; overflow-x: auto; font-size: 12px; }
.hd-feedback { display: flex; align-items: center; gap: 8px; flex-wrap: wrap; border-block-start: 1px solid var(--hd-border); padding-block-start: 8px; }
.hd-diagnostics { display: flex; flex-direction: column; gap: 6px; align-items: flex-start; }
.hd-check { padding: 6px 10px; border-radius: 8px; background: var(--hd-ok-bg); }
.hd-check--bad { background: var(--hd-error-bg); }
.hd-tickets { display: flex; flex-direction: column; gap: 8px; padding: 8px 16px; overflow: auto; flex: 1; }
.hd-tickets-title { margin: 0; font-size: 15px; }
.hd-ticket-list { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 6px; }
.hd-ticket-item { width: 100%; text-align: start; border: 1px solid var(--hd-border); border-radius: 8px; background: var(--hd-bubble); color: inherit; padding: 8px; cursor: pointer; font: inherit; }
`;
