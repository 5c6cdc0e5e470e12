import {
  chunkMonitoringReports,
  parseCsvRecords,
  parseMonitoringCsv,
  parseMonitoringJson,
  validateInput,
} from './monitoringInput';

const target = {
  entityRef: 'aisystem:default/fraud-scorer',
  environment: 'production',
};
const NOW = new Date('2026-11-20T10:00:00Z');

describe('parseCsvRecords', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, CRLF, and skips blank lines', () => {
    const text =
      'a,b,c\r\n"x, y","say ""hi""",plain\r\n\r\n"two\nlines",,last\n';
    expect(parseCsvRecords(text)).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['x, y', 'say "hi"', 'plain'] },
      { line: 4, fields: ['two\nlines', '', 'last'] },
    ]);
  });

  it('names an unclosed quote and a quote inside a field', () => {
    expect(parseCsvRecords('a,b\n"open,1\n')).toEqual({
      where: 'line 2',
      message: 'a quoted field is not closed',
    });
    expect(parseCsvRecords('a,b\nx,ab"c\n')).toEqual({
      where: 'line 2, column 2',
      message: 'a quote may only open a field ("…")',
    });
  });
});

describe('parseMonitoringCsv', () => {
  it('turns rows into results, optional columns in any order, thresholds from min/max', () => {
    const csv = [
      'observedAt,metric,value,slice,window,min,max',
      '2026-11-19T00:00:00Z,auc,0.91,eu,P7D,0.85,',
      '"2026-11-19T00:00:00Z",psi,"0.04",,,,0.2',
      '2026-11-19T00:00:00Z,approval_rate_ratio,1e0,all,,0.8,1.25',
    ].join('\n');
    const { reports, problems } = parseMonitoringCsv(csv, target);
    expect(problems).toEqual([]);
    expect(reports).toEqual([
      {
        report: {
          ...target,
          results: [
            {
              metric: 'auc',
              value: 0.91,
              observedAt: '2026-11-19T00:00:00Z',
              slice: 'eu',
              window: 'P7D',
              threshold: { min: 0.85 },
            },
            {
              metric: 'psi',
              value: 0.04,
              observedAt: '2026-11-19T00:00:00Z',
              threshold: { max: 0.2 },
            },
            {
              metric: 'approval_rate_ratio',
              value: 1,
              observedAt: '2026-11-19T00:00:00Z',
              slice: 'all',
              threshold: { min: 0.8, max: 1.25 },
            },
          ],
        },
        lines: [2, 3, 4],
      },
    ]);
  });

  it('names line and column of a bad number', () => {
    const csv = [
      'metric,value,observedAt,min',
      'auc,"0,91",2026-11-19T00:00:00Z,',
      'auc,,2026-11-19T00:00:00Z,',
      'auc,0.9,2026-11-19T00:00:00Z,high',
      'auc,NaN,2026-11-19T00:00:00Z,',
    ].join('\n');
    expect(parseMonitoringCsv(csv, target).problems).toEqual([
      {
        where: 'line 2, column 2 (value)',
        message: '"0,91" is not a number (use a dot for decimals: 0.91)',
      },
      {
        where: 'line 3, column 2 (value)',
        message: 'is empty; a number is required',
      },
      {
        where: 'line 4, column 4 (min)',
        message: '"high" is not a number (use a dot for decimals: 0.91)',
      },
      {
        where: 'line 5, column 2 (value)',
        message: '"NaN" is not a number (use a dot for decimals: 0.91)',
      },
    ]);
  });

  it('names header problems and rows with the wrong number of fields', () => {
    expect(
      parseMonitoringCsv('metric,value,when,verdict\n', target).problems,
    ).toEqual([
      {
        where: 'line 1, column 3',
        message: expect.stringContaining('unknown column "when"'),
      },
      {
        where: 'line 1, column 4',
        message: expect.stringContaining('unknown column "verdict"'),
      },
      {
        where: 'line 1',
        message: 'the header has no "observedAt" column',
      },
    ]);
    expect(
      parseMonitoringCsv(
        'metric,value,observedAt\nauc,0.9\n"multi\nline",1,2026-11-19T00:00:00Z,x\n',
        target,
      ).problems,
    ).toEqual([
      { where: 'line 2', message: 'has 2 fields, the header 3' },
      { where: 'line 3', message: 'has 4 fields, the header 3' },
    ]);
    expect(parseMonitoringCsv('', target).problems).toEqual([
      { where: 'line 1', message: 'the CSV is empty' },
    ]);
    expect(
      parseMonitoringCsv('metric,value,observedAt\n', target).problems,
    ).toEqual([
      { where: 'line 2', message: 'the CSV has a header but no results' },
    ]);
  });
});

