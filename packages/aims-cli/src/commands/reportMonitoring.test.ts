/*
 * End to end through a real HTTP server on loopback that checks each request as the backend
 * would receive it and answers like the contract (the backend's monitoring routes are tested
 * in plugins/aims-backend; this checks what the CLI sends and how it reads the answers).
 */
import fs from 'fs';
import http from 'http';
import os from 'os';
import path from 'path';
import { AddressInfo } from 'net';
import { spawn } from 'child_process';
import { main } from '../main';

interface Recorded {
  method?: string;
  url?: string;
  headers: http.IncomingHttpHeaders;
  body: any;
}

type Answer = (req: Recorded) => { status: number; body: unknown };

/** Answers like the contract: every result stored once (by its key), breaches below 0.85. */
function contractAnswer(): Answer {
  const seen = new Set<string>();
  const judge = (report: any) => {
    let stored = 0;
    let duplicates = 0;
    let breaches = 0;
    for (const r of report.results) {
      const key = [
        report.entityRef,
        report.environment,
        r.metric,
        r.slice ?? 'all',
        r.window ?? '',
        r.observedAt,
      ].join('|');
      if (seen.has(key)) duplicates++;
      else {
        seen.add(key);
        stored++;
        if (r.metric === 'auc' && r.value < 0.85) breaches++;
      }
    }
    return {
      entityRef: report.entityRef,
      environment: report.environment,
      stored,
      duplicates,
      breaches,
    };
  };
  return req => {
    if (req.url === '/api/aims/monitoring/results')
      return { status: 200, body: judge(req.body) };
    return {
      status: 200,
      body: {
        results: req.body.reports.map((report: any, index: number) =>
          report.entityRef.includes('unknown')
            ? {
                index,
                status: 404,
                error: {
                  error: {
                    name: 'NotFoundError',
                    message: `${report.entityRef} is not in the catalog`,
                  },
                  request: {},
                  response: { statusCode: 404 },
                },
              }
            : { index, status: 200, result: judge(report) },
        ),
      },
    };
  };
}

async function startServer() {
  const requests: Recorded[] = [];
  let answer: Answer = contractAnswer();
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', chunk => {
      body += chunk;
    });
    req.on('end', () => {
      const recorded = {
        method: req.method,
        url: req.url,
        headers: req.headers,
        body: JSON.parse(body),
      };
      requests.push(recorded);
      const { status, body: out } = answer(recorded);
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(typeof out === 'string' ? out : JSON.stringify(out));
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    answer: (a: Answer) => {
      answer = a;
    },
    close: () => new Promise<void>(resolve => server.close(() => resolve())),
  };
}

const NOW = Date.parse('2026-11-20T10:00:00Z');
const day = (n: number) => new Date(NOW - n * 86_400_000).toISOString();

