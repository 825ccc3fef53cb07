import { performance } from 'node:perf_hooks';
import { openFds, percentile, round, rssSampler } from './stats.mjs';

const TICK_MS = 5;
const DRAIN_MS = 5000;

/**
 * Listens on every agent socket: each visitor message is recognised by its
 * clientId, its latency is the time from the visitor's emit to the agent's
 * receipt (one clock: both ends live in this process).
 */
export function createLedger(agents) {
  const sentAt = new Map();
  const received = new Map();
  const latencies = [];
  let duplicates = 0;
  for (const socket of agents) {
    socket.on('message', (m) => {
      const t = sentAt.get(m.clientId);
      if (t === undefined) return;
      const copies = (received.get(m.clientId) ?? 0) + 1;
      received.set(m.clientId, copies);
      if (copies > 1) duplicates++;
      else latencies.push(performance.now() - t);
    });
  }
  return {
    sent: (clientId) => sentAt.set(clientId, performance.now()),
    snapshot: () => ({ sent: sentAt.size, received: received.size, duplicates, latencies: latencies.slice() }),
    reset() {
      sentAt.clear();
      received.clear();
      latencies.length = 0;
      duplicates = 0;
    },
  };
}

/** Sends `rate` messages per second, round-robin over the visitors, for `seconds`; stops by itself. */
async function drive(visitors, ledger, rate, seconds, tag, counters) {
  const start = performance.now();
  let sent = 0;
  let cursor = 0;
  await new Promise((resolve) => {
    const timer = setInterval(() => {
      const elapsed = (performance.now() - start) / 1000;
      if (elapsed >= seconds) {
        clearInterval(timer);
        return resolve();
      }
      const due = Math.floor(elapsed * rate) - sent;
      for (let k = 0; k < due; k++) {
        const v = visitors[cursor++ % visitors.length];
        const clientId = `${tag}-${sent++}`;
        ledger.sent(clientId);
        v.socket.emit('message:send', { conversationId: v.conversationId, clientId, text: `load ${clientId}` }, (ack) => {
          if (!ack?.ok) counters.refused++;
        });
      }
    }, TICK_MS);
  });
  return { sent, seconds: (performance.now() - start) / 1000 };
}

export async function measureRate({ nodes, visitors, agents, ledger, rate, seconds, warmup, tag }) {
  const counters = { refused: 0 };
  if (warmup > 0) {
    await drive(visitors, ledger, rate, warmup, `${tag}w`, counters);
    await new Promise((r) => setTimeout(r, 500));
  }
  ledger.reset();
  counters.refused = 0;
  const samplers = nodes.map((n) => rssSampler(n.pid));
  const cpuBefore = process.cpuUsage();
  const driven = await drive(visitors, ledger, rate, seconds, tag, counters);
  // Whatever has not arrived a few seconds after the last send is counted as lost.
  const deadline = performance.now() + DRAIN_MS;
  while (performance.now() < deadline && ledger.snapshot().received < driven.sent) await new Promise((r) => setTimeout(r, 50));
  const cpu = process.cpuUsage(cpuBefore);
  const snap = ledger.snapshot();
  const sorted = snap.latencies.sort((a, b) => a - b);
  const fds = await Promise.all(nodes.map((n) => openFds(n.pid)));
  return {
    rate,
    seconds: round(driven.seconds),
    sent: driven.sent,
    achievedRate: round(driven.sent / driven.seconds),
    received: snap.received,
    lost: snap.sent - snap.received,
    duplicated: snap.duplicates,
    refused: counters.refused,
    latencyMs: { p50: round(percentile(sorted, 50), 2), p95: round(percentile(sorted, 95), 2), p99: round(percentile(sorted, 99), 2), max: round(sorted.at(-1) ?? NaN, 2) },
    peakRssMb: samplers.map((s) => s.stop()),
    connected: {
      visitors: visitors.filter((v) => v.socket.connected).length,
      agents: agents.filter((a) => a.connected).length,
    },
    serverOpenFds: fds,
    // Above ~90 % of one core the generator itself is the bottleneck, not the server.
    generatorCpuPercent: round(((cpu.user + cpu.system) / 1000 / (driven.seconds * 1000 + DRAIN_MS)) * 100, 0),
  };
}
