/*
 * Bad input never breaks a validator: generated invalid AISystem entities, deployment reports
 * and monitoring reports (a valid one mutated: a required field dropped, a value of the wrong
 * type, a bad enum value or entity ref, an unknown field, a huge string, deep nesting) are
 * refused with a problem naming the field, and no input at all makes a validator throw.
 * Each property prints how many cases it tried.
 */
import fc from 'fast-check';
import {
  DeploymentReport,
  normalizeDeploymentReport,
  validateDeploymentReport,
} from './drift/deploymentReport';
import { aiSystemEntityV1alpha1Schema } from './kind/schema';
import { validateAISystemEntity } from './kind/validateAISystemEntity';
import { validateMonitoringReport } from './monitoring/report';

type Path = (string | number)[];

/** `spec.models[0].name`, as the validators name fields. */
const fieldOf = (path: Path) =>
  path
    .map((s, i) => {
      if (typeof s === 'number') return `[${s}]`;
      return i ? `.${s}` : s;
    })
    .join('');

/** Every place in a value (each field and list entry, at any depth), root excluded. */
function placesOf(value: unknown, at: Path = []): Path[] {
  if (Array.isArray(value))
    return value.flatMap((v, i) => [[...at, i], ...placesOf(v, [...at, i])]);
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([k, v]) => [
      [...at, k],
      ...placesOf(v, [...at, k]),
    ]);
  return [];
}

const valueAt = (value: unknown, path: Path): any =>
  path.reduce<any>((v, k) => v?.[k], value);

/** A copy of `value` with `change` applied to the parent of `path`. */
function changed(
  value: unknown,
  path: Path,
  change: (parent: any, key: string | number) => void,
): unknown {
  const copy = structuredClone(value);
  change(valueAt(copy, path.slice(0, -1)), path[path.length - 1]);
  return copy;
}

/** `{"x":{"x":…"leaf"…}}`, `depth` objects deep, built without recursion. */
const nested = (depth: number): unknown => {
  let v: unknown = 'leaf';
  for (let i = 0; i < depth; i++) v = { x: v };
  return v;
};

const jsonType = (v: unknown) => {
  if (v === null) return 'null';
  return Array.isArray(v) ? 'array' : typeof v;
};

/** What a validator must refuse, per place of its valid input. */
interface Shape {
  valid: () => Record<string, unknown>;
  /** The field may not be left out. */
  required: (path: Path) => boolean;
  /** The object at the path takes no unknown fields (the root is `[]`). */
  closed: (path: Path) => boolean;
  /** A string of thousands of characters is not a valid value here. */
  bounded: (path: Path) => boolean;
  /** The field holds an entity ref. */
  ref: (path: Path) => boolean;
  /** Refs that are not valid at any ref field of this input. */
  badRefs: string[];
}

/** A generated invalid input and the field a problem must name. */
interface Invalid {
  input: unknown;
  field: string;
  what: string;
}

