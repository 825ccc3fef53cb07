#!/usr/bin/env node
// N Helpdock nodes on one machine behind a small sticky balancer — an example
// to read and adapt, not a production balancer (use nginx or HAProxy: see nginx.conf).
//
//   DATABASE_URL=postgres://… REDIS_URL=redis://… node examples/cluster/cluster.mjs 3
//
// Nodes listen on PORT+1…PORT+N (127.0.0.1), the balancer on PORT (default 8787).
// Every node shares the database and Redis; the balancer keeps each client
// address on one node (socket.io's HTTP long-polling needs that), and moves
// a client to the next node when its own is down.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createServer, request } from 'node:http';
import { connect } from 'node:net';
import { join, resolve } from 'node:path';

const count = Number(process.argv[2] ?? 2);
const base = Number(process.env.PORT ?? 8787);
const { DATABASE_URL, REDIS_URL } = process.env;
if (!DATABASE_URL || !REDIS_URL) {
  console.error('set DATABASE_URL and REDIS_URL: every node must share them');
  process.exit(2);
}
const cli = join(resolve(import.meta.dirname, '../..'), 'packages/server/dist/cli.js');
const ports = Array.from({ length: count }, (_, i) => base + 1 + i);
const children = ports.map((port, i) =>
  spawn(process.execPath, [cli, ...process.argv.slice(3)], {
    // PUBLIC_URL: the address browsers use is the balancer's, not the node's. CONSOLE_PORT: with
    // --demo each node also serves the example console, away from the other nodes' ports.
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: process.env.PUBLIC_URL ?? `http://localhost:${base}`, CONSOLE_PORT: String(base + 100 + i) },
    stdio: 'inherit',
  }),
);

/** The client's node: a hash of its address, skipping nodes that refuse connections. */
function pick(address, attempt) {
  const hash = createHash('sha1').update(address ?? '').digest().readUInt32BE(0);
  return ports[(hash + attempt) % ports.length];
}

function forward(req, res, attempt = 0) {
  const port = pick(req.socket.remoteAddress, attempt);
  const upstream = request({ host: '127.0.0.1', port, method: req.method, path: req.url, headers: { ...req.headers, 'x-forwarded-for': req.socket.remoteAddress } }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  upstream.on('error', () => (attempt + 1 < ports.length && !res.headersSent ? forward(req, res, attempt + 1) : res.writeHead(502).end()));
  req.pipe(upstream);
}

const balancer = createServer(forward);
// WebSocket upgrades are piped as raw TCP to the same node.
balancer.on('upgrade', (req, socket, head) => {
  const tryNode = (attempt) => {
    const upstream = connect(pick(req.socket.remoteAddress, attempt), '127.0.0.1', () => {
      const lines = [`${req.method} ${req.url} HTTP/1.1`, ...Object.entries({ ...req.headers, 'x-forwarded-for': req.socket.remoteAddress }).map(([k, v]) => `${k}: ${v}`)];
      upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
      upstream.write(head);
      socket.pipe(upstream).pipe(socket);
    });
    upstream.on('error', () => (attempt + 1 < ports.length ? tryNode(attempt + 1) : socket.destroy()));
    socket.on('error', () => upstream.destroy());
  };
  tryNode(0);
});
balancer.listen(base, '127.0.0.1', () => console.log(`balancer on http://localhost:${base} → nodes on ${ports.join(', ')}`));

const stop = () => {
  balancer.close();
  // SIGTERM: each node drains (work in flight answers), then lets its sockets go.
  for (const child of children) child.kill('SIGTERM');
  setTimeout(() => process.exit(0), 11_000).unref();
  Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r() : c.once('exit', r))))).then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
