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
      dom('ui'),
      dom('widget'),
      node('server'),
      dom('agent-console'),
      { extends: true, test: { name: 'e2e', root: 'test', environment: 'node', testTimeout: 60_000, hookTimeout: 120_000, fileParallelism: false } },
    ],
  },
});
