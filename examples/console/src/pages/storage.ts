import { BUCKETS } from '../data.ts';
import { backLink, banner, el, facts, link, table } from '../dom.ts';
import type { Page, PageEnv } from './types.ts';

export function bucketList(env: PageEnv): Page {
  return {
    title: 'Buckets',
    product: 'oss',
    render(main) {
      main.append(el('h1', 'Buckets'), el('p', `Object storage buckets in ${env.region}.`, 'lede'));
      const rows = BUCKETS[env.region].map((b) => [link(`/oss/${env.region}/buckets/${b.name}`, b.name, env.navigate), String(b.objects), b.acl, b.size]);
      main.append(table(['Bucket', 'Objects', 'ACL', 'Size'], rows));
    },
  };
}

export function bucketDetail(env: PageEnv, name: string): Page {
  const bucket = BUCKETS[env.region].find((b) => b.name === name);
  return {
    title: bucket ? bucket.name : 'Bucket not found',
    product: 'oss',
    render(main) {
      const alert = banner();
      main.append(backLink(`/oss/${env.region}/buckets`, '← Buckets', env.navigate));
      if (!bucket) {
        main.append(el('h1', 'Bucket not found'), alert.node);
        alert.show(`NoSuchBucket: The bucket "${name}" does not exist in ${env.region}.`);
        return;
      }
      main.append(el('h1', bucket.name), facts([['Objects', String(bucket.objects)], ['ACL', bucket.acl], ['Size', bucket.size]]));
      const share = el('button', 'Generate share link');
      share.type = 'button';
      main.append(el('div', undefined, 'actions'), alert.node);
      main.querySelector('.actions')?.append(share);
      share.addEventListener('click', () => alert.show('AccessDenied: You have no right to access this object because of bucket acl.'));
    },
  };
}
