import {
  DeploymentReport,
  deploymentReportToObservations,
  normalizeDeploymentReport,
  parseIsoDateTimeWithZone,
  validateDeploymentReport,
} from './deploymentReport';

const NOW = Date.parse('2026-11-20T10:00:00Z');

const valid = (): DeploymentReport => ({
  id: 'gh-run-8812-1',
  component: 'component:default/payments-api',
  environment: 'production',
  deployedAt: '2026-11-20T10:00:00Z',
  aiSystems: [
    {
      ref: 'aisystem:default/fraud-scorer',
      model: 'fraud-xgb',
      version: '3.3.0',
    },
  ],
  models: [{ provider: 'openai', name: 'gpt-4o' }],
});

const messages = (input: unknown) =>
  validateDeploymentReport(input, { now: NOW }).map(p => p.message);
const fields = (input: unknown) =>
  validateDeploymentReport(input, { now: NOW }).map(p => p.field);
const many = <T>(n: number, f: (i: number) => T) =>
  Array.from({ length: n }, (_, i) => f(i));

describe('validateDeploymentReport', () => {
  it('accepts the contract example, minimal reports and short refs', () => {
    expect(messages(valid())).toEqual([]);
    expect(
      messages({
        id: 'a',
        component: 'payments-api',
        environment: 'prod',
        deployedAt: '2026-11-20T10:00:00Z',
      }),
    ).toEqual([]);
    expect(
      messages({
        ...valid(),
        aiSystems: [
          { ref: 'fraud-scorer' },
          { ref: 'payments/Fraud-Scorer', model: 'x' },
        ],
        models: [],
      }),
    ).toEqual([]);
    expect(
      messages({ ...valid(), deployedAt: '2026-11-20T12:04:59+02:00' }),
    ).toEqual([]);
    expect(
      messages({ ...valid(), deployedAt: '2026-11-20T10:05:00.000Z' }),
    ).toEqual([]);
    expect(messages({ ...valid(), id: 'x'.repeat(200) })).toEqual([]);
    expect(messages({ ...valid(), id: 'gl:123.4_5-6' })).toEqual([]);
    expect(
      messages({
        ...valid(),
        aiSystems: many(100, i => ({ ref: `s-${i}` })),
        models: many(100, i => ({ provider: 'p', name: `m${i}` })),
      }),
    ).toEqual([]);
  });

  it.each<[string, unknown, string[]]>([
    ['not an object', [], ['report must be a JSON object']],
    ['null', null, ['report must be a JSON object']],
    [
      'everything missing',
      {},
      [
        'id is required',
        'component is required',
        'environment is required',
        'deployedAt is required',
      ],
    ],
    [
      'unknown top-level field',
      { ...valid(), commit: 'abc' },
      ['commit is not a known field'],
    ],
    ['id not a string', { ...valid(), id: 42 }, ['id must be a string']],
    [
      'id empty',
      { ...valid(), id: '' },
      ['id must be 1-200 characters of A-Z a-z 0-9 . _ : -'],
    ],
    [
      'id too long',
      { ...valid(), id: 'x'.repeat(201) },
      ['id must be 1-200 characters of A-Z a-z 0-9 . _ : -'],
    ],
    [
      'id with a space',
      { ...valid(), id: 'run 1' },
      ['id must be 1-200 characters of A-Z a-z 0-9 . _ : -'],
    ],
    [
      'id with a slash',
      { ...valid(), id: 'run/1' },
      ['id must be 1-200 characters of A-Z a-z 0-9 . _ : -'],
    ],
    [
      'component of another kind',
      { ...valid(), component: 'api:default/payments' },
      [
        'component must be an entity ref of kind Component (component:namespace/name)',
      ],
    ],
    [
      'component malformed',
      { ...valid(), component: 'component:default/' },
      [
        'component must be an entity ref of kind Component (component:namespace/name)',
      ],
    ],
    [
      'environment not a slug',
      { ...valid(), environment: 'Prod EU' },
      [
        'environment must be a slug: lower-case letters, digits and single hyphens, at most 63 characters',
      ],
    ],
    [
      'environment upper-case',
      { ...valid(), environment: 'Production' },
      [
        'environment must be a slug: lower-case letters, digits and single hyphens, at most 63 characters',
      ],
    ],
    [
      'environment too long',
      { ...valid(), environment: 'a'.repeat(64) },
      [
        'environment must be a slug: lower-case letters, digits and single hyphens, at most 63 characters',
      ],
    ],
    [
      'deployedAt without timezone',
      { ...valid(), deployedAt: '2026-11-20T10:00:00' },
      [
        'deployedAt must be an ISO-8601 date-time with a timezone (2026-11-20T10:00:00Z)',
      ],
    ],
    [
      'deployedAt a date only',
      { ...valid(), deployedAt: '2026-11-20' },
      [
        'deployedAt must be an ISO-8601 date-time with a timezone (2026-11-20T10:00:00Z)',
      ],
    ],
    [
      'deployedAt not a calendar day',
      { ...valid(), deployedAt: '2026-02-30T10:00:00Z' },
      [
        'deployedAt must be an ISO-8601 date-time with a timezone (2026-11-20T10:00:00Z)',
      ],
    ],
    [
      'deployedAt a number',
      { ...valid(), deployedAt: NOW },
      ['deployedAt must be a string'],
    ],
    [
      'deployedAt more than 5 minutes ahead',
      { ...valid(), deployedAt: '2026-11-20T10:05:01Z' },
      ['deployedAt must not be more than 5 minutes in the future'],
    ],
    [
      'aiSystems not an array',
      { ...valid(), aiSystems: {} },
      ['aiSystems must be an array'],
    ],
    [
      'too many aiSystems',
      { ...valid(), aiSystems: many(101, i => ({ ref: `s-${i}` })) },
      ['aiSystems must have at most 100 entries'],
    ],
    [
      'too many models',
      {
        ...valid(),
        models: many(101, i => ({ provider: 'p', name: `m${i}` })),
      },
      ['models must have at most 100 entries'],
    ],
    [
      'aiSystems entries',
      {
        ...valid(),
        aiSystems: [
          { ref: 'fraud-scorer' },
          { ref: 'component:default/payments-api' },
          'fraud-scorer',
          { ref: 'Fraud-Scorer' },
          { model: '', version: 3, extra: true },
        ],
      },
      [
        'aiSystems[1].ref must be an entity ref of kind AISystem',
        'aiSystems[2] must be an object',
        'aiSystems[3].ref repeats aiSystems[0] (same AI system and model)',
        'aiSystems[4].extra is not a known field',
        'aiSystems[4].ref is required',
        'aiSystems[4].model must be a non-empty string',
        'aiSystems[4].version must be a non-empty string',
      ],
    ],
    [
      'models entries',
      {
        ...valid(),
        models: [
          { provider: 'openai', name: 'gpt-4o', version: 'x'.repeat(201) },
          { name: ' ', region: 'eu' },
          7,
        ],
      },
      [
        'models[0].version must be at most 200 characters',
        'models[1].region is not a known field',
        'models[1].provider is required',
        'models[1].name must not be empty',
        'models[2] must be an object',
      ],
    ],
  ])('%s', (_name, input, expected) => {
    expect(messages(input)).toEqual(expected);
  });

  it('names each field in `field` too', () => {
    expect(
      fields({ ...valid(), aiSystems: [{ ref: 'x' }, { ref: 'group:x' }] }),
    ).toEqual(['aiSystems[1].ref']);
  });

  it('uses the current time by default', () => {
    expect(
      validateDeploymentReport({
        ...valid(),
        deployedAt: new Date(Date.now() + 60 * 60_000).toISOString(),
      }),
    ).toEqual([
      {
        field: 'deployedAt',
        message: 'deployedAt must not be more than 5 minutes in the future',
      },
    ]);
  });
});

