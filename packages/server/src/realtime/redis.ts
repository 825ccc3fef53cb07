import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import type { Logger } from '../log.ts';
import { redactUrl } from '../redact.ts';

export interface RedisAdapter {
  adapter: ReturnType<typeof createAdapter>;
  /** Whether either connection is down right now. */
  down(): boolean;
  /** Called each time both connections are back after a loss. */
  onRecovered(listener: () => void): void;
  close(): Promise<void>;
}

/**
 * socket.io's Redis adapter over a publishing client and its subscribing duplicate.
 * A Redis that can't be reached at start fails the start (after a few tries);
 * once connected, a lost connection is retried with backoff for as long as it takes.
 */
export async function connectRedisAdapter(url: string, logger: Logger): Promise<RedisAdapter> {
  let connected = false;
  const reconnectStrategy = (retries: number, cause: Error): number | Error => {
    if (connected) return Math.min(100 * 2 ** retries, 5000);
    return retries >= 3 ? new Error(`cannot reach Redis at ${redactUrl(url)}: ${cause.message}`) : 250;
  };
  const pub = createClient({ url, socket: { reconnectStrategy } });
  const sub = pub.duplicate();
  // Without a listener an 'error' event would crash the process; one line each is enough.
  pub.on('error', (err: Error) => logger.warn(`redis (publish): ${err.message}`));
  sub.on('error', (err: Error) => logger.warn(`redis (subscribe): ${err.message}`));
  try {
    await Promise.all([pub.connect(), sub.connect()]);
  } catch (err) {
    pub.destroy();
    sub.destroy();
    throw err;
  }
  connected = true;
  const recovered: Array<() => void> = [];
  let lost = false;
  let closing = false;
  const check = () => {
    if (closing) return;
    if (!pub.isReady || !sub.isReady) {
      if (!lost) logger.warn('redis: connection lost; fan-out to other nodes is paused, clients will be resynced once it is back');
      lost = true;
      return;
    }
    if (!lost) return;
    lost = false;
    logger.info('redis: connection back');
    for (const listener of recovered) listener();
  };
  for (const client of [pub, sub]) {
    client.on('ready', check);
    client.on('end', check);
    client.on('error', check);
    client.on('reconnecting', check);
  }
  return {
    adapter: createAdapter(pub, sub),
    down: () => !pub.isReady || !sub.isReady,
    onRecovered: (listener) => void recovered.push(listener),
    async close() {
      closing = true;
      await Promise.allSettled([pub.close(), sub.close()]);
    },
  };
}
