import { afterEach, describe, expect, it, vi } from 'vitest';
import { localStorageStorage } from '../src/index.ts';

describe('localStorageStorage', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
    localStorage.clear();
  });

  it('keeps values in localStorage under its prefix, so a reload finds them', () => {
    const storage = localStorageStorage('hd:');
    storage.set('a', '1');
    expect(localStorage.getItem('hd:a')).toBe('1');
    expect(localStorageStorage('hd:').get('a')).toBe('1');
    storage.remove('a');
    expect(localStorageStorage('hd:').get('a')).toBeNull();
  });

  it('falls back to memory when localStorage cannot even be read (sandbox, blocked cookies)', () => {
    vi.stubGlobal('localStorage', {
      get getItem(): never {
        throw new DOMException('denied', 'SecurityError');
      },
    });
    const storage = localStorageStorage();
    storage.set('a', '1');
    expect(storage.get('a')).toBe('1');
    storage.remove('a');
    expect(storage.get('a')).toBeNull();
  });

  it('keeps a value in memory when the quota is full', () => {
    const storage = localStorageStorage('hd:');
    vi.spyOn(Object.getPrototypeOf(localStorage) as Storage, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    expect(() => storage.set('big', 'x')).not.toThrow();
    expect(storage.get('big')).toBe('x');
  });
});
