/*
 * Input that is bounded everywhere, and the audit log's paging:
 * - every write operation of the OpenAPI spec (read from src/schema/openapi.yaml, so a new
 *   write route is covered without touching this file) gets generated nested, oversized and
 *   unknown values at every field of a valid body: the answer is 400 naming the field (413 for
 *   a body over the size limit), never 5xx, and nothing is stored;
 * - records stored before input was bounded stay readable and editable;
 * - GET /audit takes date-times as people type them and pages without a filter.
 */
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { RiskInput } from '@aims-backstage/backstage-plugin-aims-common';
import catalogModuleAims from '@aims-backstage/backstage-plugin-catalog-backend-module-aims';
import fc from 'fast-check';
import { Knex } from 'knex';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { parse } from 'yaml';
import aimsPlugin from './index';
import { ImpactAssessmentStore } from './assessments/ImpactAssessmentStore';
import { RiskStore } from './risks/RiskStore';
import {
  aiSystem,
  databaseFactory,
  group,
  testEntitiesModule,
  user,
  userInfoFromCatalog,
  waitForCatalog,
} from './testing/testHarness';
import { aimsResponseValidation } from './__testUtils__/responseValidator';
import { asUser, tasksLater, testDatabases } from './__testUtils__/testBackend';
import {
  content,
  FRAUD,
  isoDay,
  nested,
  riskBody,
  VALID_BODIES,
} from './__testUtils__/requestBodies';

jest.setTimeout(600_000);

const entities: Entity[] = [
  group('compliance'),
  user('carol', ['compliance']),
  aiSystem('fraud-scorer', { owner: 'group:default/compliance' }),
  aiSystem('legacy-bot', { owner: 'group:default/compliance' }),
];

interface WriteOperation {
  operationId: string;
  method: 'put' | 'post' | 'patch' | 'delete';
  template: string;
}

/** Every write operation in the spec, read at test time. */
function writeOperations(): WriteOperation[] {
  const spec = parse(
    fs.readFileSync(path.resolve(__dirname, 'schema/openapi.yaml'), 'utf8'),
  );
  const ops: WriteOperation[] = [];
  for (const [template, item] of Object.entries<any>(spec.paths ?? {})) {
    for (const method of ['put', 'post', 'patch', 'delete'] as const) {
      if (item?.[method])
        ops.push({ operationId: item[method].operationId, method, template });
    }
  }
  return ops;
}

type Segment = string | number;

/** Every place in a body a value can be put: each field and list entry, at any depth. */
function placesOf(body: unknown, at: Segment[] = []): Segment[][] {
  if (Array.isArray(body))
    return body.flatMap((v, i) => [[...at, i], ...placesOf(v, [...at, i])]);
  if (typeof body === 'object' && body !== null) {
    return Object.entries(body).flatMap(([k, v]) => [
      [...at, k],
      ...placesOf(v, [...at, k]),
    ]);
  }
  return [];
}

/** The objects of a body (the body itself included), where an unknown field can be added. */
const objectsOf = (body: unknown): Segment[][] =>
  [[], ...placesOf(body)].filter(p => {
    const v = p.reduce<any>((o, k) => o[k], body);
    return typeof v === 'object' && v !== null && !Array.isArray(v);
  });

const withValueAt = (body: unknown, at: Segment[], value: unknown): unknown => {
  const copy = JSON.parse(JSON.stringify(body));
  if (!at.length) return value;
  const parent = at.slice(0, -1).reduce<any>((o, k) => o[k], copy);
  parent[at[at.length - 1]] = value;
  return copy;
};

/** The name an answer must mention: the field's own name, or its list's for a list entry. */
const nameOf = (at: Segment[]) =>
  String([...at].reverse().find(s => typeof s === 'string') ?? '');

/** A generated bad value somewhere in a valid body, and the field its answer must name. */
type BadBody = { body: string; field: string; what: string };

