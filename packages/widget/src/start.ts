import { englishWidgetStrings } from '@helpdock/i18n';
import { mountLauncher } from '@helpdock/ui';
import type { StartConfig } from './config.ts';
import type { Running } from './core-stage.ts';
import type { Emit } from './events.ts';

export type { Running } from './core-stage.ts';

/**
 * Paints the launcher, then loads what is behind it. Only the launcher, its
 * English label and the command queue are in the script tag's bundle: the core
 * (store, context, attention, tab sync, the page's language) is the next chunk,
 * fetched once the launcher has painted; a hover, focus or click meanwhile is
 * kept and acted on when it arrives.
 */
export async function startWidget(config: StartConfig, emit: Emit): Promise<Running> {
  // A themed page waits for the theme's small chunk before the launcher shows, so it never flashes the default colours.
  const themeStage = config.theme ? await import('./theme-stage.ts').catch(() => null) : null;
  // English is in this bundle: the launcher shows at once, and takes the page's language with the core.
  const english = englishWidgetStrings(config.strings);
  let load: (() => void) | null = null;
  let wanted = false;
  const launcher = mountLauncher({ t: english.t, locale: english.locale, dir: 'ltr', onIntent: () => (load ? load() : (wanted = true)) });
  if (themeStage && config.theme) themeStage.applyTheme(launcher, config.theme);
  try {
    // After the launcher's first frame: its paint never waits for the core's download or parsing.
    await afterPaint();
    const { startCore } = await import('./core-stage.ts');
    return startCore({
      config,
      emit,
      launcher,
      onIntent(fn) {
        load = fn;
        if (wanted) fn();
      },
    });
  } catch (err) {
    // No core (offline, a deploy in between): no launcher that cannot open.
    launcher.unmount();
    throw err;
  }
}

// The next frame, then a fresh task; a timer too, as hidden tabs get no frames.
const afterPaint = () =>
  new Promise<void>((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve));
    setTimeout(resolve, 100);
  });
