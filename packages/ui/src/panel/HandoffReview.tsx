import { useEffect, useRef } from 'preact/hooks';
import { useBinding } from '../binding-context.ts';
import { RunCheck } from './run-check.tsx';

/** What an agent will see, shown before the ticket exists: nothing leaves the page unseen. */
export function HandoffReview() {
  const { core, state, t } = useBinding();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const c = state.value.context;
  const rows: Array<[string, string]> = [[t('review.page'), c.url]];
  const where = [c.product, c.page, c.region].filter(Boolean).join(' · ');
  if (where) rows.push([t('review.where'), where]);
  if (c.resources?.length) rows.push([t('review.resources'), c.resources.map((r) => `${r.type} ${r.id}`).join(', ')]);
  if (c.errorCodes?.length) rows.push([t('review.errors'), c.errorCodes.join(', ')]);
  if (c.failures?.length) rows.push([t('review.failures'), t('review.failures_count', { count: c.failures.length })]);
  if (c.plan) rows.push([t('review.plan'), c.plan]);
  if (c.browser) rows.push([t('review.browser'), c.browser]);
  const report = state.value.diagnostics.report;
  if (report) rows.push([t('review.check'), report.summary]);
  return (
    <div class="hd-log hd-review">
      <h3 ref={heading} tabIndex={-1} class="hd-article-heading">
        {t('review.title')}
      </h3>
      <dl class="hd-review-facts">
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <p class="hd-meta">{t('review.redacted')}</p>
      <RunCheck />
      <div class="hd-notice-actions">
        <button type="button" class="hd-send" onClick={() => core.requestHuman()}>
          {t('review.confirm')}
        </button>
        <button type="button" class="hd-link-button" onClick={() => core.cancelHandoff()}>
          {t('review.cancel')}
        </button>
      </div>
    </div>
  );
}