function badBodies(valid: unknown): fc.Arbitrary<BadBody> {
  const places = placesOf(valid);
  const objects = objectsOf(valid);
  const deep = fc
    .integer({ min: 2, max: 6_000 })
    .map(d => ({ value: nested(d), what: `${d} levels deep` }));
  const long = fc
    .integer({ min: 20_001, max: 150_000 })
    .map(n => ({ value: 'x'.repeat(n), what: `${n} characters` }));
  const replaced = places.length
    ? fc
        .tuple(fc.constantFrom(...places), fc.oneof(deep, long))
        .map(([at, { value, what }]) => ({
          // JSON text built around the value, so a deep value is not stringified recursively
          body: spliced(withValueAt(valid, at, '\u0000BAD\u0000'), value),
          field: nameOf(at),
          what: `${at.join('.')}: ${what}`,
        }))
    : undefined;
  const unknown = fc
    .tuple(
      fc.constantFrom(...objects),
      fc.nat(9_999),
      fc.integer({ min: 0, max: 3_000 }),
    )
    .map(([at, n, depth]) => {
      const key = `unknownField${n}`;
      const target = at.reduce<any>(
        (o, k) => o[k],
        JSON.parse(JSON.stringify(valid)),
      );
      return {
        body: spliced(
          withValueAt(valid, at, { ...target, [key]: '\u0000BAD\u0000' }),
          nested(depth),
        ),
        field: key,
        what: `${[...at, key].join('.')}: unknown, ${depth} levels deep`,
      };
    });
  return replaced ? fc.oneof(replaced, unknown) : unknown;
}

/** JSON text of `body` with the placeholder replaced by `value` as JSON text, built iteratively. */
function spliced(body: unknown, value: unknown): string {
  let text: string;
  if (typeof value === 'string') text = JSON.stringify(value);
  else {
    let depth = 0;
    let v: any = value;
    while (typeof v === 'object' && v !== null) {
      depth++;
      v = v.x;
    }
    text = '{"x":'.repeat(depth) + JSON.stringify(v) + '}'.repeat(depth);
  }
  return JSON.stringify(body).replace('"\\u0000BAD\\u0000"', () => text);
}

describe('query parameters of the spec', () => {
  it('take every date or date-time unencoded (allowReserved), as people type them', () => {
    const spec = parse(
      fs.readFileSync(path.resolve(__dirname, 'schema/openapi.yaml'), 'utf8'),
    );
    const temporal = (schema: any): boolean =>
      ['date', 'date-time'].includes(schema?.format) ||
      [...(schema?.anyOf ?? []), ...(schema?.oneOf ?? [])].some(temporal);
    const params = Object.values<any>(spec.paths).flatMap(item =>
      Object.values<any>(item).flatMap(op =>
        (op?.parameters ?? []).filter(
          (p: any) => p.in === 'query' && temporal(p.schema),
        ),
      ),
    );
    expect(params.map(p => p.name)).toContain('before');
    expect(params.filter(p => p.allowReserved !== true)).toEqual([]);
  });
});

const databases = testDatabases();

const specResponses = aimsResponseValidation();

