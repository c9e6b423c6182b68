// The floor: a bare `ws` server. Clients connect to ws://host:port/?group=office:1 and are kept in that group;
// POST /broadcast?group=office:1 sends the posted bytes (the same change JSON Rantevou sends) to every member as a
// text frame. No protocol, no envelope, no keep-alive: the least a WebSocket broadcast can cost on Node.
'use strict';
const http = require('http');
const { WebSocketServer } = require('ws');

const port = Number(process.argv[2]);
const groups = new Map();
const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  if (req.method !== 'POST' || url.pathname !== '/broadcast') {
    res.writeHead(404).end();
    return;
  }
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks).toString('utf8');
    const members = groups.get(url.searchParams.get('group') || 'office:1');
    if (members) for (const ws of members) ws.send(body);
    res.writeHead(204).end();
  });
});
const wss = new WebSocketServer({ server, perMessageDeflate: false });
wss.on('connection', (ws, req) => {
  const group = new URL(req.url, 'http://x').searchParams.get('group') || 'office:1';
  if (!groups.has(group)) groups.set(group, new Set());
  groups.get(group).add(ws);
  ws.on('close', () => groups.get(group).delete(ws));
  ws.on('error', () => {});
});
server.listen(port, '127.0.0.1', () => console.log(`READY pid=${process.pid} server=ws port=${port}`));
process.on('SIGTERM', () => process.exit(0));
