import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The prometheus binary (PROMETHEUS_PATH, Debian's /usr/bin/prometheus, or on PATH), if any. */
export function findPrometheus(): string | undefined {
  const candidates = [process.env.PROMETHEUS_PATH, '/usr/bin/prometheus'];
  for (const c of candidates) if (c && existsSync(c)) return c;
  const which = spawnSync('sh', ['-c', 'command -v prometheus'], {
    encoding: 'utf8',
  });
  const found = which.stdout?.trim();
  return found || undefined;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface ScrapeTarget {
  job: string;
  /** host:port */
  address: string;
}

/**
 * A real Prometheus server for tests: Debian's binary on a free loopback port, with its own
 * config and TSDB in a temp dir, scraping the given targets every second.
 */
export class PrometheusServer {
  private child?: ChildProcess;
  private dir?: string;
  private output = '';
  port = 0;

  constructor(
    private readonly binary: string,
    private readonly targets: ScrapeTarget[],
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.dir = mkdtempSync(join(tmpdir(), 'aims-prometheus-'));
    const config = [
      'global:',
      '  scrape_interval: 1s',
      '  evaluation_interval: 1s',
      'scrape_configs:',
      ...this.targets.flatMap(t => [
        `  - job_name: ${JSON.stringify(t.job)}`,
        '    scrape_interval: 1s',
        '    static_configs:',
        `      - targets: [${JSON.stringify(t.address)}]`,
      ]),
    ].join('\n');
    writeFileSync(join(this.dir, 'prometheus.yml'), `${config}\n`);
    this.port = await freePort();
    const child = spawn(
      this.binary,
      [
        `--config.file=${join(this.dir, 'prometheus.yml')}`,
        `--storage.tsdb.path=${join(this.dir, 'data')}`,
        `--web.listen-address=127.0.0.1:${this.port}`,
        '--log.level=warn',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    this.child = child;
    const keep = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString()).slice(-4000);
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    const exited = new Promise<never>((_, reject) =>
      child.once('exit', code =>
        reject(
          new Error(
            `prometheus exited (code ${code}) before it was ready:\n${this.output}`,
          ),
        ),
      ),
    );
    exited.catch(() => {});
    await Promise.race([
      this.waitUntil(
        async () => {
          const res = await fetch(`${this.url}/-/ready`);
          return res.ok;
        },
        'Prometheus to answer /-/ready',
        30_000,
      ),
      exited,
    ]);
  }

  /** Polls until `check` holds; fails with `what` and Prometheus' log after `timeoutMs`. */
  async waitUntil(
    check: () => Promise<boolean>,
    what: string,
    timeoutMs = 60_000,
  ): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let lastError = '';
    while (Date.now() < deadline) {
      try {
        if (await check()) return;
      } catch (e) {
        lastError = (e as Error).message;
      }
      await new Promise(r => setTimeout(r, 250));
    }
    throw new Error(
      `Timed out after ${timeoutMs} ms waiting for ${what}${
        lastError ? ` (last error: ${lastError})` : ''
      }; prometheus log:\n${this.output}`,
    );
  }

  /** The series of an instant query (for waiting on scrapes). */
  async series(query: string): Promise<Array<Record<string, string>>> {
    const res = await fetch(
      `${this.url}/api/v1/query?query=${encodeURIComponent(query)}`,
    );
    const body = await res.json();
    if (body.status !== 'success') throw new Error(JSON.stringify(body));
    return body.data.result.map(
      (r: { metric: Record<string, string> }) => r.metric,
    );
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise(r => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
    this.dir = undefined;
  }
}
