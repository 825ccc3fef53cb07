import type { Plugin } from 'vite';

/**
 * Our server and clients speak socket.io's JSON parser (socket.io-json-parser, passed as `parser`
 * by the socket channel). socket.io-client still imports its default parser by name, so every
 * bundle would carry both (about 1 KB min+gzip): this build gives socket.io-client the JSON parser
 * under that name (it exports the same `protocol`, `PacketType`, `Encoder` and `Decoder`).
 *
 * The JSON parser brings its own emitter (component-emitter), which socket.io-client's emitter
 * repeats almost line for line: handing it socket.io-client's instead, through a CommonJS shim,
 * weighed 0.06 KB more in the chunk than gzip's dictionary makes of the repeat.
 */
export function jsonParser(): Plugin {
  return {
    name: 'helpdock:json-parser',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === 'socket.io-parser' && importer && /[\\/]socket\.io-client[\\/]/.test(importer)) return this.resolve('socket.io-json-parser', import.meta.filename);
      return null;
    },
  };
}
