import { el } from './dom.ts';

export interface Instance {
  id: string;
  name: string;
  status: 'running' | 'stopped';
  type: string;
}

export const INSTANCES: Instance[] = [
  { id: 'i-8kz2', name: 'web-frontend-1', status: 'running', type: 'c6.large' },
  { id: 'i-3fq9', name: 'batch-worker', status: 'stopped', type: 'g7.xlarge' },
  { id: 'i-7tm4', name: 'postgres-primary', status: 'running', type: 'r7.2xlarge' },
];

const INVOICES = [
  { id: 'INV-2026-10', period: 'October 2026', amount: '$412.80', status: 'Paid' },
  { id: 'INV-2026-11', period: 'November 2026', amount: '$438.15', status: 'Due Dec 1' },
];

function table(caption: string, head: string[], rows: Array<Array<Node | string>>): HTMLElement {
  return el(
    'table',
    {},
    el('caption', {}, caption),
    el('thead', {}, el('tr', {}, ...head.map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, ...rows.map((cells) => el('tr', {}, ...cells.map((c) => el('td', {}, c))))),
  );
}

export function instanceList() {
  const rows = INSTANCES.map((i) => [el('a', { href: `/instances/${i.id}`, 'data-link': '' }, i.id), i.name, i.status, i.type]);
  return { title: 'Instances', view: el('section', {}, el('h1', {}, 'Instances'), table('Your instances', ['ID', 'Name', 'Status', 'Type'], rows)) };
}

export function instanceDetail(id: string, askForHelp: (text: string) => void) {
  const instance = INSTANCES.find((i) => i.id === id);
  if (!instance) return notFound(`/instances/${id}`);
  const help = el('button', { type: 'button' }, 'Get help with this instance');
  help.addEventListener('click', () => askForHelp(`About ${instance.id} (${instance.name}): `));
  const facts = el(
    'dl',
    {},
    el('dt', {}, 'Name'),
    el('dd', {}, instance.name),
    el('dt', {}, 'Status'),
    el('dd', {}, instance.status),
    el('dt', {}, 'Type'),
    el('dd', {}, instance.type),
  );
  const back = el('a', { href: '/instances', 'data-link': '' }, '← All instances');
  return { title: instance.id, view: el('section', {}, back, el('h1', {}, `Instance ${instance.id}`), facts, help) };
}

export function billing() {
  const rows = INVOICES.map((i) => [i.id, i.period, i.amount, i.status]);
  return { title: 'Billing', view: el('section', {}, el('h1', {}, 'Billing'), el('p', {}, 'Plan: Pro, billed monthly.'), table('Invoices', ['Invoice', 'Period', 'Amount', 'Status'], rows)) };
}

export function notFound(path: string) {
  return { title: 'Not found', view: el('section', {}, el('h1', {}, 'Not found'), el('p', {}, `Nothing lives at ${path}.`), el('a', { href: '/instances', 'data-link': '' }, 'Go to your instances')) };
}
