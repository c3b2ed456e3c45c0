// Starts the built web app, as `next start` would, and tells it each request's peer address,
// which Next.js does not pass to src/proxy.ts: whatever a browser sent under that header name is
// overwritten. An /api/ body larger than the API takes is refused here, before Next.js buffers
// it (oversized-body.mjs).
// Usage: node server.mjs [--port 3000] [--hostname 127.0.0.1] (default: every address)
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import next from 'next';
import { isOversizedApiRequest, refuseOversizedBody } from './oversized-body.mjs';

const { values } = parseArgs({
  options: { port: { type: 'string', default: '3000' }, hostname: { type: 'string' } },
});
const port = Number(values.port);
const app = next({ dev: false, dir: import.meta.dirname, hostname: values.hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((request, response) => {
  request.headers['x-enkat-peer-address'] = request.socket.remoteAddress ?? '';
  if (isOversizedApiRequest(request)) return refuseOversizedBody(request, response);
  void handle(request, response);
});
server.listen(port, values.hostname, () => {
  process.stdout.write(`web: listening on port ${port}\n`);
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
