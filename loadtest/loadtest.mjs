#!/usr/bin/env node
// `pnpm loadtest`: N visitors and M agents against K Helpdock nodes (or a bare
// socket.io echo server) on 127.0.0.1, at fixed message rates for a fixed time.
// Prints p50/p95/p99 visitor → agent latency, lost and duplicated messages,
// peak RSS per node and connected sockets, then stops everything it started.
import { performance } from 'node:perf_hooks';
import { parseArgs, USAGE } from './src/args.mjs';
import { connectAgents, connectVisitors } from './src/clients.mjs';
import { createLedger, measureRate } from './src/measure.mjs';
import { startTargets } from './src/nodes.mjs';
import { round } from './src/stats.mjs';

async function main() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (err) {
    console.error(`${err.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (opts.help) return console.log(USAGE);

  // A hard stop, whatever happens: setup, every rate, draining, and a margin.
  const budgetMs = (300 + opts.rates.length * (opts.duration + opts.warmup + 10)) * 1000;
  const watchdog = setTimeout(() => {
    console.error(`loadtest: still running after ${budgetMs / 1000} s, giving up`);
    process.exit(3);
  }, budgetMs);
  watchdog.unref();

  const log = (line) => !opts.json && console.log(line);
  const target = opts.echo ? 'bare socket.io echo server' : `Helpdock × ${opts.nodes}`;
  log(`loadtest: ${target}, ${opts.visitors} visitors, ${opts.agents} agents, rates ${opts.rates.join(', ')} msg/s, ${opts.duration} s each`);
  const { nodes, store, cleanup } = await startTargets(opts);
  let agents = [];
  let visitors = [];
  try {
    const t0 = performance.now();
    agents = await connectAgents(nodes, opts.agents, opts.echo);
    visitors = await connectVisitors(nodes, agents, opts.visitors, opts.echo);
    log(`  set up ${visitors.length} visitors (session, socket, ticket) and ${agents.length} agents in ${round((performance.now() - t0) / 1000)} s; store: ${store}`);
    const ledger = createLedger(agents);
    const results = [];
    for (const [i, rate] of opts.rates.entries()) {
      const r = await measureRate({ nodes, visitors, agents, ledger, rate, seconds: opts.duration, warmup: i === 0 ? opts.warmup : 1, tag: `r${i}` });
      results.push(r);
      log(
        `  ${String(rate).padStart(6)} msg/s  sent ${r.sent} (${r.achievedRate}/s)  p50 ${r.latencyMs.p50} ms  p95 ${r.latencyMs.p95} ms  p99 ${r.latencyMs.p99} ms  ` +
          `lost ${r.lost}  dup ${r.duplicated}  refused ${r.refused}  peak RSS ${r.peakRssMb.join(' / ')} MB  ` +
          `connected ${r.connected.visitors}+${r.connected.agents}  generator CPU ${r.generatorCpuPercent} %`,
      );
    }
    const summary = { target, store, nodes: nodes.length, visitors: opts.visitors, agents: opts.agents, results };
    if (opts.json) console.log(JSON.stringify(summary, null, 2));
    return summary;
  } finally {
    for (const s of [...visitors.map((v) => v.socket), ...agents]) s.disconnect();
    await cleanup();
    clearTimeout(watchdog);
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error('loadtest failed:', err?.message ?? err);
    process.exit(1);
  },
);