describe('aims report-monitoring', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let dir: string;
  beforeEach(async () => {
    server = await startServer();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aims-monitoring-'));
  });
  afterEach(async () => {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const write = (name: string, text: string) => {
    fs.writeFileSync(path.join(dir, name), text);
    return name;
  };
  const run = async (
    args: string[],
    options: { env?: Record<string, string>; stdin?: string } = {},
  ) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(['report-monitoring', ...args], {
      out: l => out.push(l),
      err: l => err.push(l),
      cwd: dir,
      env: options.env ?? {},
      now: () => NOW,
      readStdin: async () => options.stdin ?? '',
    });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
  const send = () => ['--url', server.url, '--token', 's3cret'];

  it('sends a CSV as one report with the bearer token and prints the counts', async () => {
    const file = write(
      'evaluation.csv',
      [
        'metric,value,observedAt,slice,window,min',
        `auc,0.91,${day(1)},all,P7D,0.85`,
        `auc,0.82,${day(1)},"eu",P7D,`,
        `psi,0.04,${day(1)},,,`,
      ].join('\n'),
    );
    const args = [
      file,
      ...send(),
      '--entity-ref',
      'fraud-scorer',
      '--environment',
      'production',
    ];
    const first = await run(args);
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(first.out).toBe(
      `aims report-monitoring: 3 result(s) in 1 request(s) to ${server.url}: stored 3, duplicates 0, breaches 1`,
    );
    const [req] = server.requests;
    expect(req.method).toBe('POST');
    expect(req.url).toBe('/api/aims/monitoring/results');
    expect(req.headers.authorization).toBe('Bearer s3cret');
    expect(req.headers['content-type']).toBe('application/json');
    expect(req.body).toEqual({
      entityRef: 'fraud-scorer',
      environment: 'production',
      results: [
        {
          metric: 'auc',
          value: 0.91,
          observedAt: day(1),
          slice: 'all',
          window: 'P7D',
          threshold: { min: 0.85 },
        },
        {
          metric: 'auc',
          value: 0.82,
          observedAt: day(1),
          slice: 'eu',
          window: 'P7D',
        },
        { metric: 'psi', value: 0.04, observedAt: day(1) },
      ],
    });
    // a re-run of the job is safe: everything is a duplicate
    const again = await run(args);
    expect(again.out).toContain('stored 0, duplicates 3, breaches 0');
  });

  it('reads contract JSON from stdin and splits a large batch into reports of 1000 and batches of 100', async () => {
    const reports = Array.from({ length: 150 }, (_, s) => ({
      entityRef: `aisystem:default/system-${s}`,
      environment: 'production',
      results: Array.from({ length: s === 0 ? 2500 : 10 }, (_r, i) => ({
        metric: 'auc',
        value: 0.9,
        observedAt: new Date(NOW - i * 60_000).toISOString(),
      })),
    }));
    const { code, out, err } = await run(['-', ...send()], {
      stdin: JSON.stringify({ reports }),
    });
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toContain(
      '3990 result(s) in 2 request(s) to http://127.0.0.1:',
    );
    expect(out).toContain('stored 3990, duplicates 0, breaches 0');
    expect(server.requests.map(r => r.url)).toEqual([
      '/api/aims/monitoring/results/batch',
      '/api/aims/monitoring/results/batch',
    ]);
    const sent = server.requests.flatMap(r => r.body.reports);
    expect(server.requests.map(r => r.body.reports.length)).toEqual([100, 52]);
    expect(sent.slice(0, 3).map((r: any) => r.results.length)).toEqual([
      1000, 1000, 500,
    ]);
    expect(sent.every((r: any) => r.results.length <= 1000)).toBe(true);
  });

  it('sends a single JSON report to the single endpoint, token and URL from the environment', async () => {
    const file = write(
      'report.json',
      JSON.stringify({
        entityRef: 'aisystem:default/support-assistant',
        environment: 'production',
        results: [
          { metric: 'hallucination_rate', value: 0.03, observedAt: day(0) },
        ],
      }),
    );
    const { code } = await run([file], {
      env: { AIMS_URL: `${server.url}/`, AIMS_INGEST_TOKEN: 'from-env' },
    });
    expect(code).toBe(0);
    expect(server.requests[0].url).toBe('/api/aims/monitoring/results');
    expect(server.requests[0].headers.authorization).toBe('Bearer from-env');
  });

  it('prints each report a batch refused and exits 1, after counting the rest', async () => {
    const file = write(
      'batch.json',
      JSON.stringify({
        reports: ['fraud-scorer', 'unknown-system'].map(name => ({
          entityRef: name,
          environment: 'production',
          results: [{ metric: 'auc', value: 0.8, observedAt: day(2) }],
        })),
      }),
    );
    const { code, out, err } = await run([file, ...send()]);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toContain(
      'reports[1] (unknown-system, production, 1 result(s)) refused: 404 unknown-system is not in the catalog',
    );
    expect(err).toContain(
      'stored 1, duplicates 0, breaches 1; 1 report(s) refused',
    );
  });

  it.each([
    [
      400,
      { error: { name: 'InputError', message: 'results[0].metric: bad' } },
      'results[0].metric: bad',
    ],
    [401, { error: { message: 'Missing credentials' } }, 'Missing credentials'],
    [
      413,
      { error: { message: 'Request body too large' } },
      'Request body too large',
    ],
    [500, 'upstream exploded', 'upstream exploded'],
  ])(
    'a %s answer exits 1 with the server message',
    async (status, body, expected) => {
      server.answer(() => ({ status, body }));
      const file = write(
        'r.csv',
        `metric,value,observedAt\nauc,0.9,${day(1)}\n`,
      );
      const { code, out, err } = await run([
        file,
        ...send(),
        '--entity-ref',
        'fraud-scorer',
        '--environment',
        'production',
      ]);
      expect(code).toBe(1);
      expect(out).toBe('');
      expect(err).toContain(
        `${server.url}/api/aims/monitoring/results answered ${status}`,
      );
      expect(err).toContain(expected);
    },
  );

  it('prints every problem naming line and field, exits 1 and sends nothing', async () => {
    const file = write(
      'bad.csv',
      [
        'metric,value,observedAt',
        `auc,0.9x,${day(1)}`,
        `auc,0.9,2026-11-19`,
        `Bad Metric,1,${day(1)}`,
      ].join('\n'),
    );
    const args = [
      file,
      ...send(),
      '--entity-ref',
      'fraud-scorer',
      '--environment',
      'production',
    ];
    const { code, err } = await run(args);
    expect(code).toBe(1);
    expect(err.split('\n')).toEqual([
      'aims report-monitoring: bad.csv: line 2, column 2 (value): "0.9x" is not a number (use a dot for decimals: 0.91)',
      'aims report-monitoring: bad.csv: line 3 (observedAt): observedAt must be an ISO 8601 date-time with a timezone',
      'aims report-monitoring: bad.csv: line 4 (metric): metric must match [a-z0-9_.-]+ (at most 100 characters)',
      'aims report-monitoring: 3 problem(s) in bad.csv; nothing sent',
    ]);
    expect(server.requests).toEqual([]);
  });

  it('--dry-run validates and prints the requests without a token', async () => {
    const file = write(
      'r.csv',
      `metric,value,observedAt\n${Array.from(
        { length: 1500 },
        (_, i) => `auc,0.9,${new Date(NOW - i * 1000).toISOString()}`,
      ).join('\n')}\n`,
    );
    const { code, out, err } = await run([
      file,
      '--url',
      server.url,
      '--dry-run',
      '--entity-ref',
      'fraud-scorer',
      '--environment',
      'production',
    ]);
    expect(code).toBe(0);
    expect(out).toBe(
      `POST ${server.url}/api/aims/monitoring/results/batch: 2 report(s), 1500 result(s)`,
    );
    expect(err).toContain('1500 valid result(s) in 1 request(s), nothing sent');
    expect(server.requests).toEqual([]);
  });

  it.each<[string, string[], string]>([
    ['no input', [], 'give the input file, or - to read standard input'],
    ['two inputs', ['a.csv', 'b.csv'], 'give one input, got 2: a.csv b.csv'],
    [
      'a CSV without target',
      ['r.csv', '--entity-ref', 'fraud-scorer'],
      'a CSV input needs --entity-ref and --environment',
    ],
    [
      'JSON with a target',
      ['r.json', '--environment', 'production'],
      '--entity-ref and --environment are for CSV input',
    ],
    [
      'a bad format',
      ['r.csv', '--format', 'xml'],
      '--format must be json or csv',
    ],
    ['an unknown flag', ['r.csv', '--wait'], 'unknown flag --wait'],
  ])('%s exits 2', async (_name, args, message) => {
    write('r.csv', `metric,value,observedAt\nauc,0.9,${day(1)}\n`);
    write('r.json', '{}');
    const { code, err } = await run([...args, '--token', 't']);
    expect(err).toContain(`aims report-monitoring: ${message}`);
    expect(code).toBe(2);
  });

  it('a missing token exits 2; an unreadable file exits 1', async () => {
    write('r.csv', `metric,value,observedAt\nauc,0.9,${day(1)}\n`);
    const target = ['--entity-ref', 'x', '--environment', 'production'];
    const noToken = await run(['r.csv', ...target]);
    expect(server.requests).toEqual([]);
    expect(noToken.code).toBe(2);
    expect(noToken.err).toContain(
      '--token is required (or set AIMS_INGEST_TOKEN)',
    );
    const missing = await run(['nope.csv', ...target, '--token', 't']);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('cannot read nope.csv');
  });

  it('an unreachable server exits 1', async () => {
    const url = server.url;
    await server.close();
    write('r.csv', `metric,value,observedAt\nauc,0.9,${day(1)}\n`);
    const { code, err } = await run([
      'r.csv',
      '--url',
      url,
      '--token',
      't',
      '--entity-ref',
      'x',
      '--environment',
      'production',
    ]);
    expect(code).toBe(1);
    expect(err).toContain(`could not reach ${url}/api/aims/monitoring/results`);
    server = await startServer(); // for afterEach
  });

  it('works as a real process through bin/aims, reading stdin', async () => {
    const bin = path.resolve(__dirname, '../../bin/aims');
    const child = spawn(
      process.execPath,
      [
        bin,
        'report-monitoring',
        '-',
        '--format',
        'csv',
        '--entity-ref',
        'fraud-scorer',
        '--environment',
        'production',
      ],
      {
        env: { ...process.env, AIMS_URL: server.url, AIMS_INGEST_TOKEN: 'tok' },
      },
    );
    let stdout = '';
    child.stdout.on('data', d => {
      stdout += d;
    });
    child.stdin.end(
      `metric,value,observedAt\nauc,0.8,${new Date().toISOString()}\n`,
    );
    const status = await new Promise<number | null>(resolve =>
      child.on('close', resolve),
    );
    expect(status).toBe(0);
    expect(stdout).toContain('stored 1, duplicates 0, breaches 1');
    expect(server.requests[0].headers.authorization).toBe('Bearer tok');
  }, 30_000);
});
