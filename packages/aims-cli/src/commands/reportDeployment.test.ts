import http from 'http';
import { AddressInfo } from 'net';
import path from 'path';
import { spawn } from 'child_process';
import { main } from '../main';
import { parseAISystemFlag, parseModelFlag } from './reportDeployment';

interface Recorded {
  method?: string;
  url?: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A real HTTP server on 127.0.0.1 (random port) that records requests and answers as told. */
async function startServer() {
  const requests: Recorded[] = [];
  let answer = {
    status: 202,
    body: '{"id":"gh-run-8812-1","status":"accepted"}',
  };
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', chunk => {
      body += chunk;
    });
    req.on('end', () => {
      requests.push({
        method: req.method,
        url: req.url,
        headers: req.headers,
        body,
      });
      res.writeHead(answer.status, { 'Content-Type': 'application/json' });
      res.end(answer.body);
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    answer: (status: number, body: string) => {
      answer = { status, body };
    },
    close: () => new Promise<void>(resolve => server.close(() => resolve())),
  };
}

const NOW = Date.parse('2026-11-20T10:00:00Z');

describe('aims report-deployment', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  beforeEach(async () => {
    server = await startServer();
  });
  afterEach(() => server.close());

  const run = async (
    args: string[],
    env: Record<string, string | undefined> = {},
  ) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(['report-deployment', ...args], {
      out: l => out.push(l),
      err: l => err.push(l),
      cwd: process.cwd(),
      env,
      now: () => NOW,
    });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
  const base = () => [
    '--url',
    server.url,
    '--token',
    's3cret',
    '--id',
    'gh-run-8812-1',
    '--component',
    'component:default/payments-api',
    '--environment',
    'production',
  ];

  it('POSTs the contract JSON with the bearer token and prints the answer', async () => {
    const { code, out, err } = await run([
      ...base(),
      '--deployed-at',
      '2026-11-20T09:58:00Z',
      '--ai-system',
      'aisystem:default/fraud-scorer@fraud-xgb:3.3.0',
      '--ai-system=reply-drafter',
      '--model',
      'openai/gpt-4o',
      '--model',
      'anthropic/claude-sonnet@2025-01',
    ]);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(server.requests).toHaveLength(1);
    const [req] = server.requests;
    expect(req.method).toBe('POST');
    expect(req.url).toBe('/api/aims/deployments');
    expect(req.headers.authorization).toBe('Bearer s3cret');
    expect(req.headers['content-type']).toBe('application/json');
    expect(JSON.parse(req.body)).toEqual({
      id: 'gh-run-8812-1',
      component: 'component:default/payments-api',
      environment: 'production',
      deployedAt: '2026-11-20T09:58:00Z',
      aiSystems: [
        {
          ref: 'aisystem:default/fraud-scorer',
          model: 'fraud-xgb',
          version: '3.3.0',
        },
        { ref: 'reply-drafter' },
      ],
      models: [
        { provider: 'openai', name: 'gpt-4o' },
        { provider: 'anthropic', name: 'claude-sonnet', version: '2025-01' },
      ],
    });
    expect(out).toContain('202 Accepted');
    expect(out).toContain('"status": "accepted"');
  });

  it('takes URL and token from AIMS_URL and AIMS_INGEST_TOKEN, and deployedAt defaults to now', async () => {
    const { code } = await run(
      [
        '--id',
        'gl-1',
        '--component',
        'payments-api',
        '--environment',
        'staging',
      ],
      { AIMS_URL: `${server.url}/`, AIMS_INGEST_TOKEN: 'from-env' },
    );
    expect(code).toBe(0);
    const [req] = server.requests;
    expect(req.url).toBe('/api/aims/deployments');
    expect(req.headers.authorization).toBe('Bearer from-env');
    expect(JSON.parse(req.body)).toEqual({
      id: 'gl-1',
      component: 'payments-api',
      environment: 'staging',
      deployedAt: new Date(NOW).toISOString(),
      aiSystems: [],
      models: [],
    });
  });

  it('with --wait asks the server to reconcile first and prints the findings it answers', async () => {
    server.answer(
      202,
      '{"id":"gl-2","duplicate":false,"reconcile":"done","findings":[{"type":"version-mismatch"}]}',
    );
    const { code, out } = await run(
      [
        '--id',
        'gl-2',
        '--component',
        'payments-api',
        '--environment',
        'staging',
        '--wait',
      ],
      { AIMS_URL: server.url, AIMS_INGEST_TOKEN: 'from-env' },
    );
    expect(code).toBe(0);
    expect(server.requests[0].url).toBe('/api/aims/deployments?wait=true');
    expect(out).toContain('"type": "version-mismatch"');
    const { code: usage, err } = await run(['--id', 'x', '--wait=yes'], {
      AIMS_INGEST_TOKEN: 't',
    });
    expect(usage).toBe(2);
    expect(err).toContain('--wait takes no value');
  });

  it.each([
    [
      400,
      '{"error":{"name":"InputError","message":"aiSystems[0].ref: unknown entity"}}',
      '"message": "aiSystems[0].ref: unknown entity"',
    ],
    [401, '{"error":{"message":"Missing credentials"}}', 'Missing credentials'],
    [
      404,
      '{"error":{"message":"component:default/payments-api not found"}}',
      'component:default/payments-api not found',
    ],
    [500, 'upstream exploded', 'upstream exploded'],
    [503, '', '503 Service Unavailable'],
  ])(
    'a %s answer exits 1 and prints status and body',
    async (status, body, expected) => {
      server.answer(status, body);
      const { code, out, err } = await run(base());
      expect(code).toBe(1);
      expect(out).toBe('');
      expect(err).toContain(`answered ${status}`);
      expect(err).toContain(`${server.url}/api/aims/deployments`);
      expect(err).toContain(expected);
    },
  );

  it('an unreachable server exits 1', async () => {
    const url = server.url;
    await server.close();
    const { code, err } = await run([
      '--url',
      url,
      '--token',
      't',
      '--id',
      'a',
      '--component',
      'x',
      '--environment',
      'dev',
    ]);
    expect(code).toBe(1);
    expect(err).toContain(`could not reach ${url}/api/aims/deployments`);
    server = await startServer(); // for afterEach
  });

  it('--dry-run prints the JSON and sends nothing (no token needed)', async () => {
    const { code, out, err } = await run([
      '--url',
      server.url,
      '--id',
      'a',
      '--component',
      'x',
      '--environment',
      'dev',
      '--ai-system',
      's@:1.0',
      '--dry-run',
    ]);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual({
      id: 'a',
      component: 'x',
      environment: 'dev',
      deployedAt: new Date(NOW).toISOString(),
      aiSystems: [{ ref: 's', version: '1.0' }],
      models: [],
    });
    expect(err).toContain('dry run, not sent');
    expect(server.requests).toEqual([]);
  });

  /** Base flags with some values replaced, plus extra arguments. */
  const argsWith = (override: Record<string, string>, extra: string[] = []) => {
    const args = base();
    for (const [flag, value] of Object.entries(override))
      args[args.indexOf(flag) + 1] = value;
    return [...args, ...extra];
  };

  it.each<[string, Record<string, string>, string[], string]>([
    ['an unknown flag', {}, ['--colour', 'red'], 'unknown flag --colour'],
    [
      'a flag without value',
      {},
      ['--deployed-at'],
      '--deployed-at needs a value',
    ],
    [
      'a flag followed by another flag',
      {},
      ['--deployed-at', '--dry-run'],
      '--deployed-at needs a value',
    ],
    ['an empty value', {}, ['--deployed-at='], '--deployed-at needs a value'],
    [
      'a repeated single flag',
      {},
      ['--environment', 'dev'],
      '--environment given more than once',
    ],
    ['a stray argument', {}, ['oops'], 'unexpected argument "oops"'],
    [
      'a bad --ai-system',
      {},
      ['--ai-system', 'fraud-scorer@'],
      '--ai-system must be <ref>[@<model>:<version>], got "fraud-scorer@"',
    ],
    [
      'a bad --model',
      {},
      ['--model', 'gpt-4o'],
      '--model must be <provider>/<name>[@<version>], got "gpt-4o"',
    ],
    [
      'a bad --url',
      { '--url': 'ftp://x' },
      [],
      '--url must be an http(s) URL, got "ftp://x"',
    ],
    [
      'an invalid id',
      { '--id': 'has space' },
      [],
      'id must be 1-200 characters of A-Z a-z 0-9 . _ : - (--id)',
    ],
    [
      'a component of another kind',
      { '--component': 'api:payments' },
      [],
      'component must be an entity ref of kind Component (component:namespace/name) (--component)',
    ],
    [
      'an environment that is no slug',
      { '--environment': 'Prod' },
      [],
      'environment must be a slug: lower-case letters, digits and single hyphens, at most 63 characters (--environment)',
    ],
    [
      'a time without timezone',
      {},
      ['--deployed-at', '2026-11-20T10:00:00'],
      'deployedAt must be an ISO-8601 date-time with a timezone (2026-11-20T10:00:00Z) (--deployed-at)',
    ],
    [
      'a time in the future',
      {},
      ['--deployed-at', '2026-11-20T10:06:00Z'],
      'deployedAt must not be more than 5 minutes in the future (--deployed-at)',
    ],
    [
      'an AI system of another kind',
      {},
      ['--ai-system', 'x', '--ai-system', 'component:y'],
      'aiSystems[1].ref must be an entity ref of kind AISystem (--ai-system)',
    ],
  ])('%s exits 2 naming the flag', async (_name, override, extra, message) => {
    const { code, err } = await run(argsWith(override, extra));
    expect(err).toContain(`aims report-deployment: ${message}`);
    expect(code).toBe(2);
    expect(server.requests).toEqual([]);
  });

  it('missing required flags and token exit 2', async () => {
    const missing = await run(['--url', server.url, '--token', 't']);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('id is required (--id)');
    expect(missing.err).toContain('component is required (--component)');
    expect(missing.err).toContain('environment is required (--environment)');
    const noToken = await run([
      '--url',
      server.url,
      '--id',
      'a',
      '--component',
      'x',
      '--environment',
      'dev',
    ]);
    expect(noToken.code).toBe(2);
    expect(noToken.err).toContain(
      '--token is required (or set AIMS_INGEST_TOKEN)',
    );
    expect(server.requests).toEqual([]);
  });

  it('--help prints the usage', async () => {
    const { code, out } = await run(['--help']);
    expect(code).toBe(0);
    expect(out).toContain('--ai-system <ref>[@<model>:<version>]');
  });

  it('works as a real process through bin/aims', async () => {
    const bin = path.resolve(__dirname, '../../bin/aims');
    const child = spawn(
      process.execPath,
      [
        bin,
        'report-deployment',
        '--id',
        'p-1',
        '--component',
        'payments-api',
        '--environment',
        'production',
        '--ai-system',
        'fraud-scorer@fraud-xgb:3.3.0',
      ],
      {
        env: { ...process.env, AIMS_URL: server.url, AIMS_INGEST_TOKEN: 'tok' },
      },
    );
    let stdout = '';
    child.stdout.on('data', d => {
      stdout += d;
    });
    const status = await new Promise<number | null>(resolve =>
      child.on('close', resolve),
    );
    expect(status).toBe(0);
    expect(stdout).toContain('p-1 sent to');
    expect(server.requests[0].headers.authorization).toBe('Bearer tok');
    server.answer(422, '{"error":{"message":"nope"}}');
    const failing = spawn(
      process.execPath,
      [
        bin,
        'report-deployment',
        '--id',
        'p-2',
        '--component',
        'x',
        '--environment',
        'dev',
      ],
      {
        env: { ...process.env, AIMS_URL: server.url, AIMS_INGEST_TOKEN: 'tok' },
      },
    );
    expect(
      await new Promise<number | null>(resolve => failing.on('close', resolve)),
    ).toBe(1);
  }, 30_000);
});

