import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

const VIRTUAL = '\0helpdock:engine-transports';
const POLLING = '\0helpdock:polling-transport';

/**
 * engine.io-client's Socket imports its table of transports by name, with
 * long-polling and WebTransport in it, so every bundle carries both (2.5 KB
 * min+gzip). The widget connects by WebSocket (the socket channel asks for it
 * by name) and fetches long-polling only where WebSockets do not get through
 * (adapters' polling-transport.ts, its own chunk); our server offers no
 * WebTransport. This build gives the Socket a table of WebSocket alone.
 */
export function engineTransports(): Plugin {
  let transportsDir = '';
  return {
    name: 'helpdock:engine-transports',
    enforce: 'pre',
    async resolveId(source, importer) {
      // adapters' polling-transport.ts: the two transports straight from their files, or they would stay in socket.io's chunk.
      if (source === 'socket.io-client' && importer && /[\\/]adapters[\\/]src[\\/]polling-transport\.ts$/.test(importer)) {
        const engine = await this.resolve('engine.io-client', (await this.resolve('socket.io-client', importer))?.id);
        if (!engine) return null;
        transportsDir = join(dirname(engine.id), 'transports');
        return POLLING;
      }
      if (source !== './transports/index.js' || !importer || !/[\\/]engine\.io-client[\\/]build[\\/]esm[\\/]socket\.js$/.test(importer)) return null;
      transportsDir = join(dirname(importer), 'transports');
      return VIRTUAL;
    },
    // The packages' entry files also re-export every transport class (and engine.io's own name table),
    // which would keep long-polling in socket.io's chunk however it is imported: the widget imports
    // none of them from there.
    transform(code, id) {
      if (/[\\/]engine\.io-client[\\/]build[\\/]esm[\\/]index\.js$/.test(id)) return code.replace(/^export \{[^}]*\} from "\.\/transports\/(index|polling-fetch|polling-xhr(\.node)?|websocket(\.node)?|webtransport)\.js";$/gm, '');
      if (/[\\/]socket\.io-client[\\/]build[\\/]esm[\\/]index\.js$/.test(id)) {
        // It also hangs Manager and Socket on `io` for `io.connect(…)` callers, a call the bundler must keep, and
        // `io` with them (its cache of managers and URL parsing): the socket channel makes its own Manager.
        const hung = /^Object\.assign\(lookup, \{\s*Manager,\s*Socket,\s*io: lookup,\s*connect: lookup,\s*\}\);$/m;
        if (!hung.test(code)) this.error(`socket.io-client's index.js no longer reads as expected (${hung}): review vite.engine-transports.ts`);
        return code.replace(/^export \{ Fetch, NodeXHR, XHR, NodeWebSocket, WebSocket, WebTransport, \} from "engine\.io-client";$/m, '').replace(hung, '');
      }
      return null;
    },
    load(id) {
      if (id === POLLING) {
        return [
          `export { XHR as NodeXHR } from ${JSON.stringify(join(transportsDir, 'polling-xhr.js'))};`,
          `export { WS as NodeWebSocket } from ${JSON.stringify(join(transportsDir, 'websocket.js'))};`,
        ].join('\n');
      }
      if (id !== VIRTUAL) return null;
      // The browser build of the transport (what the package's "browser" field maps it to).
      return [`import { WS } from ${JSON.stringify(join(transportsDir, 'websocket.js'))};`, 'export const transports = { websocket: WS };'].join('\n');
    },
  };
}