describe.each(databases.eachSupportedId())(
  'bounded input on %s',
  databaseId => {
    let backend: Awaited<ReturnType<typeof startTestBackend>>;
    let knex: Knex;
    let riskId: string;
    const carol = asUser('carol');
    const api = () => request(backend.server);

    /** Rows per table of the plugin's database (knex's own bookkeeping left out). */
    async function rowCounts(): Promise<Record<string, number>> {
      const tables: string[] =
        knex.client.config.client === 'pg'
          ? (
              await knex('information_schema.tables')
                .where('table_schema', knex.raw('current_schema()'))
                .select('table_name')
            ).map((r: any) => r.table_name)
          : (
              await knex('sqlite_master').where('type', 'table').select('name')
            ).map((r: any) => r.name);
      const counts: Record<string, number> = {};
      for (const table of tables.filter(t => t.startsWith('aims_')).sort()) {
        const [{ n }] = await knex(table).count({ n: '*' });
        counts[table] = Number(n);
      }
      return counts;
    }

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      backend = await startTestBackend({
        features: [
          aimsPlugin,
          specResponses.module,
          catalogPlugin,
          catalogModuleAims,
          testEntitiesModule(entities, { name: 'bounds-entities' }),
          userInfoFromCatalog,
          mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
          databaseFactory({
            aims: knex,
            catalog: await databases.init(databaseId),
          }),
          mockServices.rootConfig.factory({
            data: {
              // the row counts below change only through the requests
              aims: tasksLater(),
            },
          }),
        ],
      });
      await waitForCatalog(
        () =>
          api()
            .get(
              '/api/catalog/entities/by-query?filter=kind=aisystem&filter=kind=user',
            )
            .set(carol),
        items => items.length === 3 && items.every(e => e.relations?.length),
        'the catalog',
      );
      const created = await api()
        .post('/api/aims/risks')
        .set(carol)
        .send(riskBody({ aiSystemRef: FRAUD }));
      if (created.status !== 201) {
        throw new Error(
          `set-up: creating a risk answered ${created.status} ${created.text}`,
        );
      }
      riskId = created.body.id;
    });

    afterAll(async () => {
      await backend?.stop();
    });

    const concretePath = (template: string) =>
      `/api/aims${template.replace(
        /\{(\w+)\}/g,
        (_m, name: string) =>
          ({
            kind: 'aisystem',
            namespace: 'default',
            name: 'fraud-scorer',
            id: template.startsWith('/risks') ? riskId : '1',
          }[name] ?? 'x'),
      )}`;

    it('refuses a body nested 5,000 levels deep on every write route with 400 naming where, not a stack overflow', async () => {
      const ops = writeOperations();
      expect(ops.length).toBeGreaterThanOrEqual(
        Object.keys(VALID_BODIES).length,
      );
      for (const op of ops) {
        const body = `{"content":${'{"x":'.repeat(5_000)}1${'}'.repeat(
          5_000,
        )}}`;
        const res = await (api() as any)
          [op.method](concretePath(op.template))
          .set(carol)
          .set('Content-Type', 'application/json')
          .send(body);
        expect([op.operationId, res.status]).toEqual([op.operationId, 400]);
        expect(res.body.error.message).toContain('body.content.x.x');
        expect(res.body.error.message).toContain('nested too deeply');
      }
    });

    it('answers nested, oversized and unknown values in every field of every write route with 400 naming the field, or 413, and stores nothing', async () => {
      const tried: Record<string, number> = {};
      for (const op of writeOperations()) {
        const valid = (VALID_BODIES[op.operationId] ?? (() => ({})))();
        const before = await rowCounts();
        tried[op.operationId] = 0;
        await fc.assert(
          fc.asyncProperty(badBodies(valid), async bad => {
            tried[op.operationId]++;
            const res = await (api() as any)
              [op.method](concretePath(op.template))
              .set(carol)
              .set('Content-Type', 'application/json')
              .send(bad.body);
            const where = `${op.operationId} ${bad.what}`;
            if (res.status === 413) return;
            // a batch answers each report on its own: refused, naming the field
            const refusal =
              res.status === 200 && Array.isArray(res.body.results)
                ? res.body.results.map((r: any) => [
                    r.status,
                    // an item's error: { name, message }, or an error body as a route answers
                    r.error?.error?.message ?? r.error?.message ?? '',
                  ])
                : [[res.status, res.body.error?.message ?? '']];
            for (const [status, message] of refusal) {
              expect([where, status]).toEqual([where, 400]);
              expect([where, message]).toEqual([
                where,
                expect.stringContaining(bad.field),
              ]);
            }
          }),
          { numRuns: 50, endOnFailure: true },
        );
        expect([op.operationId, await rowCounts()]).toEqual([
          op.operationId,
          before,
        ]);
      }
      // eslint-disable-next-line no-console
      console.log(
        `bounded input on ${databaseId}: ${Object.values(tried).reduce(
          (a, b) => a + b,
          0,
        )} generated bodies (${Object.entries(tried)
          .map(([id, n]) => `${id} ${n}`)
          .join(', ')})`,
      );
      expect(Object.keys(tried).sort()).toEqual(
        writeOperations()
          .map(o => o.operationId)
          .sort(),
      );
    });

    describe('records stored before input was bounded', () => {
      const LEGACY = 'aisystem:default/legacy-bot';
      const IA = '/api/aims/impact-assessments/aisystem/default/legacy-bot';

      it('an impact assessment with a deep, unknown part stays readable, and an edit that replaces it is accepted with a small audit entry', async () => {
        const stored = {
          ...content(),
          euAiAct: { tier: 'high-risk', reasoning: 'r', notes: nested(1_000) },
        };
        await new ImpactAssessmentStore(knex).insert({
          aiSystemRef: LEGACY,
          version: 1,
          status: 'draft',
          content: stored,
          author: 'user:default/carol',
        });
        const read = await api().get(IA).set(carol);
        expect(read.status).toBe(200);
        expect(read.body.latest.content.euAiAct.notes.x.x).toBeDefined();

        // the same part sent back is refused, naming it
        const again = await api()
          .put(`${IA}/draft`)
          .set(carol)
          .set('Content-Type', 'application/json')
          .send(
            JSON.stringify({
              content: {
                ...stored,
                euAiAct: { ...stored.euAiAct, notes: 'N' },
              },
              revision: 1,
            }).replace(
              '"notes":"N"',
              `"notes":${'{"x":'.repeat(1_000)}"leaf"${'}'.repeat(1_000)}`,
            ),
          );
        expect(again.status).toBe(400);
        expect(again.body.error.message).toContain('euAiAct');

        const fixed = await api()
          .put(`${IA}/draft`)
          .set(carol)
          .send({ content: content(), revision: read.body.latest.revision });
        expect([fixed.status, fixed.body.error]).toEqual([200, undefined]);
        expect(fixed.body.content.euAiAct).toEqual(content().euAiAct);

        const audit = await api()
          .get(`/api/aims/audit?entityRef=${LEGACY}&limit=1`)
          .set(carol);
        expect(audit.body.items[0].action).toBe(
          'impact-assessment.draft-saved',
        );
        expect(JSON.stringify(audit.body.items[0].details).length).toBeLessThan(
          2_000,
        );
      });

      it('a risk with deep, unknown parts in source and actions stays readable, and an edit that replaces them is accepted', async () => {
        const id = 'legacy-risk-1';
        await new RiskStore(knex).insert({
          ...(riskBody({
            source: {
              impactAssessmentVersion: 1,
              dimension: 'fairness',
              extra: nested(1_000),
            },
            actions: [
              {
                description: 'Bias test',
                owner: 'user:default/carol',
                dueDate: isoDay(30),
                status: 'open',
                extra: nested(800),
              },
            ],
          }) as unknown as RiskInput),
          id,
          aiSystemRef: LEGACY,
          createdBy: 'user:default/carol',
        });
        const read = await api().get(`/api/aims/risks/${id}`).set(carol);
        expect(read.status).toBe(200);
        const fixed = await api()
          .put(`/api/aims/risks/${id}`)
          .set(carol)
          .send({ ...riskBody(), revision: read.body.revision });
        expect([fixed.status, fixed.body.error]).toEqual([200, undefined]);
        expect(fixed.body.source).toEqual({
          impactAssessmentVersion: 1,
          dimension: 'fairness',
        });
        const audit = await api()
          .get(`/api/aims/audit?entityRef=${LEGACY}&limit=1`)
          .set(carol);
        expect(audit.body.items[0].action).toBe('risk.updated');
        expect(JSON.stringify(audit.body.items[0].details).length).toBeLessThan(
          2_000,
        );
      });
    });

    describe('GET /audit', () => {
      it('takes date-times in query parameters as people type them', async () => {
        for (const before of [
          '2999-11-30T20:00:00Z',
          '2999-11-30T20:00:00.000Z',
          '2999-11-30',
        ]) {
          const res = await api()
            .get(`/api/aims/audit?before=${before}`)
            .set(carol);
          expect([before, res.status, res.body.error]).toEqual([
            before,
            200,
            undefined,
          ]);
          expect(res.body.items.length).toBeGreaterThan(0);
        }
        const past = await api()
          .get('/api/aims/audit?before=2000-01-01T00:00:00Z')
          .set(carol);
        expect(past.body).toEqual({ items: [] });
        const bad = await api()
          .get('/api/aims/audit?before=yesterday')
          .set(carol);
        expect(bad.status).toBe(400);
        expect(bad.body.error.message).toContain('before');
      });

      it('pages without a filter: limit is bounded, nextBefore leads through every event once', async () => {
        await knex('aims_audit_log').insert(
          Array.from({ length: 25 }, (_, i) => ({
            at: new Date(Date.now() - (i + 1) * 1000),
            actor: 'user:default/carol',
            action: 'test.paged',
            entity_ref: FRAUD,
            details: JSON.stringify({ n: i }),
          })),
        );
        const total = Number(
          (await knex('aims_audit_log').count({ n: '*' }))[0].n,
        );
        expect(
          (await api().get('/api/aims/audit?limit=1001').set(carol)).status,
        ).toBe(400);
        const first = await api().get('/api/aims/audit').set(carol);
        expect(first.body.items.length).toBe(Math.min(total, 100));

        const seen: string[] = [];
        let before: string | undefined;
        for (let page = 0; page < 100; page++) {
          const res = await api()
            .get(`/api/aims/audit?limit=7${before ? `&before=${before}` : ''}`)
            .set(carol);
          expect(res.status).toBe(200);
          expect(res.body.items.length).toBeLessThanOrEqual(7);
          seen.push(...res.body.items.map((e: any) => e.id));
          before = res.body.nextBefore;
          if (!before) break;
          expect(res.body.items.length).toBe(7);
        }
        expect(seen.length).toBe(total);
        expect(new Set(seen).size).toBe(total);
        expect(seen.map(Number)).toEqual(
          [...seen.map(Number)].sort((a, b) => b - a),
        );
      });
    });
  },
);
