import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { createI18n } from '@helpdock/i18n';
import { loadLaterStrings } from '@helpdock/i18n/later';
import { BindingContext } from '../src/binding-context.ts';
import type { UiBinding } from '../src/binding.ts';
import { lazyView } from '../src/panel/lazy.tsx';

const afterEffects = () => new Promise((r) => setTimeout(r, 50));

describe('a lazy view', () => {
  it('shows itself once its code arrives', async () => {
    const View = lazyView(async () => () => <p>loaded</p>);
    const root = document.createElement('div');
    render(<View />, root);
    expect(root.textContent).toBe('');
    await afterEffects();
    expect(root.textContent).toBe('loaded');
  });

  it('shows itself when its code arrived between its first render and its effect', async () => {
    const View = lazyView(async () => () => <p>loaded</p>);
    const root = document.createElement('div');
    render(<View />, root);
    // A preload started elsewhere (the panel fetches the ticket header at handoff) finishes first.
    await View.preload();
    await afterEffects();
    expect(root.textContent).toBe('loaded');
  });

  it('with `later`, waits for the later strings as well as its code, and shows them in the page’s language', async () => {
    const i18n = await createI18n({ ns: 'widget', locale: 'de' });
    // The open chat's file does not hold them: this view would show a bare key.
    expect(i18n.exists('rating.question')).toBe(false);
    let ready = false;
    const later = { ready: () => ready, load: () => loadLaterStrings(i18n).then(() => void (ready = true)) };
    const View = lazyView(async () => () => <p>{i18n.t('rating.question')}</p>, { later: true });
    await View.preload();
    const root = document.createElement('div');
    render(
      <BindingContext.Provider value={{ later } as unknown as UiBinding}>
        <View />
      </BindingContext.Provider>,
      root,
    );
    // The code is here, the strings are not yet.
    expect(root.textContent).toBe('');
    await afterEffects();
    expect(root.textContent).toBe('Wie war unser Service?');
  });

  it('tries a failed load again the next time it is wanted', async () => {
    let calls = 0;
    const View = lazyView(async () => {
      if (++calls === 1) throw new Error('offline');
      return () => <p>loaded</p>;
    });
    const root = document.createElement('div');
    render(<View />, root);
    await afterEffects();
    expect(root.textContent).toBe('');
    render(null, root);
    render(<View />, root);
    await afterEffects();
    expect(root.textContent).toBe('loaded');
  });
});
