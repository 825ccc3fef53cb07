/*
 * A tiny History API router: routes are `/path/:param` patterns, links marked
 * `data-link` navigate with pushState, Back and Forward with popstate. The
 * widget follows these navigations by itself; the router knows nothing of it.
 */

export type Params = Record<string, string>;

export interface Route {
  pattern: string;
  render(params: Params): { title: string; view: Node };
}

export interface Router {
  navigate(path: string, options?: { replace?: boolean }): void;
  stop(): void;
}

function match(pattern: string, path: string): Params | null {
  const want = pattern.split('/').filter(Boolean);
  const got = path.split('/').filter(Boolean);
  if (want.length !== got.length) return null;
  const params: Params = {};
  for (const [i, part] of want.entries()) {
    const seg = decodeURIComponent(got[i]!);
    if (part.startsWith(':')) params[part.slice(1)] = seg;
    else if (part !== seg) return null;
  }
  return params;
}

export function createRouter(routes: Route[], outlet: HTMLElement, notFound: Route['render']): Router {
  const render = () => {
    const path = location.pathname;
    let page: ReturnType<Route['render']> | null = null;
    for (const route of routes) {
      const params = match(route.pattern, path);
      if (params) {
        page = route.render(params);
        break;
      }
    }
    page ??= notFound({ path });
    document.title = `${page.title} · Nimbus Cloud`;
    outlet.replaceChildren(page.view);
    for (const a of document.querySelectorAll<HTMLAnchorElement>('nav a[data-link]')) {
      if (path.startsWith(a.pathname)) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
    }
  };

  const navigate: Router['navigate'] = (path, options) => {
    if (path === location.pathname) return;
    if (options?.replace) history.replaceState(null, '', path);
    else history.pushState(null, '', path);
    render();
  };

  const onClick = (event: MouseEvent) => {
    const link = (event.target as Element | null)?.closest?.('a[data-link]');
    if (!(link instanceof HTMLAnchorElement) || event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || link.origin !== location.origin) return;
    event.preventDefault();
    navigate(link.pathname);
  };

  document.addEventListener('click', onClick);
  window.addEventListener('popstate', render);
  render();
  return {
    navigate,
    stop() {
      document.removeEventListener('click', onClick);
      window.removeEventListener('popstate', render);
    },
  };
}
