import type { ComponentType, VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export interface LazyView<P> {
  (props: P): VNode | null;
  /** Fetches the view's chunk ahead of its first use. */
  preload(): Promise<unknown>;
}

/**
 * A view in its own chunk, off the open chat's path: it renders nothing until
 * its code has arrived (one small fetch, or none after `preload`), then itself.
 * A failed load (offline, a deploy in between) is tried again the next time
 * the view is wanted.
 */
export function lazyView<P extends object>(load: () => Promise<ComponentType<P>>): LazyView<P> {
  let View: ComponentType<P> | null = null;
  let loading: Promise<unknown> | null = null;
  const preload = () =>
    (loading ??= load().then(
      (v) => {
        View = v;
      },
      (err: unknown) => {
        loading = null;
        throw err;
      },
    ));
  function Lazy(props: P) {
    const [, setLoaded] = useState(false);
    // Whether the first render had the code: if not, the effect waits for it, even when it has
    // arrived meanwhile (a preload that finished between the render and the effect).
    const shown = View !== null;
    useEffect(() => {
      if (shown) return;
      let live = true;
      preload().then(
        () => live && setLoaded(true),
        () => undefined,
      );
      return () => {
        live = false;
      };
    }, []);
    return View ? <View {...props} /> : null;
  }
  Lazy.preload = preload;
  return Lazy;
}
