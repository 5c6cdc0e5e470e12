import fc from 'fast-check';
import { validateImpactAssessmentContent } from '../impactAssessment/validate';
import { diffDocuments } from '../impactAssessment/diff';
import { DEFAULT_RISK_MATRIX, validateRiskInput } from '../risk/model';
import { checkJsonBounds } from './bounds';

/** The reference: containers nested in each other, counted recursively (small values only). */
const depthOf = (v: unknown): number =>
  typeof v !== 'object' || v === null
    ? 0
    : 1 + Math.max(0, ...Object.values(v).map(depthOf));

/** `{"a":{"a":…"x"…}}` nested `depth` objects deep, built without recursion. */
const nested = (depth: number, key = 'a'): unknown => {
  let v: unknown = 'x';
  for (let i = 0; i < depth; i++) v = { [key]: v };
  return v;
};

describe('checkJsonBounds', () => {
  it('accepts exactly the values at most maxDepth deep', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.nat(7), (v, maxDepth) => {
        const problem = checkJsonBounds(v, { maxDepth });
        expect(problem === undefined).toBe(depthOf(v) <= maxDepth);
      }),
      { numRuns: 300 },
    );
  });

  it('never counts more bytes than the JSON text has', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), v => {
        const length = JSON.stringify(v).length;
        expect(checkJsonBounds(v, { maxDepth: 10, maxBytes: length })).toBe(
          undefined,
        );
      }),
      { numRuns: 300 },
    );
  });

  it('counts exactly as many bytes as the JSON text has when nothing is escaped', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), v => {
        const text = JSON.stringify(v);
        fc.pre(!text.includes('\\'));
        expect(
          checkJsonBounds(v, { maxDepth: 10, maxBytes: text.length - 1 }),
        ).toMatchObject({ message: expect.stringContaining('larger than') });
      }),
      { numRuns: 300 },
    );
  });

  it('with rejectNul, refuses exactly the values holding a NUL character in a string or key, naming where', () => {
    // strings and keys of a, b and NUL: about half the values hold one
    const text = fc.constantFrom('a', '\u0000', 'b');
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4, stringUnit: text }), v => {
        const problem = checkJsonBounds(
          v,
          { maxDepth: 10, rejectNul: true },
          'body',
        );
        // JSON text escapes NUL as \u0000, which only a NUL in a string or key produces
        expect(problem === undefined).toBe(
          !JSON.stringify(v).includes('\\u0000'),
        );
      }),
      { numRuns: 300 },
    );
    expect(
      checkJsonBounds(
        { a: [{ title: 'x\u0000y' }] },
        { maxDepth: 5, rejectNul: true },
        'body',
      )?.message,
    ).toBe(
      'body.a[0].title contains a NUL character (\\u0000), which cannot be stored',
    );
    expect(
      checkJsonBounds(
        { ['k\u0000']: 1 },
        { maxDepth: 5, rejectNul: true },
        'body',
      )?.field,
    ).toBe('body.k\u0000');
    expect(checkJsonBounds({ a: 'x\u0000' }, { maxDepth: 5 })).toBeUndefined();
  });

  it('names the field where a value nests too deeply, and refuses 100,000 levels without overflowing', () => {
    expect(
      checkJsonBounds(
        { ok: [1], euAiAct: nested(5) },
        { maxDepth: 3 },
        'content',
      ),
    ).toEqual({
      field: 'content.euAiAct.a.a',
      message:
        'content.euAiAct.a.a is nested too deeply: content allows at most 3 levels of objects and lists',
    });
    expect(checkJsonBounds([[[[]]]], { maxDepth: 2 }, 'rows')).toMatchObject({
      field: 'rows[0][0]',
    });
    const deep = nested(100_000);
    expect(checkJsonBounds(deep, { maxDepth: 16 })?.field).toBe(
      Array(16).fill('a').join('.'),
    );
  });
});

