import type { HelpdockCore } from '@helpdock/core';
import type { I18n } from '@helpdock/i18n';
import { render } from 'preact';
import { App } from './App.tsx';
import { bindCore } from './binding.ts';
import { adoptStyles } from './styles.ts';

export const HOST_ID = 'helpdock-root';

export interface MountOptions {
  core: HelpdockCore;
  i18n: I18n;
  /** @default document */
  document?: Document;
}

export interface MountedUi {
  /** The open shadow root everything renders into. */
  readonly shadowRoot: ShadowRoot;
  unmount(): void;
}

/**
 * Renders the widget into an open shadow root on `<div id="helpdock-root">`
 * appended to the body. The host page's styles and DOM are otherwise untouched.
 */
export function mountUi(options: MountOptions): MountedUi {
  const doc = options.document ?? document;
  const host = doc.createElement('div');
  host.id = HOST_ID;
  const shadowRoot = host.attachShadow({ mode: 'open' });
  adoptStyles(shadowRoot);
  const binding = bindCore(options.core, options.i18n);
  doc.body.append(host);
  render(<App binding={binding} />, shadowRoot);
  return {
    shadowRoot,
    unmount() {
      render(null, shadowRoot);
      binding.dispose();
      host.remove();
    },
  };
}
