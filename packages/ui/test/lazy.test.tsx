import { render } from 'preact';
import { describe, expect, it } from 'vitest';
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
