import type { ComponentType, VNode } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import { BindingContext } from '../binding-context.ts';

export interface LazyView<P> {
  (props: P): VNode | null;
  /** Fetches the view's chunk ahead of its first use. */
  preload(): Promise<unknown>;
}

/**
 * A view in its own chunk, off the open chat's path: it renders nothing until
 * its code has arrived (one small fetch, or none after `preload`), then itself.
 * A failed load (offline, a deploy in between) is tried again the next time
 * the view is wanted. `later`: the view reads the widget's later strings
 * (widget-later.json) and styles (later-styles.ts), which it then waits for as well.
 */
export function lazyView<P extends object>(load: () => Promise<ComponentType<P>>, options: { later?: boolean } = {}): LazyView<P> {
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
    const binding = useContext(BindingContext);
    const later = options.later ? binding?.later : undefined;
    // Whether the first render had the code (and the later strings and styles): if not, the effect
    // waits for them, even when they have arrived meanwhile (a preload that finished between the
    // render and the effect).
    const shown = View !== null && later?.ready() !== false;
    useEffect(() => {
      if (shown) return;
      let live = true;
      Promise.all([preload(), later?.load()]).then(
        () => live && setLoaded(true),
        () => undefined,
      );
      return () => {
        live = false;
      };
    }, []);
    return shown && View ? <View {...props} /> : null;
  }
  Lazy.preload = preload;
  return Lazy;
}
