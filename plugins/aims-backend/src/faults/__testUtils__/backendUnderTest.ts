/*
 * Starts and kills the backend process of the fault-injection tests (backendProcess.ts) and
 * talks to it over HTTP. Test code only.
 */
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { ChildProcess, spawn } from 'child_process';
import net from 'net';
import { FAULTS_ENTITY_COUNT } from './faultsCatalog';

/** The static external-access tokens the backend accepts (as app-config.yaml configures one). */
export const INGEST_TOKEN = 'faults-ingest-token-0123456789abcdef';
/**
 * Reads: the catalog (to tell when the backend is ready) and the AIMS API, which checks what
 * the caller may see in the catalog (the ingest token, restricted to aims, only writes).
 */
export const PROBE_TOKEN = 'faults-probe-token-0123456789abcdef';

/** A free loopback port (free a moment ago). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Calls `fn` every `intervalMs` until it returns something other than undefined. */
export async function poll<T>(
  fn: () => Promise<T | undefined>,
  what: string,
  { timeoutMs = 60_000, intervalMs = 100 } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await fn();
      if (value !== undefined) return value;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline)
      throw new Error(
        `timed out after ${timeoutMs / 1000} s waiting for ${what}${
          last ? `: ${last}` : ''
        }`,
      );
    await new Promise(r => setTimeout(r, intervalMs));
  }
}

export interface HttpAnswer {
  /** 0 when no answer came (the process died, the connection was refused or reset). */
  status: number;
  body: any;
  text: string;
}

/** The backend process: its config, its output (for failures) and HTTP helpers. */
export class BackendUnderTest {
  private readonly output: string[] = [];
  private exited?: Promise<void>;
  private child?: ChildProcess;

  constructor(private readonly config: object, readonly port: number) {}

  get baseUrl() {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The last lines the process printed (shown when a test fails). */
  logs(lines = 40) {
    return this.output.join('').split('\n').slice(-lines).join('\n');
  }

  /** Spawns the process and waits until the AIMS API answers and the catalog has every entity. */
  async start() {
    const child = spawn(
      process.execPath,
      [
        '-r',
        require.resolve('@backstage/cli/config/nodeTransform.cjs'),
        resolvePackagePath(
          '@aims-backstage/backstage-plugin-aims-backend',
          'src/faults/__testUtils__/backendProcess.ts',
        ),
      ],
      {
        env: {
          ...process.env,
          AIMS_FAULTS_CONFIG: JSON.stringify(this.config),
          // as deployed (under jest it is "test", which turns the scheduler's clean-up off)
          NODE_ENV: 'production',
          LOG_LEVEL: process.env.AIMS_FAULTS_LOG_LEVEL ?? 'warn',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    this.child = child;
    child.stdout!.on('data', d => this.output.push(String(d)));
    child.stderr!.on('data', d => this.output.push(String(d)));
    this.exited = new Promise(resolve => child.once('exit', () => resolve()));
    let state = 'no answer yet';
    try {
      await poll(
        async () => {
          if (child.exitCode !== null)
            throw new Error(`the backend exited (${child.exitCode})`);
          const sources = await this.get('/api/aims/sources');
          state = `GET /api/aims/sources: ${
            sources.status
          } ${sources.text.slice(0, 300)}`;
          if (sources.status !== 200) return undefined;
          const catalog = await this.request(
            'GET',
            '/api/catalog/entities/by-query?filter=kind=user&filter=kind=aisystem&filter=kind=component&limit=200',
            undefined,
            PROBE_TOKEN,
          );
          const items: any[] = catalog.body?.items ?? [];
          state = `the catalog holds ${items.length} of ${FAULTS_ENTITY_COUNT} entities`;
          return items.length === FAULTS_ENTITY_COUNT &&
            items.every(e => e.relations?.length)
            ? true
            : undefined;
        },
        'the backend to start and its catalog to hold every test entity',
        { timeoutMs: 60_000, intervalMs: 200 },
      );
    } catch (e) {
      throw new Error(`${(e as Error).message} (${state})\n${this.logs()}`);
    }
  }

  /** Started and not killed (nor exited). */
  get alive() {
    return !!this.child && this.child.exitCode === null && !this.child.killed;
  }

  /** SIGKILL: no shutdown hook runs, nothing in flight is finished. */
  async kill() {
    if (this.child && this.child.exitCode === null && !this.child.killed)
      this.child.kill('SIGKILL');
    await this.exited;
  }

  async request(
    method: string,
    url: string,
    body?: unknown,
    token = INGEST_TOKEN,
  ): Promise<HttpAnswer> {
    try {
      const res = await fetch(`${this.baseUrl}${url}`, {
        method,
        headers: {
          Authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
      return { status: res.status, body: json, text };
    } catch {
      return { status: 0, body: undefined, text: '' };
    }
  }

  get(url: string) {
    return this.request('GET', url, undefined, PROBE_TOKEN);
  }

  post(url: string, body: unknown) {
    return this.request('POST', url, body);
  }
}

/**
 * Sends `items` with `concurrency` in flight; `onAnswer` sees each answer as it comes (a test
 * kills the backend from there). Resolves to each item's answer, in item order.
 */
export async function burst<T>(
  items: readonly T[],
  concurrency: number,
  send: (item: T) => Promise<HttpAnswer>,
  onAnswer: (answer: HttpAnswer, item: T) => void = () => {},
): Promise<HttpAnswer[]> {
  const answers: HttpAnswer[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (;;) {
        const i = next++;
        if (i >= items.length) return;
        answers[i] = await send(items[i]);
        onAnswer(answers[i], items[i]);
      }
    }),
  );
  return answers;
}
