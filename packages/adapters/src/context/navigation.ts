type NavigationLike = EventTarget;
type NavWindow = Window & { navigation?: NavigationLike };

/**
 * Calls `onChange` after every SPA navigation: the Navigation API where the
 * browser has it, otherwise wrapped history.pushState / replaceState; popstate and
 * hashchange always. `stop()` removes everything; a history method another
 * script wrapped after us is left in place but ours inside it goes quiet.
 */
export function watchNavigation(win: NavWindow, onChange: () => void): () => void {
  let active = true;
  const notify = () => {
    if (active) onChange();
  };
  const cleanups: Array<() => void> = [];
  const listen = (target: EventTarget, type: string) => {
    target.addEventListener(type, notify);
    cleanups.push(() => target.removeEventListener(type, notify));
  };
  listen(win, 'popstate');
  listen(win, 'hashchange');

  const nav = win.navigation;
  if (nav && typeof nav.addEventListener === 'function') {
    listen(nav, 'currententrychange');
  } else {
    const history = win.history;
    for (const name of ['pushState', 'replaceState'] as const) {
      const original = history[name];
      const wrapped = function (this: History, ...args: Parameters<History['pushState']>) {
        const result = original.apply(this, args);
        // After the URL changed, outside the host's call stack.
        queueMicrotask(notify);
        return result;
      };
      history[name] = wrapped;
      cleanups.push(() => {
        if (history[name] === wrapped) history[name] = original;
      });
    }
  }
  return () => {
    active = false;
    for (const off of cleanups.splice(0)) off();
  };
}