function invalidInputs(shape: Shape): fc.Arbitrary<Invalid> {
  const valid = shape.valid();
  const places = placesOf(valid);
  const pick = (keep: (p: Path) => boolean) => {
    const found = places.filter(keep);
    if (!found.length) throw new Error('set-up: no place to mutate');
    return fc.constantFrom(...found);
  };
  const dropped = pick(
    p => typeof p[p.length - 1] === 'string' && shape.required(p),
  ).map(p => ({
    input: changed(valid, p, (parent, key) => delete parent[key]),
    field: fieldOf(p),
    what: `${fieldOf(p)} left out`,
  }));
  const otherValues = fc.oneof(
    fc.constantFrom<unknown>(42, -1.5, true, false, null, [], {}, 'text', [
      'text',
    ]),
    fc.integer({ min: 2, max: 5_000 }).map(nested),
  );
  const wrongType = fc
    .tuple(
      pick(() => true),
      otherValues,
    )
    .filter(
      ([p, v]) =>
        jsonType(v) !== jsonType(valueAt(valid, p)) ||
        // an object where an object belongs: wrong only where nothing unknown is taken
        (jsonType(v) === 'object' && shape.closed(p)),
    )
    .map(([p, v]) => ({
      input: changed(valid, p, (parent, key) => {
        parent[key] = v;
      }),
      field: fieldOf(p),
      what: `${fieldOf(p)} = ${jsonType(v)}`,
    }));
  const huge = fc
    .tuple(
      pick(p => typeof valueAt(valid, p) === 'string' && shape.bounded(p)),
      fc.integer({ min: 301, max: 200_000 }),
      fc.constantFrom('x', 'é', ' ', '-'),
    )
    .map(([p, n, c]) => ({
      input: changed(valid, p, (parent, key) => {
        parent[key] = `a${c.repeat(n)}a`;
      }),
      field: fieldOf(p),
      what: `${fieldOf(p)}: ${n} characters`,
    }));
  const badRef = fc
    .tuple(pick(shape.ref), fc.constantFrom(...shape.badRefs))
    .map(([p, ref]) => ({
      input: changed(valid, p, (parent, key) => {
        parent[key] = ref;
      }),
      field: fieldOf(p),
      what: `${fieldOf(p)} = "${ref}"`,
    }));
  const objects: Path[] = [[], ...places].filter(
    p => jsonType(valueAt(valid, p)) === 'object' && shape.closed(p),
  );
  const unknown = fc
    .tuple(
      fc.constantFrom(...objects),
      fc.nat(9_999),
      fc.oneof(fc.constant<unknown>('x'), fc.nat(3_000).map(nested)),
    )
    .map(([p, n, v]) => {
      const key = `unknownField${n}`;
      const copy = structuredClone(valid);
      valueAt(copy, p)[key] = v;
      return {
        input: copy,
        field: fieldOf([...p, key]),
        what: `${fieldOf([...p, key])} added`,
      };
    });
  return fc.oneof(dropped, wrongType, huge, badRef, unknown);
}

/** The problems name the field (a problem on it, or on a field inside it). */
function expectNamed(
  problems: { field: string; message: string }[],
  bad: Invalid,
) {
  const named = problems.some(
    p =>
      p.message.includes(bad.field) &&
      (p.field === bad.field ||
        p.field.startsWith(`${bad.field}.`) ||
        p.field.startsWith(`${bad.field}[`)),
  );
  expect([bad.what, named, problems]).toEqual([
    bad.what,
    true,
    expect.anything(),
  ]);
}

/**
 * Runs a property `numRuns` times (more when cases are skipped), prints one line saying how
 * many cases it tried, and returns that number.
 */
function fuzz<T>(
  label: string,
  arbitrary: fc.Arbitrary<T>,
  check: (value: T) => void,
  numRuns: number,
): number {
  let tried = 0;
  fc.assert(
    fc.property(arbitrary, value => {
      tried++;
      check(value);
    }),
    { numRuns },
  );
  // eslint-disable-next-line no-console
  console.log(`fuzz: ${label} ${tried} cases`);
  return tried;
}

/** Any JSON, and objects with the input's own field names holding any JSON. */
const anyInput = (fields: string[]) =>
  fc.oneof(
    fc.jsonValue({ maxDepth: 4 }),
    fc.dictionary(fc.constantFrom(...fields), fc.jsonValue({ maxDepth: 3 })),
  );

// ----- AISystem: the places are read off the JSON schema, so a new field is covered -----

/** The schema of the value at `path`, or undefined where the schema says nothing. */
function schemaAt(path: Path): any {
  let s: any = aiSystemEntityV1alpha1Schema;
  for (const k of path) {
    s = typeof k === 'number' ? s?.items : s?.properties?.[k];
  }
  return s;
}

