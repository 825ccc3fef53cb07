import { INSTANCES } from '../data.ts';
import { backLink, banner, el, facts, link, table } from '../dom.ts';
import type { Page, PageEnv } from './types.ts';

export function instanceList(env: PageEnv): Page {
  return {
    title: 'Instances',
    product: 'ecs',
    render(main) {
      main.append(el('h1', 'Instances'), el('p', `Elastic compute instances in ${env.region}.`, 'lede'));
      const rows = INSTANCES[env.region].map((i) => [
        link(`/ecs/${env.region}/instances/${i.id}`, i.id, env.navigate),
        i.name,
        el('span', i.status, `status status-${i.status.toLowerCase()}`),
        i.type,
        i.zone,
      ]);
      main.append(table(['Instance ID', 'Name', 'Status', 'Type', 'Zone'], rows));
    },
  };
}

export function instanceDetail(env: PageEnv, id: string): Page {
  const instance = INSTANCES[env.region].find((i) => i.id === id);
  return {
    title: instance ? `${instance.name}` : 'Instance not found',
    product: 'ecs',
    render(main) {
      const alert = banner();
      main.append(backLink(`/ecs/${env.region}/instances`, '← Instances', env.navigate));
      if (!instance) {
        main.append(el('h1', 'Instance not found'), alert.node);
        alert.show(`InvalidInstanceId.NotFound: The instance "${id}" does not exist in ${env.region}.`);
        return;
      }
      main.append(el('h1', `${instance.name} (${instance.id})`));
      main.append(facts([['Status', instance.status], ['Instance type', instance.type], ['Zone', instance.zone], ['Private IP', instance.ip]]));
      const actions = el('div', undefined, 'actions');
      const restart = el('button', 'Restart');
      const stop = el('button', 'Stop');
      restart.type = stop.type = 'button';
      actions.append(restart, stop);
      main.append(actions, alert.node);
      restart.addEventListener('click', async () => {
        alert.clear();
        await env.api(`/api/ecs/instances/${instance.id}/restart?signature=demo-signature`, { method: 'POST' });
        alert.show(`QuotaExceeded: The vCPU quota for ${env.region} is exhausted. Restart could not reserve capacity.`);
      });
      stop.addEventListener('click', () => alert.show('HTTP 403 Forbidden: your role lacks ecs:StopInstance on this resource.'));
    },
  };
}
