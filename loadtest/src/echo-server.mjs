// A bare socket.io server with the same shape of traffic as Helpdock — a visitor
// sends, the server acknowledges and broadcasts to the room its agent is in —
// and none of the work (no validation, no store): the ceiling to compare with.
import { createServer } from 'node:http';
import { Server } from 'socket.io';
import * as jsonParser from 'socket.io-json-parser';

const port = Number(process.env.PORT ?? 0);
const http = createServer((req, res) => {
  if (req.url === '/healthz') return res.end('{"ok":true}');
  res.statusCode = 404;
  res.end();
});
const io = new Server(http, { serveClient: false, parser: jsonParser });
io.of('/visitor').on('connection', (socket) => {
  socket.on('join', (room, ack) => {
    socket.join(room);
    ack?.({ ok: true });
  });
  socket.on('message:send', (msg, ack) => {
    const message = { ...msg, seq: 0, id: msg.clientId };
    ack?.({ ok: true, message });
    io.of('/agent').to(msg.conversationId).emit('message', message);
  });
});
io.of('/agent').on('connection', (socket) => {
  socket.on('ticket:open', ({ ticketId }, ack) => {
    socket.join(ticketId);
    ack?.({ ok: true, messages: [] });
  });
});
http.listen(port, '127.0.0.1', () => console.log(`echo server on ${http.address().port}`));
process.on('SIGTERM', () => io.close(() => process.exit(0)));
