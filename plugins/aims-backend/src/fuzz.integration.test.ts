/*
 * Bad input never breaks the API. Every operation of the OpenAPI spec (read from
 * src/schema/openapi.yaml, so a new route is covered without touching this file), reads as
 * well as writes, gets generated bad path parameters, query strings and bodies derived from
 * the spec's own schemas (wrong types, out-of-range numbers, bad enum values, overlong
 * strings, NUL characters, malformed entity refs, repeated and bracketed query parameters),
 * and every write route gets malformed bodies (invalid JSON text, non-JSON content types).
 * Every case derived from the spec is sent once (the random nested, oversized and unknown
 * values of boundedInput.integration.test.ts complement them).
 * The answer is a 4xx whose message names the field — never 5xx, never a stack trace — and
 * the plugin's tables are exactly what they were before. Counts of the cases tried are
 * printed per operation and in total.
 */
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import catalogModuleAims from '@aims-backstage/backstage-plugin-catalog-backend-module-aims';
import { Knex } from 'knex';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { parse } from 'yaml';
import aimsPlugin from './index';
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
import { FRAUD, riskBody, VALID_BODIES } from './__testUtils__/requestBodies';

jest.setTimeout(600_000);

const entities: Entity[] = [
  group('compliance'),
  user('carol', ['compliance']),
  aiSystem('fraud-scorer', { owner: 'group:default/compliance' }),
];

// ----- the spec, read at test time -----

const spec = parse(
  fs.readFileSync(path.resolve(__dirname, 'schema/openapi.yaml'), 'utf8'),
);

