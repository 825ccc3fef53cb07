import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

const node = (name: string) => ({ extends: true as const, test: { name, root: `packages/${name}`, environment: 'node' as const } });
const dom = (name: string) => ({ extends: true as const, test: { name, root: `packages/${name}`, environment: 'happy-dom' as const } });

export default defineConfig({
  test: {
    projects: [
      node('protocol'),
      node('kb'),
      node('core'),
      dom('adapters'),
      node('i18n'),
      // Queries into the widget's shadow root: readable failures and time for lazy views (test/setup.ts).
      { extends: true, test: { name: 'ui', root: 'packages/ui', environment: 'happy-dom', setupFiles: ['test/setup.ts'], testTimeout: 30_000 } },
      dom('widget'),
      // The widget's npm-path tests again, against the built package instead of its sources.
      {
        extends: true,
        test: { name: 'widget-dist', root: 'packages/widget', environment: 'happy-dom', include: ['test/public-api.test.ts'], env: { HELPDOCK_TEST_DIST: '1' } },
        resolve: { alias: { '../src/index.ts': resolve(import.meta.dirname, 'packages/widget/dist/npm/index.js') } },
      },
      node('server'),
      dom('agent-console'),
      // A real browser fetching real chunks from a real server: a poll's 1 s default is too tight on a busy machine.
      { extends: true, test: { name: 'e2e', root: 'test', environment: 'node', testTimeout: 60_000, hookTimeout: 120_000, fileParallelism: false, expect: { poll: { timeout: 5000 } } } },
    ],
  },
});