describe('validators refuse nested and oversized values, naming the field', () => {
  /** A value that is deep, or wide, or both. */
  const unruly = fc.oneof(
    fc.integer({ min: 2, max: 5_000 }).map(d => nested(d, 'x')),
    fc
      .array(fc.string({ maxLength: 5 }), { minLength: 1, maxLength: 8 })
      .map(keys => Object.fromEntries(keys.map(k => [`k${k}`, nested(3)]))),
    fc.string({ minLength: 1 }).map(s => ({ [`extra${s}`]: 1 })),
  );

  it('in an impact assessment: euAiAct and the dimension rows are closed and bounded', () => {
    let cases = 0;
    fc.assert(
      fc.property(unruly, fc.constantFrom('euAiAct', 'dimensions'), (v, at) => {
        cases++;
        const content =
          at === 'euAiAct'
            ? { euAiAct: { tier: 'unclassified', ...(v as object) } }
            : {
                dimensions: [
                  { dimension: 'fairness', effect: 'none', ...(v as object) },
                ],
              };
        const problems = validateImpactAssessmentContent(content, {
          complete: false,
        });
        expect(problems.length).toBeGreaterThan(0);
        const field = at === 'euAiAct' ? 'euAiAct.' : 'dimensions[0].';
        expect(
          problems.every(p =>
            p.field.replace(/^content\./, '').startsWith(field),
          ),
        ).toBe(true);
      }),
      { numRuns: 200 },
    );
    expect(cases).toBe(200);
  });

  it('in a risk: source and actions are closed and bounded', () => {
    const risk = {
      title: 'Unfair declines',
      description: 'd',
      inherent: { likelihood: 3, impact: 4 },
      residual: { likelihood: 2, impact: 2 },
      treatment: 'accept',
      riskOwner: 'user:default/alice',
    };
    fc.assert(
      fc.property(unruly, fc.constantFrom('source', 'actions'), (v, at) => {
        const input =
          at === 'source'
            ? {
                ...risk,
                source: {
                  impactAssessmentVersion: 1,
                  dimension: 'fairness',
                  ...(v as object),
                },
              }
            : {
                ...risk,
                actions: [
                  {
                    description: 'a',
                    owner: 'user:default/alice',
                    dueDate: '2027-01-01',
                    status: 'open',
                    ...(v as object),
                  },
                ],
              };
        const problems = validateRiskInput(input, DEFAULT_RISK_MATRIX);
        expect(problems.length).toBeGreaterThan(0);
        const field = at === 'source' ? 'source.' : 'actions[0].';
        expect(
          problems.every(p => p.field.replace(/^risk\./, '').startsWith(field)),
        ).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('bounds the texts and lists of a risk and an assessment', () => {
    const long = 'x'.repeat(20_001);
    expect(
      validateImpactAssessmentContent(
        {
          euAiAct: { tier: 'unclassified', reasoning: long },
          dataCategories: Array(101).fill('c'),
          reviewers: ['u'.repeat(301)],
        },
        { complete: false },
      ).map(p => p.field),
    ).toEqual(['dataCategories', 'reviewers[0]', 'euAiAct.reasoning']);
    expect(
      validateRiskInput(
        {
          title: 't',
          description: long,
          inherent: { likelihood: 3, impact: 4 },
          residual: { likelihood: 2, impact: 2 },
          treatment: 'accept',
          riskOwner: 'user:default/alice',
          controls: Array(101).fill('A.5.2'),
          source: { impactAssessmentVersion: 1, dimension: 'd'.repeat(301) },
        },
        DEFAULT_RISK_MATRIX,
      ).map(p => p.field),
    ).toEqual(['description', 'controls', 'source.dimension']);
  });
});

describe('diffDocuments of a record stored before input was bounded', () => {
  it('summarises an oversized or deep value instead of walking or copying it', () => {
    const before = { euAiAct: { tier: 'unclassified', extra: nested(5_000) } };
    const after = { euAiAct: { tier: 'unclassified' } };
    const changes = diffDocuments(before, after);
    expect(changes).toEqual([
      {
        field: 'euAiAct.extra',
        before: { omitted: expect.stringContaining('larger than') },
        after: null,
      },
    ]);
    expect(JSON.stringify(changes).length).toBeLessThan(300);
    const huge = { description: 'y'.repeat(100_000) };
    expect(
      JSON.stringify(diffDocuments(huge, { description: 'short' })).length,
    ).toBeLessThan(300);
  });
});