const AISYSTEM_REFS = [
  /^spec\.owner$/,
  /^spec\.system$/,
  /^spec\.dependencyOf\[\d+\]$/,
  /^spec\.dependsOn\[\d+\]$/,
  /^spec\.deployments\[\d+\]\.component$/,
];
/** Strings checked beyond the schema: names, Annex III areas, durations. */
const AISYSTEM_CHECKED = [
  /^metadata\.name$/,
  /^spec\.euAiAct\.annexIIIArea$/,
  /^spec\.monitoring\[\d+\]\.interval$/,
];

const aiSystemShape: Shape = {
  valid: () => ({
    apiVersion: 'aims.dev/v1alpha1',
    kind: 'AISystem',
    metadata: { name: 'fraud-scorer', title: 'Fraud scorer' },
    spec: {
      type: 'ml-model',
      lifecycle: 'production',
      owner: 'group:default/risk-ml',
      purpose: 'Scores card payments for fraud likelihood',
      role: 'provider',
      system: 'payments',
      dependencyOf: ['component:default/payments-api', 'checkout-web'],
      dependsOn: ['resource:default/transactions-dataset'],
      models: [{ name: 'fraud-xgb', version: '3.2.0', provider: 'in-house' }],
      deployments: [
        {
          environment: 'production',
          component: 'component:default/payments-api',
          model: 'fraud-xgb',
          version: '3.2.0',
        },
      ],
      euAiAct: { tier: 'high-risk', annexIIIArea: 'III.5' },
      humanOversight: 'Analyst reviews every decline above 500 EUR',
      monitoring: [
        {
          metric: 'auc',
          description: 'Area under the ROC curve',
          threshold: { min: 0.8, max: 1 },
          severity: 'high',
          interval: 'P7D',
          slices: ['eu'],
        },
      ],
    },
  }),
  required: p =>
    (schemaAt(p.slice(0, -1))?.required ?? []).includes(p[p.length - 1]),
  closed: p => schemaAt(p)?.additionalProperties === false,
  bounded: p => {
    const s = schemaAt(p);
    const field = fieldOf(p);
    return (
      Boolean(s?.enum || s?.pattern || s?.maxLength) ||
      [...AISYSTEM_REFS, ...AISYSTEM_CHECKED].some(r => r.test(field))
    );
  },
  ref: p => AISYSTEM_REFS.some(r => r.test(fieldOf(p))),
  badRefs: ['a:b:c', 'group:default/', ':', '/', 'na me', 'group:a/b/c', ' '],
};

// ----- Deployment and monitoring reports: closed objects, every string bounded -----

const NOW = Date.parse('2026-11-20T12:00:00Z');

const deploymentShape: Shape = {
  valid: () => ({
    id: 'gh-8812-1',
    component: 'component:default/payments-api',
    environment: 'production',
    deployedAt: '2026-11-20T10:00:00Z',
    aiSystems: [
      {
        ref: 'aisystem:default/fraud-scorer',
        model: 'fraud-xgb',
        version: '3',
      },
    ],
    models: [{ provider: 'openai', name: 'gpt-4o', version: '2024-08-06' }],
  }),
  required: p =>
    ['id', 'component', 'environment', 'deployedAt'].includes(fieldOf(p)) ||
    /^(aiSystems\[\d+\]\.ref|models\[\d+\]\.(provider|name))$/.test(fieldOf(p)),
  closed: () => true,
  bounded: () => true,
  ref: p => /^(component|aiSystems\[\d+\]\.ref)$/.test(fieldOf(p)),
  badRefs: [
    'group:default/payments',
    'a:b:c',
    'component:default/',
    ':',
    '/',
    'na me',
    'x:default/payments-api',
  ],
};

const monitoringShape: Shape = {
  valid: () => ({
    entityRef: 'aisystem:default/fraud-scorer',
    environment: 'production',
    results: [
      {
        metric: 'auc',
        value: 0.9,
        observedAt: '2026-11-20T10:00:00Z',
        slice: 'eu',
        window: 'P7D',
        threshold: { min: 0.8, max: 1 },
      },
    ],
  }),
  required: p =>
    ['entityRef', 'environment', 'results'].includes(fieldOf(p)) ||
    /^results\[\d+\]\.(metric|value|observedAt)$/.test(fieldOf(p)),
  closed: () => true,
  bounded: () => true,
  ref: p => fieldOf(p) === 'entityRef',
  badRefs: [
    'component:default/fraud-scorer',
    'a:b:c',
    'aisystem:default/',
    ':',
    '/',
    'na me',
    'aisystem:default/fraud scorer',
  ],
};