describe('validateInput', () => {
  it('names CSV problems by line and field, and the flag for the target', () => {
    const csv = [
      'metric,value,observedAt,slice,window',
      'AUC,0.9,2026-11-19T00:00:00Z,all,P7D',
      'auc,0.9,yesterday,all,P7D',
      'auc,0.9,2026-11-21T00:00:00Z,eu west,7 days',
    ].join('\n');
    const { reports } = parseMonitoringCsv(csv, {
      entityRef: 'component:default/payments-api',
      environment: 'prod env',
    });
    expect(validateInput(reports, NOW)).toEqual([
      {
        where: 'entityRef',
        // the validator's own words, then the flag to fix
        message: expect.stringMatching(
          /^entityRef must be an AISystem entity ref.* \(--entity-ref\)$/,
        ),
      },
      {
        where: 'environment',
        message:
          'environment must be an environment name (letters, digits, . _ -) (--environment)',
      },
      {
        where: 'line 2 (metric)',
        message: 'metric must match [a-z0-9_.-]+ (at most 100 characters)',
      },
      {
        where: 'line 3 (observedAt)',
        message: 'observedAt must be an ISO 8601 date-time with a timezone',
      },
      { where: 'line 4 (observedAt)', message: 'observedAt is in the future' },
      {
        where: 'line 4 (slice)',
        message: 'slice must match [A-Za-z0-9_.:-]+ (at most 100 characters)',
      },
      {
        where: 'line 4 (window)',
        message: 'window must be an ISO 8601 duration such as P7D',
      },
    ]);
  });

  it('names JSON problems by their path in a batch, and takes reports of any size', () => {
    const results = Array.from({ length: 2500 }, (_, i) => ({
      metric: 'auc',
      value: 0.9,
      observedAt: new Date(NOW.getTime() - i * 60_000).toISOString(),
    }));
    const { reports, problems } = parseMonitoringJson(
      JSON.stringify({
        reports: [
          { ...target, results },
          {
            entityRef: 'fraud-scorer',
            environment: 'production',
            results: [
              {
                metric: 'auc',
                value: '0.9',
                observedAt: '2026-11-19T00:00:00Z',
                verdict: 'inside',
                threshold: { min: 0.9, max: 0.8 },
              },
            ],
          },
        ],
      }),
    );
    expect(problems).toEqual([]);
    expect(validateInput(reports, NOW).map(p => p.message)).toEqual([
      'reports[1].results[0].verdict is not a known field (a verdict is never taken from a client)',
      'reports[1].results[0].value must be a finite number',
      'reports[1].results[0].threshold min must not be above max',
    ]);
  });

  it('refuses what is not the contract', () => {
    expect(parseMonitoringJson('{"reports": []}').problems).toEqual([
      {
        where: 'reports',
        message: 'must be a non-empty list of monitoring reports',
      },
    ]);
    expect(parseMonitoringJson('{"reports": [{}], "x": 1}').problems).toEqual([
      { where: 'x', message: 'is not a known field of { reports: [...] }' },
    ]);
    expect(parseMonitoringJson('{"entityRef": ').problems[0].where).toBe(
      'JSON',
    );
    const { reports } = parseMonitoringJson('[1, 2]');
    expect(validateInput(reports, NOW)).toEqual([
      { where: 'body', message: 'body must be an object' },
    ]);
  });
});

describe('chunkMonitoringReports', () => {
  const report = (n: number, name = 'fraud-scorer') => ({
    report: {
      entityRef: name,
      environment: 'production',
      results: Array.from({ length: n }, (_, i) => ({
        metric: 'auc',
        value: i,
        observedAt: '2026-11-19T00:00:00Z',
      })),
    },
  });

  it('sends one small report to the single endpoint', () => {
    const [request, ...rest] = chunkMonitoringReports([report(1000)]);
    expect(rest).toEqual([]);
    expect(request.kind).toBe('single');
  });

  it('splits a large report into reports of 1000 results in one batch, keeping order', () => {
    const requests = chunkMonitoringReports([report(2500)]);
    expect(requests).toHaveLength(1);
    const [batch] = requests;
    if (batch.kind !== 'batch') throw new Error('expected a batch');
    expect(batch.chunks.map(c => [c.from, c.report.results.length])).toEqual([
      [0, 1000],
      [1000, 1000],
      [2000, 500],
    ]);
    expect(
      batch.chunks.flatMap(c => c.report.results.map(r => r.value)),
    ).toEqual(report(2500).report.results.map(r => r.value));
  });

  it('groups reports into batches of at most 100 reports and 10,000 results', () => {
    const many = Array.from({ length: 250 }, (_, i) => ({
      ...report(3, `s${i}`),
      index: i,
    }));
    const sizes = chunkMonitoringReports(many).map(r =>
      r.kind === 'batch' ? r.chunks.length : 1,
    );
    expect(sizes).toEqual([100, 100, 50]);
    const big = chunkMonitoringReports([report(25_000)]);
    expect(
      big.map(r =>
        r.kind === 'batch'
          ? r.chunks.reduce((n, c) => n + c.report.results.length, 0)
          : 0,
      ),
    ).toEqual([10_000, 10_000, 5_000]);
  });
});
