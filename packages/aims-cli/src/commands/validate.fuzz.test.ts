/*
 * `aims validate` on generated bad files never breaks: an AISystem mutated into an invalid one
 * (a required field dropped, a wrong type, a bad enum value or ref, an unknown field, a huge
 * string, deep nesting), written as YAML among valid documents, exits 1 with a line naming the
 * field; YAML that cannot be read at all (broken syntax, aliases to nothing, alias bombs,
 * thousands of levels of nesting) exits 1 with "invalid YAML" and where. It never throws.
 */
import fc from 'fast-check';
import fs from 'fs';
import os from 'os';
import path from 'path';
import YAML from 'yaml';
import { main } from '../main';

const valid = (): any => ({
  apiVersion: 'aims.dev/v1alpha1',
  kind: 'AISystem',
  metadata: { name: 'fraud-scorer', title: 'Fraud scorer' },
  spec: {
    type: 'ml-model',
    lifecycle: 'production',
    owner: 'group:default/risk-ml',
    purpose: 'Scores card payments',
    role: 'provider',
    dependencyOf: ['component:default/payments-api'],
    models: [{ name: 'fraud-xgb', version: '3.2.0' }],
    deployments: [{ environment: 'production', model: 'fraud-xgb' }],
    euAiAct: { tier: 'high-risk', annexIIIArea: 'III.5' },
    monitoring: [{ metric: 'auc', interval: 'P7D', threshold: { min: 0.8 } }],
  },
});

type Path = (string | number)[];
const fieldOf = (p: Path) =>
  p
    .map((s, i) => {
      if (typeof s === 'number') return `[${s}]`;
      return i ? `.${s}` : s;
    })
    .join('');

function mutated(p: Path, change: (parent: any, key: any) => void) {
  const entity = valid();
  change(
    p.slice(0, -1).reduce((o, k) => o[k], entity),
    p[p.length - 1],
  );
  return entity;
}

const nested = (depth: number): unknown => {
  let v: unknown = 'leaf';
  for (let i = 0; i < depth; i++) v = { x: v };
  return v;
};

const REQUIRED: Path[] = [
  ['metadata', 'name'],
  ['spec', 'type'],
  ['spec', 'lifecycle'],
  ['spec', 'owner'],
  ['spec', 'purpose'],
  ['spec', 'role'],
  ['spec', 'models', 0, 'name'],
  ['spec', 'deployments', 0, 'environment'],
  ['spec', 'euAiAct', 'tier'],
  ['spec', 'monitoring', 0, 'metric'],
  ['spec', 'monitoring', 0, 'interval'],
];
/** Places whose value has one type only (all but the root's neighbours). */
const TYPED: Path[] = [
  ...REQUIRED,
  ['metadata', 'title'],
  ['spec', 'dependencyOf'],
  ['spec', 'dependencyOf', 0],
  ['spec', 'models'],
  ['spec', 'models', 0],
  ['spec', 'deployments', 0],
  ['spec', 'euAiAct'],
  ['spec', 'monitoring', 0, 'threshold'],
  ['spec', 'monitoring', 0, 'threshold', 'min'],
];
/** Strings with a bounded syntax: a huge one is invalid. */
const BOUNDED: Path[] = [
  ['metadata', 'name'],
  ['spec', 'owner'],
  ['spec', 'role'],
  ['spec', 'dependencyOf', 0],
  ['spec', 'euAiAct', 'tier'],
  ['spec', 'euAiAct', 'annexIIIArea'],
  ['spec', 'monitoring', 0, 'metric'],
  ['spec', 'monitoring', 0, 'interval'],
];
const CLOSED: Path[] = [
  ['spec'],
  ['spec', 'models', 0],
  ['spec', 'deployments', 0],
  ['spec', 'euAiAct'],
  ['spec', 'monitoring', 0],
  ['spec', 'monitoring', 0, 'threshold'],
];

/** A generated invalid AISystem and the field the output must name. */
const invalidEntities: fc.Arbitrary<{ entity: any; field: string }> = fc.oneof(
  fc.constantFrom(...REQUIRED).map(p => ({
    entity: mutated(p, (o, k) => delete o[k]),
    field: fieldOf(p),
  })),
  fc
    .tuple(
      fc.constantFrom(...TYPED),
      fc.oneof(
        fc.constantFrom<unknown>(42, true, null, ['a'], 1.5),
        fc.integer({ min: 2, max: 300 }).map(nested),
      ),
    )
    // a value of the same type may be fine, but an object: every object place is closed
    .filter(([p, v]) => {
      const was = p.reduce<any>((o, k) => o[k], valid());
      const type = (x: unknown) => (Array.isArray(x) ? 'array' : typeof x);
      return type(v) !== type(was) || (type(v) === 'object' && v !== null);
    })
    .map(([p, v]) => ({
      entity: mutated(p, (o, k) => {
        o[k] = v;
      }),
      field: fieldOf(p),
    })),
  fc
    .tuple(fc.constantFrom(...BOUNDED), fc.integer({ min: 301, max: 50_000 }))
    .map(([p, n]) => ({
      entity: mutated(p, (o, k) => {
        o[k] = `a${'é'.repeat(n)}a`;
      }),
      field: fieldOf(p),
    })),
  fc
    .tuple(
      fc.constantFrom<Path>(
        ['spec', 'owner'],
        ['spec', 'dependencyOf', 0],
        ['spec', 'role'],
        ['spec', 'euAiAct', 'tier'],
      ),
      fc.constantFrom('a:b:c', 'x:y/z/w', ':', 'na me', '/'),
    )
    .map(([p, v]) => ({
      entity: mutated(p, (o, k) => {
        o[k] = v;
      }),
      field: fieldOf(p),
    })),
  fc
    .tuple(fc.constantFrom(...CLOSED), fc.nat(999), fc.nat(300))
    .map(([p, n, depth]) => ({
      entity: mutated([...p, '_'], o => {
        o[`unknownField${n}`] = nested(depth);
      }),
      field: fieldOf([...p, `unknownField${n}`]),
    })),
);

