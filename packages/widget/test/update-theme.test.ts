import { describe, expect, it, vi } from 'vitest';
import type { Theme } from '@helpdock/ui';
import { createController } from '../src/controller.ts';
import type { Running } from '../src/start.ts';

describe('update({ theme })', () => {
  it('restyles with the valid part of the theme and warns once per bad token, never throwing', async () => {
    const setTheme = vi.fn<(t: Theme) => void>();
    const running = { setTheme, destroy: () => undefined, core: { store: { subscribe: () => () => undefined } } } as unknown as Running;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const controller = createController(async () => running);
    controller.update({ theme: { brand: '#0a7', radius: 'round' as unknown as number } });
    controller.boot({ appId: 'demo', serverUrl: 'https://help.example.com', theme: { mode: 'dusk' as 'dark' } });
    await vi.waitFor(() => expect(setTheme).toHaveBeenCalledWith({ brand: '#0a7' }));
    expect(warn.mock.calls.map((c) => c[0])).toEqual(['[helpdock] update: theme.radius must be a number', '[helpdock] boot: theme.mode must be one of light, dark, system']);
    controller.update(null as unknown as { theme: Theme });
    expect(warn).toHaveBeenLastCalledWith('[helpdock] update: pass an object, e.g. { theme: { brand: "#0a7" } }');
    warn.mockRestore();
    controller.destroy();
  });
});
