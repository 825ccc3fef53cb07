import { existsSync } from 'node:fs';
import { describe, it } from 'vitest';

/**
 * With HELPDOCK_REQUIRE_SERVICES=1 (set by CI), a test suite that would be
 * skipped for lack of a browser or service fails instead, so nothing silently
 * stops being tested.
 */
export const REQUIRE_SERVICES = process.env.HELPDOCK_REQUIRE_SERVICES === '1';

export function chromiumPath(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((p): p is string => !!p && existsSync(p));
}

/** `describe` when the service is there; otherwise a skip, or a failure under REQUIRE_SERVICES. */
export function describeIfAvailable(service: string, available: boolean): typeof describe | ((name: string, fn: () => void) => void) {
  if (available) return describe;
  if (REQUIRE_SERVICES) {
    return (name: string) =>
      describe(name, () => {
        it(`needs ${service}`, () => {
          throw new Error(`${service} is not available, and HELPDOCK_REQUIRE_SERVICES=1 forbids skipping`);
        });
      });
  }
  return describe.skip;
}