const component = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments-api' },
  spec: { type: 'service', lifecycle: 'production', owner: 'payments' },
};

/** YAML no parser can give an entity for, and what the output must say. */
const unreadable = fc.oneof(
  // how deep the parser gets before its stack runs out depends on the stack: a document it
  // still reads is an entity whose metadata is a list
  fc.integer({ min: 1_000, max: 30_000 }).map(d => ({
    text: `apiVersion: aims.dev/v1alpha1\nkind: AISystem\nmetadata: ${'['.repeat(
      d,
    )}${']'.repeat(d)}\n`,
    says: /-: invalid YAML: nested too deeply at line 3|: metadata must be a object/,
  })),
  fc.integer({ min: 1_000, max: 30_000 }).map(d => ({
    text: `apiVersion: aims.dev/v1alpha1\nkind: AISystem\nmetadata:\n  ${'- '.repeat(
      d,
    )}x\n`,
    says: /-: invalid YAML: nested too deeply at line 4|: metadata must be a object/,
  })),
  fc.integer({ min: 5, max: 9 }).map(n => {
    let text = 'kind: AISystem\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n';
    for (let i = 1; i <= n; i++)
      text += `a${i}: &a${i} [${Array(10)
        .fill(`*a${i - 1}`)
        .join(', ')}]\n`;
    return { text, says: /-: invalid YAML: Excessive alias count/ };
  }),
  fc.constantFrom<{ text: string; says: RegExp }>(
    {
      text: 'kind: AISystem\nmetadata: *nowhere\n',
      says: /-: invalid YAML: Unresolved alias/,
    },
    { text: 'kind: AISystem\n  metadata: [\n', says: /-: invalid YAML: ./ },
    { text: 'kind: AISystem\nspec: "unclosed\n', says: /-: invalid YAML: ./ },
    { text: 'kind: AISystem\nkind: AISystem\n', says: /-: invalid YAML: ./ },
  ),
);

describe('aims validate on generated bad files', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aims-cli-fuzz-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  let file = 0;
  /** Writes the text to a new file and runs `aims validate` on it. */
  async function validateText(text: string) {
    const name = `catalog-info-${++file}.yaml`;
    fs.writeFileSync(path.join(dir, name), text);
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(['validate', name], {
      out: l => out.push(l),
      err: l => err.push(l),
      cwd: dir,
    });
    return { name, code, out, err };
  }

  /** Runs an async property, prints one line saying how many cases it tried, returns it. */
  async function fuzz<T>(
    label: string,
    arbitrary: fc.Arbitrary<T>,
    check: (value: T) => Promise<void>,
    numRuns: number,
  ): Promise<number> {
    let tried = 0;
    await fc.assert(
      fc.asyncProperty(arbitrary, async value => {
        tried++;
        await check(value);
      }),
      { numRuns },
    );
    // eslint-disable-next-line no-console
    console.log(`fuzz: aims validate ${label} ${tried} cases`);
    return tried;
  }

  it('passes the valid entity the mutations start from', async () => {
    const { code, err } = await validateText(YAML.stringify(valid()));
    expect([code, err]).toEqual([0, []]);
  });

  it('exits 1 naming the field for every generated invalid AISystem, among valid documents', async () => {
    const tried = await fuzz(
      'invalid AISystems',
      fc.tuple(invalidEntities, fc.nat(2)),
      async ([{ entity, field }, position]) => {
        const documents = [component, valid()];
        documents.splice(position, 0, entity);
        const { name, code, err } = await validateText(
          documents.map(d => YAML.stringify(d, { lineWidth: 0 })).join('---\n'),
        );
        expect(code).toBe(1);
        // lines for the broken document, one naming the field; the summary counts both AISystems
        const lines = err.filter(l => l.startsWith(`${name}:${position}: `));
        expect([field, lines.some(l => l.includes(field))]).toEqual([
          field,
          true,
        ]);
        expect(err.filter(l => !l.startsWith(`${name}:${position}: `))).toEqual(
          [expect.stringContaining(' 2 AISystem(s)')],
        );
      },
      300,
    );
    expect(tried).toBe(300);
  });

  it('exits 1 with "invalid YAML" and where for YAML that cannot be read, never throwing', async () => {
    const tried = await fuzz(
      'unreadable YAML',
      unreadable,
      async ({ text, says }) => {
        const { name, code, err } = await validateText(text);
        expect(code).toBe(1);
        const said = err.filter(l => l.startsWith(`${name}:0: `));
        expect([text.slice(0, 80), said.some(l => says.test(l))]).toEqual([
          text.slice(0, 80),
          true,
        ]);
      },
      100,
    );
    expect(tried).toBe(100);
  });
});