describe('flag values', () => {
  it.each([
    ['aisystem:default/fraud-scorer', { ref: 'aisystem:default/fraud-scorer' }],
    [
      'fraud-scorer@fraud-xgb:3.3.0',
      { ref: 'fraud-scorer', model: 'fraud-xgb', version: '3.3.0' },
    ],
    ['fraud-scorer@fraud-xgb', { ref: 'fraud-scorer', model: 'fraud-xgb' }],
    ['fraud-scorer@:3.3.0', { ref: 'fraud-scorer', version: '3.3.0' }],
    [
      'chat@ft:gpt-4o:acme:2024',
      { ref: 'chat', model: 'ft:gpt-4o:acme', version: '2024' },
    ],
  ])('--ai-system %s', (value, expected) => {
    expect(parseAISystemFlag(value)).toEqual(expected);
  });

  it.each([
    ['openai/gpt-4o', { provider: 'openai', name: 'gpt-4o' }],
    [
      'openai/gpt-4o@2024-08-06',
      { provider: 'openai', name: 'gpt-4o', version: '2024-08-06' },
    ],
    [
      'huggingface/meta-llama/Llama-3-8B@main',
      {
        provider: 'huggingface',
        name: 'meta-llama/Llama-3-8B',
        version: 'main',
      },
    ],
  ])('--model %s', (value, expected) => {
    expect(parseModelFlag(value)).toEqual(expected);
  });
});
