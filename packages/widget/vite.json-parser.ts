import type { Plugin } from 'vite';

/**
 * Our server and clients speak socket.io's JSON parser (socket.io-json-parser, passed as `parser`
 * by the socket channel). socket.io-client still imports its default parser by name, so every
 * bundle would carry both (about 1 KB min+gzip): this build gives socket.io-client the JSON parser
 * under that name (it exports the same `protocol`, `PacketType`, `Encoder` and `Decoder`).
 *
 * The JSON parser is CommonJS with an emitter of its own (component-emitter, which socket.io-client's
 * repeats almost line for line). As CommonJS it needs the bundler's interop helpers, a file of their
 * own on the way to an agent: this build reads it as the ES module it nearly is, on socket.io-client's
 * emitter. Its few CommonJS lines are named exactly; a version that changes them fails the build
 * instead of shipping half converted.
 */
export function jsonParser(): Plugin {
  let emitter = '';
  return {
    name: 'helpdock:json-parser',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (source === 'socket.io-parser' && importer && /[\\/]socket\.io-client[\\/]/.test(importer)) return this.resolve('socket.io-json-parser', import.meta.filename);
      return null;
    },
    async transform(code, id) {
      if (!/[\\/]socket\.io-json-parser[\\/]index\.js$/.test(id)) return null;
      emitter ||= (await this.resolve('@socket.io/component-emitter', (await this.resolve('socket.io-client', import.meta.filename))?.id))?.id ?? '';
      if (!emitter) this.error('socket.io-client’s emitter (@socket.io/component-emitter) cannot be resolved');
      const lines: Array<[string, string]> = [
        ["var Emitter = require('component-emitter');", `import { Emitter } from ${JSON.stringify(emitter)};`],
        ['exports.protocol = 5;', 'export const protocol = 5;'],
        ['var PacketType = (exports.PacketType = {', 'export var PacketType = ({'],
        ['exports.Encoder = Encoder;', 'export { Encoder };'],
        ['exports.Decoder = Decoder;', 'export { Decoder };'],
      ];
      let out = code;
      for (const [from, to] of lines) {
        if (!out.includes(from)) this.error(`socket.io-json-parser changed: "${from}" is not in ${id}`);
        out = out.replace(from, to);
      }
      if (/\b(require\(|exports\.|module\.exports)/.test(out)) this.error(`socket.io-json-parser changed: CommonJS left in ${id}`);
      return { code: out, map: null };
    },
  };
}