describe('parseIsoDateTimeWithZone', () => {
  it.each([
    ['2026-11-20T10:00:00Z', Date.parse('2026-11-20T10:00:00Z')],
    ['2026-11-20T10:00Z', Date.parse('2026-11-20T10:00:00Z')],
    ['2026-11-20T11:00:00.123+01:00', Date.parse('2026-11-20T10:00:00.123Z')],
    ['2028-02-29T00:00:00Z', Date.parse('2028-02-29T00:00:00Z')],
    ['2026-02-29T00:00:00Z', undefined],
    ['2026-11-20T24:00:00Z', undefined],
    ['2026-11-20T10:00:00+25:00', undefined],
    ['2026-11-20 10:00:00Z', undefined],
    ['yesterday', undefined],
  ])('%s', (value, expected) => {
    expect(parseIsoDateTimeWithZone(value)).toBe(expected);
  });
});

describe('normalizeDeploymentReport', () => {
  it('fully qualifies and lower-cases refs, trims, lists both arrays, UTC time', () => {
    const report = {
      id: 'Run-1',
      component: 'Payments-API',
      environment: 'production',
      deployedAt: '2026-11-20T11:00:00+01:00',
      aiSystems: [
        {
          ref: 'Payments/Fraud-Scorer',
          model: ' fraud-xgb ',
          version: '3.3.0',
        },
        { ref: 'AISystem:default/Chat' },
      ],
      models: [{ provider: 'OpenAI', name: 'gpt-4o', version: '2024-08-06' }],
    };
    expect(validateDeploymentReport(report, { now: NOW })).toEqual([]);
    expect(normalizeDeploymentReport(report)).toEqual({
      id: 'Run-1',
      component: 'component:default/payments-api',
      environment: 'production',
      deployedAt: '2026-11-20T10:00:00.000Z',
      aiSystems: [
        {
          ref: 'aisystem:payments/fraud-scorer',
          model: 'fraud-xgb',
          version: '3.3.0',
        },
        { ref: 'aisystem:default/chat' },
      ],
      models: [{ provider: 'openai', name: 'gpt-4o', version: '2024-08-06' }],
    });
    expect(
      normalizeDeploymentReport({
        id: 'a',
        component: 'x',
        environment: 'dev',
        deployedAt: '2026-11-20T10:00:00Z',
      }),
    ).toMatchObject({
      aiSystems: [],
      models: [],
    });
  });
});

