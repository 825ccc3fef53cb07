// socket.io-json-parser ships no types. It is what socket.io's `parser` option takes (typed `any` there):
// socket.io's protocol 5, each packet one JSON text, no binary attachments.
declare module 'socket.io-json-parser' {
  export const protocol: number;
  export const Encoder: new () => { encode(packet: unknown): string[] };
  export const Decoder: new () => { add(chunk: unknown): void; destroy(): void };
}
