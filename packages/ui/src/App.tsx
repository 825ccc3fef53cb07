import { useSignal, useSignalEffect } from '@preact/signals';
import type { FunctionComponent } from 'preact';
import { useRef } from 'preact/hooks';
import type { UiBinding } from './binding.ts';
import { BindingContext } from './binding-context.ts';
import { Launcher } from './Launcher.tsx';
import { Nudge } from './Nudge.tsx';
import type { PanelProps } from './panel/Panel.tsx';

type PanelComponent = FunctionComponent<PanelProps>;

/** The launcher renders at once; the panel's code loads on first intent to open it. */
export function App({ binding }: { binding: UiBinding }) {
  const launcher = useRef<HTMLButtonElement>(null);
  const Panel = useSignal<PanelComponent | null>(null);
  const loading = useRef(false);
  // A panel restored open by a reload must not pull focus away from the page; one the user opens does.
  const restoredOpen = useRef(binding.state.peek().open);

  const loadPanel = () => {
    if (loading.current) return;
    loading.current = true;
    import('./panel/Panel.tsx').then(
      (m) => {
        Panel.value = m.Panel;
      },
      () => {
        // A failed chunk load (offline, deploy in between) is retried on the next intent.
        loading.current = false;
      },
    );
  };

  useSignalEffect(() => {
    if (binding.state.value.open) loadPanel();
    else restoredOpen.current = false;
  });

  const closeAndReturnFocus = () => {
    binding.core.close();
    launcher.current?.focus();
  };
  const LoadedPanel = Panel.value;

  return (
    <BindingContext.Provider value={binding}>
      <div class="hd-root" dir={binding.dir.value} lang={binding.lang.value}>
        {binding.state.value.open && LoadedPanel ? <LoadedPanel autoFocus={!restoredOpen.current} onDismiss={closeAndReturnFocus} /> : null}
        {binding.state.value.open ? null : <Nudge onIntent={loadPanel} />}
        <Launcher buttonRef={launcher} onIntent={loadPanel} />
      </div>
    </BindingContext.Provider>
  );
}
