import { INSTANCES } from './data.ts';
import { el } from './dom.ts';

const id = new URLSearchParams(location.search).get('id') ?? '';
const instance = INSTANCES.find((i) => i.id === id);
const title = document.getElementById('title');
const facts = document.getElementById('facts');
const banner = document.getElementById('banner');

function showError(text: string): void {
  if (!banner) return;
  banner.textContent = text;
  banner.hidden = false;
}

if (!instance) {
  if (title) title.textContent = 'Instance not found';
  showError(`InvalidInstanceId.NotFound: The instance "${id}" does not exist in cn-hangzhou.`);
} else {
  if (title) title.textContent = `${instance.name} (${instance.id})`;
  document.title = `${instance.name} · Stratus Console`;
  for (const [k, v] of [['Status', instance.status], ['Instance type', instance.type], ['Zone', instance.zone], ['Private IP', instance.ip]] as const) {
    facts?.append(el('dt', k), el('dd', v));
  }
  document.getElementById('restart')?.addEventListener('click', () => {
    showError('QuotaExceeded: The vCPU quota for cn-hangzhou is exhausted. Restart could not reserve capacity.');
  });
  document.getElementById('stop')?.addEventListener('click', () => {
    showError('HTTP 403 Forbidden: your role lacks ecs:StopInstance on this resource.');
  });
}
