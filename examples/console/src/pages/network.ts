import { VPCS } from '../data.ts';
import { backLink, banner, el, facts, link, table } from '../dom.ts';
import type { Page, PageEnv } from './types.ts';

export function vpcList(env: PageEnv): Page {
  return {
    title: 'VPCs',
    product: 'vpc',
    render(main) {
      main.append(el('h1', 'VPCs'), el('p', `Virtual private clouds in ${env.region}.`, 'lede'));
      const rows = VPCS[env.region].map((v) => [link(`/vpc/${env.region}/vpcs/${v.id}`, v.id, env.navigate), v.name, v.cidr, String(v.vswitches)]);
      main.append(table(['VPC ID', 'Name', 'CIDR', 'vSwitches'], rows));
    },
  };
}

export function vpcDetail(env: PageEnv, id: string): Page {
  const vpc = VPCS[env.region].find((v) => v.id === id);
  return {
    title: vpc ? vpc.name : 'VPC not found',
    product: 'vpc',
    render(main) {
      const alert = banner();
      main.append(backLink(`/vpc/${env.region}/vpcs`, '← VPCs', env.navigate));
      if (!vpc) {
        main.append(el('h1', 'VPC not found'), alert.node);
        alert.show(`InvalidVpcId.NotFound: The VPC "${id}" does not exist in ${env.region}.`);
        return;
      }
      main.append(el('h1', `${vpc.name} (${vpc.id})`), facts([['CIDR', vpc.cidr], ['vSwitches', String(vpc.vswitches)]]));
      const add = el('button', 'Add vSwitch');
      add.type = 'button';
      const actions = el('div', undefined, 'actions');
      actions.append(add);
      main.append(actions, alert.node);
      add.addEventListener('click', () => alert.show(`InvalidCidrBlock.Overlapped: The CIDR block overlaps with an existing vSwitch in ${vpc.id}.`));
    },
  };
}
