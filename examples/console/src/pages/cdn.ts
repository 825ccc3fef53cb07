import { CDN_DOMAINS } from '../data.ts';
import { backLink, banner, el, facts, link, table } from '../dom.ts';
import type { Page, PageEnv } from './types.ts';

export function domainList(env: PageEnv): Page {
  return {
    title: 'CDN domains',
    product: 'cdn',
    render(main) {
      main.append(el('h1', 'CDN domains'), el('p', 'Accelerated domains (global).', 'lede'));
      const rows = CDN_DOMAINS.map((d) => [link(`/cdn/domains/${d.id}`, d.domain, env.navigate), d.origin, d.status]);
      main.append(table(['Domain', 'Origin', 'Status'], rows));
    },
  };
}

export function domainDetail(env: PageEnv, id: string): Page {
  const domain = CDN_DOMAINS.find((d) => d.id === id);
  return {
    title: domain ? domain.domain : 'Domain not found',
    product: 'cdn',
    render(main) {
      const alert = banner();
      main.append(backLink('/cdn/domains', '← Domains', env.navigate));
      if (!domain) {
        main.append(el('h1', 'Domain not found'), alert.node);
        alert.show(`InvalidDomain.NotFound: No CDN domain "${id}".`);
        return;
      }
      main.append(el('h1', domain.domain), facts([['Origin', domain.origin], ['Status', domain.status]]));
      // The page's own signal: this detail view names its resource for the widget.
      main.dataset['helpdockResource'] = `domain:${domain.domain}`;
      const purge = el('button', 'Purge cache');
      purge.type = 'button';
      const actions = el('div', undefined, 'actions');
      actions.append(purge);
      main.append(actions, alert.node);
      purge.addEventListener('click', () => alert.show('Throttling.User: Purge requests exceeded 100 per minute. Try again later.'));
    },
  };
}
