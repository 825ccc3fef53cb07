import { describe, expect, it } from 'vitest';
import { measureStages } from '../scripts/widget-stages.ts';

// The widget's budgets from DESIGN.md, over the built files and the build's own chunk graph:
// a stage counts every file the page must fetch to reach it.
describe('the widget stays within its size budgets (min+gzip)', () => {
  const stages = measureStages();

  for (const { stage, files, gzipBytes, budgetBytes } of stages) {
    it(`${stage}: ${(gzipBytes / 1024).toFixed(2)} KB of ${budgetBytes / 1024} KB (${files.join(', ')})`, () => {
      expect(gzipBytes).toBeLessThanOrEqual(budgetBytes);
    });
  }

  it('keeps the panel, i18next, Preact and socket.io off the launcher’s path', () => {
    const launcher = stages.find((s) => s.stage === 'launcher')!;
    expect(launcher.files.some((f) => /panel-stage|lazy-bot|lazy-agent/.test(f))).toBe(false);
  });
});