describe('deploymentReportToObservations', () => {
  it('one observation per AI system and model, stamped with the report', () => {
    const observations = deploymentReportToObservations(
      normalizeDeploymentReport(valid()),
      'ci',
    );
    expect(observations).toEqual([
      {
        sourceId: 'ci',
        component: 'component:default/payments-api',
        environment: 'production',
        observedAt: '2026-11-20T10:00:00.000Z',
        since: '2026-11-20T10:00:00.000Z',
        evidence: { reportId: 'gh-run-8812-1' },
        aiSystemRef: 'aisystem:default/fraud-scorer',
        model: 'fraud-xgb',
        version: '3.3.0',
      },
      {
        sourceId: 'ci',
        component: 'component:default/payments-api',
        environment: 'production',
        observedAt: '2026-11-20T10:00:00.000Z',
        since: '2026-11-20T10:00:00.000Z',
        evidence: { reportId: 'gh-run-8812-1' },
        provider: 'openai',
        model: 'gpt-4o',
        version: undefined,
      },
    ]);
  });

  it('a report without AI is one coverage-only observation', () => {
    const [only, ...rest] = deploymentReportToObservations(
      normalizeDeploymentReport({
        id: 'a',
        component: 'x',
        environment: 'dev',
        deployedAt: '2026-11-20T10:00:00Z',
      }),
    );
    expect(rest).toEqual([]);
    expect(only).toEqual({
      sourceId: 'deployment-reports',
      component: 'component:default/x',
      environment: 'dev',
      observedAt: '2026-11-20T10:00:00.000Z',
      since: '2026-11-20T10:00:00.000Z',
      evidence: { reportId: 'a' },
    });
  });
});
