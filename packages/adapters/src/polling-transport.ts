// engine.io's long-polling transport, and its WebSocket one to upgrade to: loaded only where
// WebSockets do not get through. The "Node" classes are the browser ones in a browser build
// (the package's "browser" field maps them), and work in Node too; the script-tag build gives
// the polling code a chunk of its own.
export { NodeXHR as XHR, NodeWebSocket as WS } from 'socket.io-client';