/** A schema or parameter with its `$ref` followed and `allOf` merged (enough for this spec). */
function resolved(node: any): any {
  let n = node;
  while (n?.$ref) {
    n = n.$ref
      .replace(/^#\//, '')
      .split('/')
      .reduce((o: any, k: string) => o?.[k.replace(/~1/g, '/')], spec);
  }
  if (!n?.allOf) return n;
  const parts = n.allOf.map(resolved);
  return {
    ...n,
    type: 'object',
    properties: Object.assign({}, ...parts.map((p: any) => p.properties)),
    required: parts.flatMap((p: any) => p.required ?? []),
  };
}

interface Parameter {
  name: string;
  in: 'path' | 'query';
  schema: any;
}

interface Operation {
  operationId: string;
  method: 'get' | 'put' | 'post' | 'patch' | 'delete';
  template: string;
  parameters: Parameter[];
  body?: any;
}

const METHODS = ['get', 'put', 'post', 'patch', 'delete'] as const;

const operations: Operation[] = Object.entries<any>(spec.paths).flatMap(
  ([template, item]) =>
    METHODS.filter(m => item[m]).map(method => ({
      operationId: item[method].operationId,
      method,
      template,
      parameters: [
        ...(item.parameters ?? []),
        ...(item[method].parameters ?? []),
      ]
        .map(resolved)
        .map((p: any) => ({ ...p, schema: resolved(p.schema) })),
      body: resolved(
        item[method].requestBody?.content?.['application/json']?.schema,
      ),
    })),
);
const writes = operations.filter(o => o.method !== 'get');

// ----- generated bad values -----

const NUL = 'a\u0000b';
/** Entity refs no entity can have. */
const BAD_REFS = ['a:b:c', 'aisystem:default/na me', ':', 'x:y/z/w', '/'];
/** Query parameters holding an entity ref (their descriptions say so). */
const isRefParameter = (p: Parameter) =>
  /Ref$|^owner$/.test(p.name) && p.in === 'query';

const types = (schema: any): string[] => {
  if (!schema) return [];
  if (Array.isArray(schema.type)) return schema.type;
  return schema.type ? [schema.type] : [];
};

/** Values of a path or query parameter its schema does not allow, as text. */
function badParameterValues(p: Parameter): string[] {
  const s = p.schema ?? {};
  const values: string[] = [];
  const t = types(s);
  if (t.includes('integer') || t.includes('number')) {
    values.push('abc', '1e400', '0x10', '');
    if (t.includes('integer')) values.push('1.5');
    if (s.minimum !== undefined) values.push(String(s.minimum - 1));
    if (s.maximum !== undefined) values.push(String(s.maximum + 1));
    if (s.enum) values.push('8');
  }
  if (t.includes('boolean')) values.push('maybe', '2', '');
  if (s.enum && t.includes('string')) values.push('not-a-value', '');
  if (t.includes('string') && !s.enum) {
    if (s.maxLength !== undefined) values.push('x'.repeat(s.maxLength + 1));
    if (s.minLength && p.in === 'query') values.push('');
    values.push(NUL);
  }
  if (s.anyOf) values.push('yesterday', NUL);
  if (isRefParameter(p)) values.push(...BAD_REFS);
  return values;
}

/** Path parameters that name an entity, a record or a version, each sent malformed. */
function badPathValues(p: Parameter): string[] {
  return [
    ...badParameterValues(p).filter(v => v !== ''),
    'x'.repeat(3_000),
    'na me',
    'é'.repeat(300),
  ];
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

const valueAt = (v: unknown, at: Segment[]) =>
  at.reduce<any>((o, k) => o?.[k], v);

/** The schema of the value at a place in a body (undefined where the schema is not plain). */
function schemaAt(schema: any, at: Segment[]): any {
  let s = resolved(schema);
  for (const k of at) {
    if (!s) return undefined;
    s = resolved(typeof k === 'number' ? s.items : s.properties?.[k]);
  }
  return s;
}

const jsonType = (v: unknown): string => {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
};

const allows = (schema: any, v: unknown) => {
  const t = types(schema);
  const vt = jsonType(v);
  return t.includes(vt) || (vt === 'integer' && t.includes('number'));
};

const CANDIDATES: unknown[] = [42, 1.5, true, null, 'text', ['text'], {}];

/** A bad value at one place of a valid body, and the field the answer must name. */
interface BadBody {
  body: unknown;
  field: string;
  what: string;
}

const withValueAt = (body: unknown, at: Segment[], value: unknown): unknown => {
  const copy = JSON.parse(JSON.stringify(body));
  const parent = at.slice(0, -1).reduce<any>((o, k) => o[k], copy);
  parent[at[at.length - 1]] = value;
  return copy;
};

const without = (body: unknown, at: Segment[]): unknown => {
  const copy = JSON.parse(JSON.stringify(body));
  const parent = at.slice(0, -1).reduce<any>((o, k) => o[k], copy);
  delete parent[at[at.length - 1]];
  return copy;
};

/** The name an answer must mention: the field's own name, or its list's for a list entry. */
const nameOf = (at: Segment[]) =>
  String([...at].reverse().find(s => typeof s === 'string') ?? 'body');

/** Every bad body the spec's schema says is wrong, derived from a valid one. */
function badBodies(schema: any, valid: unknown): BadBody[] {
  const out: BadBody[] = [];
  for (const at of placesOf(valid)) {
    const s = schemaAt(schema, at);
    const where = at.join('.');
    const field = nameOf(at);
    const put = (value: unknown, what: string) =>
      out.push({ body: withValueAt(valid, at, value), field, what });
    if (types(s).length) {
      for (const v of CANDIDATES.filter(c => !allows(s, c)))
        put(v, `${where} = ${JSON.stringify(v)}`);
    }
    if (s?.enum) put('not-a-value', `${where} = "not-a-value"`);
    if (s?.minimum !== undefined) put(s.minimum - 1, `${where} below minimum`);
    if (s?.maximum !== undefined) put(s.maximum + 1, `${where} above maximum`);
    if (s?.maxLength !== undefined)
      put('x'.repeat(s.maxLength + 1), `${where} over maxLength`);
    if (typeof at[at.length - 1] === 'string') {
      const parent = schemaAt(schema, at.slice(0, -1));
      if ((parent?.required ?? []).includes(at[at.length - 1]))
        out.push({
          body: without(valid, at),
          field,
          what: `${where} left out`,
        });
    }
    if (typeof valueAt(valid, at) === 'string')
      put(NUL, `${where} with a NUL character`);
  }
  return out;
}

/** Bodies that are not JSON a client meant, for every write route. */
const MALFORMED: { contentType?: string; text: string; status: number }[] = [
  { contentType: 'application/json', text: '{', status: 400 },
  { contentType: 'application/json', text: '{"revision": 1,}', status: 400 },
  { contentType: 'application/json', text: "{'revision': 1}", status: 400 },
  { contentType: 'application/json', text: '{"a":1} trailing', status: 400 },
  { contentType: 'application/json', text: 'nul', status: 400 },
  { contentType: 'application/json; charset=utf-8', text: '{', status: 400 },
  {
    contentType: 'application/merge-patch+json',
    text: '{"revision": 1}',
    status: 415,
  },
  { contentType: 'text/plain', text: '{"revision": 1}', status: 415 },
  {
    contentType: 'application/x-www-form-urlencoded',
    text: 'revision=1&action=approve',
    status: 415,
  },
  {
    contentType: 'application/xml',
    text: '<revision>1</revision>',
    status: 415,
  },
  {
    contentType: 'multipart/form-data; boundary=x',
    text: '--x--',
    status: 415,
  },
  { contentType: undefined, text: '{"revision": 1}', status: 415 },
];

// ----- the test -----

const databases = testDatabases();
const specResponses = aimsResponseValidation();

describe.each(databases.eachSupportedId())('bad input on %s', databaseId => {
  let backend: Awaited<ReturnType<typeof startTestBackend>>;
  let knex: Knex;
  let riskId: string;
  const carol = asUser('carol');
  const api = () => request(backend.server);

  /** Every row of every table of the plugin (knex's own bookkeeping left out), as text. */
  async function snapshot(): Promise<Record<string, string>> {
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
    const rows: Record<string, string> = {};
    for (const table of tables.filter(t => t.startsWith('aims_')).sort()) {
      rows[table] = (await knex(table).select('*'))
        .map(r => JSON.stringify(r))
        .sort()
        .join('\n');
    }
    return rows;
  }

  beforeAll(async () => {
    knex = await databases.init(databaseId);
    backend = await startTestBackend({
      features: [
        aimsPlugin,
        specResponses.module,
        catalogPlugin,
        catalogModuleAims,
        testEntitiesModule(entities, { name: 'fuzz-entities' }),
        userInfoFromCatalog,
        mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
        databaseFactory({
          aims: knex,
          catalog: await databases.init(databaseId),
        }),
        mockServices.rootConfig.factory({ data: { aims: tasksLater() } }),
      ],
    });
    await waitForCatalog(
      () =>
        api()
          .get(
            '/api/catalog/entities/by-query?filter=kind=aisystem&filter=kind=user',
          )
          .set(carol),
      items => items.length === 2 && items.every(e => e.relations?.length),
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

  const validPathValue = (template: string, name: string) =>
    ({
      kind: 'aisystem',
      namespace: 'default',
      name: 'fraud-scorer',
      id: template.startsWith('/risks') ? riskId : '1',
      version: '1',
      controlId: 'A.5.2',
    }[name] ?? 'x');

  /** The operation's URL with valid path values but those given, and its required query. */
  const urlOf = (
    op: Operation,
    pathValues: Record<string, string> = {},
    query = '',
  ) => {
    const required = op.parameters
      .filter(p => p.in === 'query' && (p as any).required)
      .filter(p => !query.startsWith(`${p.name}=`))
      .map(p => `${p.name}=${p.schema?.minimum ?? 0}`);
    const search = [query, ...required].filter(Boolean).join('&');
    return `/api/aims${op.template.replace(/\{(\w+)\}/g, (_m, name: string) =>
      encodeURIComponent(pathValues[name] ?? validPathValue(op.template, name)),
    )}${search ? `?${search}` : ''}`;
  };

  /** Problems with one answer to a bad request: what a client must never see. */
  function problemsWith(
    res: request.Response,
    where: string,
    names: string[],
    statuses: number[] = [400],
  ): string[] {
    const problems: string[] = [];
    const text = res.text ?? '';
    if (/"stack"|\n\s+at /.test(text)) problems.push(`${where}: a stack trace`);
    // a batch answers each report on its own: refused, naming the field
    const refusals: [number, string][] =
      res.status === 200 && Array.isArray(res.body?.results)
        ? res.body.results.map((r: any) => [
            r.status,
            r.error?.error?.message ?? r.error?.message ?? '',
          ])
        : [[res.status, res.body?.error?.message ?? '']];
    for (const [status, message] of refusals) {
      if (!statuses.includes(status)) {
        problems.push(`${where}: ${status} ${text.slice(0, 300)}`);
      } else if (!names.some(n => message.includes(n))) {
        problems.push(
          `${where}: ${status} "${message.slice(0, 200)}" names none of ${names
            .map(n => `"${n.slice(0, 40)}"`)
            .join(', ')}`,
        );
      }
    }
    return problems;
  }

  it('answers generated bad path parameters, query strings and bodies of every operation with 4xx naming the field, and changes nothing', async () => {
    const tried: Record<string, number> = {};
    const problems: string[] = [];
    for (const op of operations) {
      const valid = VALID_BODIES[op.operationId]?.();
      const send = (url: string, body?: unknown) => {
        let req = (api() as any)[op.method](url).set(carol);
        if (body !== undefined)
          req = req
            .set('Content-Type', 'application/json')
            .send(JSON.stringify(body));
        return req as Promise<request.Response>;
      };
      type Case = {
        url: string;
        body?: unknown;
        names: string[];
        what: string;
        statuses?: number[];
      };
      const cases: Case[] = [];
      for (const p of op.parameters) {
        if (p.in === 'path') {
          for (const v of badPathValues(p))
            cases.push({
              url: urlOf(op, { [p.name]: v }),
              body: valid,
              // a record or entity that cannot exist is not found, naming what was asked for
              names: [p.name, v.slice(0, 20)],
              what: `path ${p.name}=${JSON.stringify(v.slice(0, 30))}`,
              statuses: [400, 404],
            });
        } else {
          for (const v of badParameterValues(p))
            cases.push({
              url: urlOf(op, {}, `${p.name}=${encodeURIComponent(v)}`),
              body: valid,
              names: [p.name],
              what: `query ${p.name}=${JSON.stringify(v.slice(0, 30))}`,
            });
          cases.push(
            {
              url: urlOf(op, {}, `${p.name}=a&${p.name}=b`),
              body: valid,
              names: [p.name],
              what: `query ${p.name} repeated`,
            },
            {
              url: urlOf(op, {}, `${p.name}[x]=1`),
              body: valid,
              names: [p.name],
              what: `query ${p.name}[x]`,
            },
          );
        }
      }
      cases.push({
        url: urlOf(op, {}, 'unknownParameter=1'),
        body: valid,
        names: ['unknownParameter'],
        what: 'unknown query parameter',
      });
      if (op.body && valid !== undefined) {
        for (const bad of badBodies(op.body, valid))
          cases.push({
            url: urlOf(op),
            body: bad.body,
            names: [bad.field],
            what: bad.what,
          });
      }
      tried[op.operationId] = 0;
      if (!cases.length) continue;
      const before = await snapshot();
      // every case derived from the spec, each once: a failure names the exact request
      for (const c of cases) {
        tried[op.operationId]++;
        const res = await send(c.url, c.body);
        problems.push(
          ...problemsWith(
            res,
            `${op.operationId} ${c.what}`,
            c.names,
            c.statuses,
          ),
        );
      }
      const after = await snapshot();
      for (const table of Object.keys(after))
        if (after[table] !== before[table])
          problems.push(`${op.operationId}: ${table} changed`);
    }
    const total = Object.values(tried).reduce((a, b) => a + b, 0);
    // eslint-disable-next-line no-console
    console.log(
      `fuzz on ${databaseId}: ${total} bad requests over ${
        operations.length
      } operations (${Object.entries(tried)
        .map(([id, n]) => `${id} ${n}`)
        .join(', ')})`,
    );
    expect(problems).toEqual([]);
    expect(Object.keys(tried).length).toBe(operations.length);
  });

  it('answers invalid JSON with 400 and a body that is not JSON with 415 on every write route, and stores nothing', async () => {
    const problems: string[] = [];
    let tried = 0;
    const address = backend.server.address();
    const base = `http://127.0.0.1:${
      typeof address === 'object' ? address?.port : ''
    }`;
    const before = await snapshot();
    for (const op of writes) {
      for (const m of MALFORMED) {
        tried++;
        // fetch sends the bytes as they are, with no Content-Type unless one is given
        const sent = await fetch(`${base}${urlOf(op)}`, {
          method: op.method.toUpperCase(),
          headers: {
            ...carol,
            ...(m.contentType ? { 'Content-Type': m.contentType } : {}),
          },
          body: new TextEncoder().encode(m.text),
        });
        const text = await sent.text();
        let body: unknown;
        try {
          body = JSON.parse(text);
        } catch {
          body = undefined;
        }
        const res = { status: sent.status, text, body } as request.Response;
        problems.push(
          ...problemsWith(
            res,
            `${op.operationId} ${m.contentType ?? 'no content type'}: ${
              m.text
            }`,
            m.status === 415
              ? [
                  m.contentType?.split(';')[0] ?? 'Content-Type',
                  'application/json',
                ]
              : ['JSON'],
            [m.status],
          ),
        );
      }
    }
    expect(await snapshot()).toEqual(before);
    // eslint-disable-next-line no-console
    console.log(
      `fuzz on ${databaseId}: ${tried} malformed bodies over ${writes.length} write operations`,
    );
    expect(problems).toEqual([]);
  });
});
