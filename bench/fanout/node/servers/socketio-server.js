// The peer: a socket.io server as one would write it. Clients join the room named in the handshake query
// (?group=office:1); POST /broadcast?group=office:1 parses the posted change JSON and emits it to the room as
// 'QueueChanged' — socket.io encodes the packet once per broadcast, as SignalR serializes once per protocol.
'use strict';
const http = require('http');
const { Server } = require('socket.io');

const port = Number(process.argv[2]);
const server = http.createServer();
const io = new Server(server, { serveClient: false, transports: ['websocket'], perMessageDeflate: false });
io.on('connection', (socket) => socket.join(String(socket.handshake.query.group || 'office:1')));
server.on('request', (req, res) => {
  const url = new URL(req.url, 'http://x');
  if (req.method !== 'POST' || url.pathname !== '/broadcast') return; // socket.io answers its own paths
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    io.to(url.searchParams.get('group') || 'office:1').emit('QueueChanged', JSON.parse(Buffer.concat(chunks).toString('utf8')));
    res.writeHead(204).end();
  });
});
server.listen(port, '127.0.0.1', () => console.log(`READY pid=${process.pid} server=socket.io port=${port}`));
process.on('SIGTERM', () => process.exit(0));
