import { afterEach, describe, expect, it, vi } from 'vitest';
import { urlContextSource } from '../src/index.ts';

describe('urlContextSource', () => {
  afterEach(() => {
    document.documentElement.lang = '';
    document.title = '';
  });

  it('tells where the user is: URL, title and the page language', () => {
    document.documentElement.lang = 'zh-CN';
    document.title = 'Instances · Console';
    expect(urlContextSource().snapshot()).toEqual({ url: location.href, title: 'Instances · Console', locale: 'zh-CN' });
  });

  it('falls back to the browser language when the page has none or a malformed one', () => {
    document.documentElement.lang = 'not a tag';
    expect(urlContextSource().snapshot().locale).toBe(navigator.language);
  });

  it('reports navigation while subscribed, and stops listening after', () => {
    const seen = vi.fn();
    const stop = urlContextSource().subscribe(seen);
    window.dispatchEvent(new Event('hashchange'));
    expect(seen).toHaveBeenCalledTimes(1);
    stop();
    window.dispatchEvent(new Event('popstate'));
    expect(seen).toHaveBeenCalledTimes(1);
  });
});
