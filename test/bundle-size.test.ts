import { describe, expect, it } from 'vitest';
import { measureStages } from '../scripts/widget-stages.ts';

// The widget's budgets from DESIGN.md, over the built files and the build's own chunk graph:
// a stage counts every file the page must fetch to reach it.
describe('the widget stays within its size budgets (min+gzip)', () => {
  const stages = measureStages();

  const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} KB`;
  for (const { stage, files, gzipBytes, budgetBytes, ceilingBytes } of stages) {
    if (ceilingBytes === undefined) {
      it(`${stage}: ${kb(gzipBytes)} of ${kb(budgetBytes)} (${files.join(', ')})`, () => {
        expect(gzipBytes).toBeLessThanOrEqual(budgetBytes);
      });
    } else {
      // Over its budget (see scripts/widget-stages.ts): it may not grow, and once back under, the ceiling must go.
      it(`${stage}: ${kb(gzipBytes)}, OVER its ${kb(budgetBytes)} budget; must not pass ${kb(ceilingBytes)} (${files.join(', ')})`, () => {
        expect(gzipBytes).toBeLessThanOrEqual(ceilingBytes);
        expect(gzipBytes, `${stage} is back within budget: remove its ceilingKb`).toBeGreaterThan(budgetBytes);
      });
    }
  }

  it('keeps the core, the panel, i18next, Preact and socket.io off the launcher’s path', () => {
    const launcher = stages.find((s) => s.stage === 'launcher')!;
    expect(launcher.files.some((f) => /core-stage|panel-stage|lazy-bot|lazy-agent/.test(f))).toBe(false);
  });
});
