import type { Plugin } from 'vite';

const EMITTER = '\0helpdock:json-parser-emitter';

/**
 * Our server and clients speak socket.io's JSON parser (socket.io-json-parser, passed as `parser`
 * by the socket channel). socket.io-client still imports its default parser by name, so every
 * bundle would carry both (about 1 KB min+gzip): this build gives socket.io-client the JSON parser
 * under that name (it exports the same `protocol`, `PacketType`, `Encoder` and `Decoder`), and gives
 * the JSON parser socket.io-client's own emitter for the old one it requires.
 */
export function jsonParser(): Plugin {
  let emitter = '';
  return {
    name: 'helpdock:json-parser',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (!importer) return null;
      if (source === 'socket.io-parser' && /[\\/]socket\.io-client[\\/]/.test(importer)) {
        emitter = (await this.resolve('@socket.io/component-emitter', importer))?.id ?? '';
        return this.resolve('socket.io-json-parser', import.meta.filename);
      }
      if (source === 'component-emitter' && emitter && /[\\/]socket\.io-json-parser[\\/]/.test(importer)) return EMITTER;
      return null;
    },
    load(id) {
      // The JSON parser mixes the emitter into its Decoder (`Emitter(Decoder.prototype)`), as socket.io's own one does.
      return id === EMITTER ? `module.exports = require(${JSON.stringify(emitter)}).Emitter;` : null;
    },
  };
}
