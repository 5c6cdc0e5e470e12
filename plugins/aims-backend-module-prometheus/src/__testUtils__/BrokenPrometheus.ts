import { createServer, IncomingMessage, Server } from 'node:http';

/** How the stand-in answers `/api/v1/query`. */
export type Behaviour =
  | { kind: 'json'; status: number; body: unknown }
  | { kind: 'text'; status: number; body: string }
  | { kind: 'hang' };

/**
 * An HTTP server on loopback standing in for a Prometheus that misbehaves (HTTP errors, proxy
 * pages, silence), which a real Prometheus cannot be made to do on demand. It records requests.
 */
export class BrokenPrometheus {
  behaviour: Behaviour = { kind: 'hang' };
  readonly requests: Array<{
    method: string;
    path: string;
    headers: IncomingMessage['headers'];
    form: Record<string, string>;
  }> = [];
  private server?: Server;
  url = '';

  async start() {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', c => (body += c));
      req.on('end', () => {
        this.requests.push({
          method: req.method ?? '',
          path: req.url ?? '',
          headers: req.headers,
          form: Object.fromEntries(new URLSearchParams(body)),
        });
        const b = this.behaviour;
        if (b.kind === 'hang') return; // never answers
        res.statusCode = b.status;
        if (b.kind === 'json') {
          res.setHeader('Content-Type', 'application/json');
          res.end(JSON.stringify(b.body));
        } else {
          res.setHeader('Content-Type', 'text/html');
          res.end(b.body);
        }
      });
    });
    await new Promise<void>(r => this.server!.listen(0, '127.0.0.1', r));
    const { port } = this.server.address() as { port: number };
    this.url = `http://127.0.0.1:${port}`;
  }

  async stop() {
    this.server?.closeAllConnections();
    await new Promise(r => this.server?.close(r));
  }
}