const validateDeployment = (input: unknown) =>
  validateDeploymentReport(input, { now: NOW });
const validateMonitoring = (input: unknown) =>
  validateMonitoringReport(input, { now: new Date(NOW) });

describe.each([
  ['AISystem validator', aiSystemShape, validateAISystemEntity, 2_000],
  ['deployment-report validator', deploymentShape, validateDeployment, 2_000],
  ['monitoring-report validator', monitoringShape, validateMonitoring, 2_000],
] as const)('%s', (label, shape, validate, numRuns) => {
  it('accepts the valid input the mutations start from', () => {
    expect(validate(shape.valid())).toEqual([]);
  });

  it('refuses every generated invalid input, naming the field', () => {
    const tried = fuzz(
      label,
      invalidInputs(shape),
      bad => expectNamed(validate(bad.input), bad),
      numRuns,
    );
    expect(tried).toBeGreaterThanOrEqual(numRuns);
  });

  it('never throws, whatever it is given', () => {
    const tried = fuzz(
      `${label} (any JSON)`,
      anyInput(Object.keys(shape.valid())),
      input => {
        const problems = validate(input);
        expect(Array.isArray(problems)).toBe(true);
      },
      1_000,
    );
    expect(tried).toBeGreaterThanOrEqual(1_000);
  });
});

describe('normalizeDeploymentReport', () => {
  /** Refs and texts as CI writes them: any case, padded, with or without kind and namespace. */
  const padded = (v: string) =>
    fc
      .tuple(fc.constantFrom('', ' ', '  '), fc.constantFrom('', ' ', '\t'))
      .map(([a, b]) => `${a}${v}${b}`);
  const cased = (v: string) =>
    fc.constantFrom(v, v.toUpperCase(), v[0].toUpperCase() + v.slice(1));
  const ref = (kind: string, name: string) =>
    fc
      .constantFrom(`${kind}:default/${name}`, `${kind}:${name}`, name)
      .chain(cased)
      .chain(padded);
  const reports = fc.record({
    id: fc.stringMatching(/^[A-Za-z0-9._:-]{1,40}$/),
    component: ref('component', 'payments-api'),
    environment: fc.constantFrom('production', 'staging', 'eu-west-1'),
    deployedAt: fc
      .date({
        min: new Date('2020-01-01T00:00:00Z'),
        max: new Date(NOW),
        noInvalidDate: true,
      })
      .map(d => d.toISOString()),
    aiSystems: fc.array(
      fc.record(
        {
          ref: ref('aisystem', 'fraud-scorer'),
          model: fc.constantFrom('fraud-xgb', 'gbm'),
          version: padded('3.2.0'),
        },
        { requiredKeys: ['ref'] },
      ),
      { maxLength: 1 },
    ),
    models: fc.array(
      fc.record({
        provider: cased('openai').chain(padded),
        name: padded('gpt-4o'),
      }),
      { maxLength: 3 },
    ),
  });

  it('turns every report the validator accepts into one it still accepts, without throwing', () => {
    const tried = fuzz(
      'normalizeDeploymentReport',
      reports,
      report => {
        fc.pre(validateDeployment(report).length === 0);
        const normal = normalizeDeploymentReport(report as DeploymentReport);
        expect(validateDeployment(normal)).toEqual([]);
        expect(normal.component).toBe('component:default/payments-api');
        expect(normalizeDeploymentReport(normal)).toEqual(normal);
      },
      1_000,
    );
    expect(tried).toBeGreaterThanOrEqual(1_000);
  });
});
