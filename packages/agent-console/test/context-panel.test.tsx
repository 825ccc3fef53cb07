import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ContextPanel } from '../src/components/ContextPanel.tsx';
import { ticket } from './fixtures.ts';
import { renderWithI18n } from './render.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const snapshot = {
  url: 'https://console.example.com/ecs/cn-hangzhou/instances/i-bp1a2b3c4d5e6f7g8h9i',
  locale: 'en',
  product: 'ecs',
  page: 'instance-detail',
  region: 'cn-hangzhou',
  resources: [{ type: 'instance', id: 'i-bp1a2b3c4d5e6f7g8h9i' }],
  errorCodes: ['QuotaExceeded'],
  failures: [{ kind: 'request' as const, method: 'POST', url: 'https://api.example.com/ecs/restart', status: 403, at: '2025-01-01T00:00:00.000Z' }],
  browser: 'Chrome 126 · Linux',
  plan: 'enterprise',
  custom: { sla: 'gold' },
  diagnostics: { ok: false, summary: 'vCPU quota used up', checks: [{ name: 'Quota', ok: false, detail: '64/64' }], ranAt: '2025-01-01T00:00:00.000Z' },
};

describe('context side panel', () => {
  it('shows the whole snapshot the ticket carries', async () => {
    await renderWithI18n(<ContextPanel ticket={ticket({ context: snapshot })} />);
    const panel = screen.getByRole('complementary');
    const text = panel.textContent ?? '';
    for (const part of ['ecs · instance-detail · cn-hangzhou', 'QuotaExceeded', 'enterprise', 'Chrome 126 · Linux', 'POST https://api.example.com/ecs/restart → 403', 'Check failed: vCPU quota used up', 'gold']) {
      expect(text).toContain(part);
    }
  });

  it('copies a resource id with one click and says so', async () => {
    const writeText = vi.fn(async () => undefined);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    await renderWithI18n(<ContextPanel ticket={ticket({ context: snapshot })} />);
    fireEvent.click(screen.getByRole('button', { name: 'Copy instance i-bp1a2b3c4d5e6f7g8h9i' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith('i-bp1a2b3c4d5e6f7g8h9i'));
    expect(await within(screen.getByRole('complementary')).findByText('Copied')).toBeTruthy();
  });
});
