// Baseline: node:http answering /livez with the same body and content-type as Rapport, nothing else.
import { createServer } from 'node:http';
import { announceReady, exitOnSigterm } from './ready';

const body = JSON.stringify({ status: 'ok' });
const headers = { 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(body)) };

const server = createServer((request, response) => {
  if (request.url === '/livez') {
    response.writeHead(200, headers);
    response.end(body);
    return;
  }
  response.writeHead(404, headers);
  response.end('{"error":{"code":"NOT_FOUND","message":"There is nothing at this address."}}');
});

server.listen(0, '127.0.0.1', () => announceReady(server));
exitOnSigterm(
  () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
);
