import { createHelpdock, type Helpdock } from '@helpdock/widget';
import { billing, instanceDetail, instanceList, notFound } from './pages.ts';
import { createRouter } from './router.ts';
import './style.css';

declare global {
  interface Window {
    /** The widget instance, for poking at from the browser's console. */
    helpdock?: Helpdock;
  }
}

const serverUrl = document.querySelector<HTMLMetaElement>('meta[name="helpdock-server"]')?.content ?? 'http://127.0.0.1:8787';

// Created once, outside the router's views: it lives as long as the page, and follows every route change by itself.
const helpdock = createHelpdock({
  appId: 'demo',
  serverUrl,
  context: {
    rules: [
      { pattern: '/instances/:instanceId', product: 'ecs', page: 'instance-detail' },
      { pattern: '/instances', product: 'ecs', page: 'instance-list' },
      { pattern: '/billing', product: 'billing', page: 'invoices' },
    ],
  },
});
// Facts only the app knows; they stay across navigation.
helpdock.setContext({ plan: 'pro', accountId: 'acct-5521' });
window.helpdock = helpdock;

// What the widget would send with a ticket right now, shown on the page.
const sees = document.getElementById('helpdock-sees')!;
helpdock.on('context', (context) => {
  sees.textContent = [context.product, context.page, ...(context.resources ?? []).map((r) => `${r.type} ${r.id}`)].filter(Boolean).join(' / ');
});

const main = document.getElementById('main')!;
const router = createRouter(
  [
    { pattern: '/instances', render: instanceList },
    { pattern: '/instances/:id', render: ({ id }) => instanceDetail(id!, (text) => helpdock.showNewMessage(text)) },
    { pattern: '/billing', render: billing },
  ],
  main,
  ({ path }) => notFound(path ?? location.pathname),
);
if (location.pathname === '/' || location.pathname === '/index.html') router.navigate('/instances', { replace: true });
