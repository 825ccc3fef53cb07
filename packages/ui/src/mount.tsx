import type { HelpdockCore } from '@helpdock/core';
import { direction, resolveLocale, type I18n } from '@helpdock/i18n';
import { render } from 'preact';
import { App } from './App.tsx';
import { bindCore } from './binding.ts';
import { mountLauncher, type MountedLauncher } from './launcher.ts';
import { PANEL_CSS } from './panel/styles.ts';
import { adoptStyles } from './styles.ts';

export interface PanelMountOptions {
  core: HelpdockCore;
  i18n: I18n;
  /** The launcher the panel opens from: it renders into its slot and gives focus back to its button. */
  launcher: MountedLauncher;
}

export interface MountedPanel {
  unmount(): void;
}

/** Renders the panel (Preact, i18next) next to an already mounted launcher. */
export function mountPanel({ core, i18n, launcher }: PanelMountOptions): MountedPanel {
  adoptStyles(launcher.shadowRoot, PANEL_CSS);
  const binding = bindCore(core, i18n, launcher.shadowRoot);
  const onDismiss = () => {
    core.close();
    launcher.button.focus();
  };
  render(<App binding={binding} restoredOpen={launcher.restoredOpen} onDismiss={onDismiss} />, launcher.panelSlot);
  return {
    unmount() {
      render(null, launcher.panelSlot);
      binding.dispose();
    },
  };
}

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

/** Launcher and panel at once, both translated by one i18next instance: for apps that load everything up front. */
export function mountUi(options: MountOptions): MountedUi {
  const { core, i18n } = options;
  const t = (key: string, params?: Record<string, string | number>) => (params ? i18n.t(key, params) : i18n.t(key));
  const dir = () => direction(resolveLocale(i18n.language));
  const launcher = mountLauncher({ core, t, locale: i18n.language, dir: dir(), onIntent: () => undefined, ...(options.document ? { document: options.document } : {}) });
  const onLanguage = () => launcher.retranslate(t, i18n.language, dir());
  i18n.on('languageChanged', onLanguage);
  const panel = mountPanel({ core, i18n, launcher });
  return {
    shadowRoot: launcher.shadowRoot,
    unmount() {
      i18n.off('languageChanged', onLanguage);
      panel.unmount();
      launcher.unmount();
    },
  };
}
