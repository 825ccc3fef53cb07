import { REGIONS, type Region } from './data.ts';
import { el } from './dom.ts';
import { setUpHelpdock } from './helpdock.ts';
import { domainDetail, domainList } from './pages/cdn.ts';
import { instanceDetail, instanceList } from './pages/compute.ts';
import { vpcDetail, vpcList } from './pages/network.ts';
import { bucketDetail, bucketList } from './pages/storage.ts';
import type { Page, PageEnv } from './pages/types.ts';

/*
 * Stratus Console: a small single-page app. Every route is a real URL; links
 * and the region switcher navigate with history.pushState, Back and Forward
 * with popstate, so the widget has to follow SPA navigation to know where the user is.
 */

const isRegion = (r: string | undefined): r is Region => (REGIONS as readonly string[]).includes(r ?? '');

function route(path: string, env: Omit<PageEnv, 'region'>): Page & { region: Region } {
  const seg = path.split('/').filter(Boolean).map(decodeURIComponent);
  const region: Region = isRegion(seg[1]) ? seg[1] : 'cn-hangzhou';
  const e: PageEnv = { ...env, region };
  const [product, , kind, id] = seg;
  let page: Page;
  if (product === 'oss' && kind === 'buckets') page = id ? bucketDetail(e, id) : bucketList(e);
  else if (product === 'cdn') page = seg[2] ? domainDetail(e, seg[2]) : domainList(e);
  else if (product === 'vpc' && kind === 'vpcs') page = id ? vpcDetail(e, id) : vpcList(e);
  else if (product === 'ecs' && kind === 'instances' && id) page = instanceDetail(e, id);
  // `/`, `/index.html` and anything unknown: the compute instance list.
  else page = instanceList(e);
  return { ...page, region };
}

const PRODUCTS = [
  { id: 'ecs', label: 'Compute', href: (r: Region) => `/ecs/${r}/instances` },
  { id: 'oss', label: 'Object Storage', href: (r: Region) => `/oss/${r}/buckets` },
  { id: 'cdn', label: 'CDN', href: () => '/cdn/domains' },
  { id: 'vpc', label: 'Networking', href: (r: Region) => `/vpc/${r}/vpcs` },
] as const;

function navigate(href: string): void {
  if (href === location.pathname) return;
  history.pushState(null, '', href);
  render();
}

const env = {
  navigate,
  api: (path: string, init?: RequestInit) => fetch(path, init).catch(() => new Response(null, { status: 0 })),
};

function render(): void {
  const page = route(location.pathname, env);
  document.title = `${page.title} · Stratus Console`;
  const nav = document.getElementById('products');
  nav?.replaceChildren(
    ...PRODUCTS.map((p) => {
      const a = el('a', p.label);
      a.href = p.href(page.region);
      if (p.id === page.product) a.setAttribute('aria-current', 'page');
      a.addEventListener('click', (e) => {
        e.preventDefault();
        navigate(p.href(page.region));
      });
      return a;
    }),
  );
  const select = document.getElementById('region') as HTMLSelectElement | null;
  if (select) {
    select.value = page.region;
    select.disabled = page.product === 'cdn';
  }
  const main = document.getElementById('main');
  if (!main) return;
  const fresh = el('main');
  fresh.id = 'main';
  page.render(fresh);
  main.replaceWith(fresh);
}

document.getElementById('region')?.addEventListener('change', (e) => {
  const region = (e.currentTarget as HTMLSelectElement).value;
  const seg = location.pathname.split('/').filter(Boolean);
  const product = PRODUCTS.find((p) => p.id === seg[0]) ?? PRODUCTS[0];
  if (isRegion(region)) navigate(product.href(region));
});
addEventListener('popstate', render);
setUpHelpdock();
render();
