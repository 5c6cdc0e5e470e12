/*
 * Every route permission-checked: each OpenAPI operation (read from src/schema/openapi.yaml)
 * against every kind of caller, with the status each must get in ONE table. An operation the
 * spec has and the table lacks, or a table row naming an operation the spec does not have,
 * fails the test.
 *
 * Real permission backend (the policy composed from the shipped aimsPolicyDecision plus a
 * catalog read rule that hides the restricted entities from outsiders), real catalog, real
 * verification of the static ingest token.
 */
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { notificationService } from '@backstage/plugin-notifications-node';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import {
  ORGANISATION_SOA_REF,
  emptyImpactAssessmentContent,
} from '@aims-backstage/backstage-plugin-aims-common';
import catalogModuleAims from '@aims-backstage/backstage-plugin-catalog-backend-module-aims';
import { Knex } from 'knex';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { parse } from 'yaml';
import aimsPlugin from './index';
import { FindingStore } from './findings/FindingStore';
import {
  aiSystem,
  databaseFactory,
  group,
  locationAnnotations,
  testEntitiesModule,
  user,
  userInfoFromCatalog,
  waitForCatalog,
} from './testing/testHarness';
import { authWithExternalTokens } from './__testUtils__/authWithExternalTokens';
import { aimsResponseValidation } from './__testUtils__/responseValidator';
import {
  RESTRICTED_LABEL,
  aimsTestPolicy,
  asUser,
  permissionBackendWith,
  tasksLater,
  testDatabases,
} from './__testUtils__/testBackend';

jest.setTimeout(240_000);

const INGEST_TOKEN = 'matrix-ingest-token-0123456789';

const component = (
  name: string,
  owner: string,
  restricted = false,
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    annotations: locationAnnotations(),
    ...(restricted ? { labels: { [RESTRICTED_LABEL]: 'true' } } : {}),
  },
  spec: { type: 'service', lifecycle: 'production', owner },
});

const entities: Entity[] = [
  group('risk-ml'),
  group('other-team'),
  group('compliance'),
  group('outsiders'),
  user('paula', ['risk-ml']),
  user('bob', ['other-team']),
  user('carol', ['compliance']),
  user('olivia', ['outsiders']),
  component('payments-api', 'group:default/risk-ml', true),
  component('chat-api', 'group:default/other-team'),
  aiSystem(
    'fraud-scorer',
    {
      owner: 'group:default/risk-ml',
      dependencyOf: ['component:default/payments-api'],
      models: [{ name: 'fraud-xgb', version: '3.2.0' }],
    },
    { labels: { [RESTRICTED_LABEL]: 'true' } },
  ),
  aiSystem('support-bot', {
    owner: 'group:default/other-team',
    dependencyOf: ['component:default/chat-api'],
  }),
];

/**
 * The adopter's policy as the README shows it: the shipped aimsPolicyDecision for AIMS
 * permissions; the rest allowed, except that outsiders can't read restricted entities.
 */
const policyModule = aimsTestPolicy('matrix-policy', {
  restrictedFrom: 'group:default/outsiders',
});

/** Drift notifications go nowhere here (no notifications backend in this test). */
const noNotifications = createServiceFactory({
  service: notificationService,
  deps: {},
  factory: () => ({ async send() {} }),
});

/** Who calls, in the order of the table's columns. */
const CALLERS = [
  'none',
  'owner',
  'otherEngineer',
  'compliance',
  'ingest',
  'cantSee',
] as const;
type Caller = (typeof CALLERS)[number];

const headers: Record<Caller, Record<string, string>> = {
  none: {},
  owner: asUser('paula'),
  otherEngineer: asUser('bob'),
  compliance: asUser('carol'),
  ingest: { Authorization: `Bearer ${INGEST_TOKEN}` },
  cantSee: asUser('olivia'),
};

const FRAUD = 'aisystem:default/fraud-scorer';
const PAY = 'component:default/payments-api';
const IA = '/impact-assessments/aisystem/default/fraud-scorer';
const CONTROLS = '/controls/aisystem/default/fraud-scorer';
/** An SoA control row owned by paula's group: she may save it without aims.soa.update. */
const OWNED_CONTROL = 'A.6.2.6';
const ownedControlRow = (revision: number) => ({
  revision,
  applicable: true,
  justification: 'Monitoring of AI systems in operation',
  implementationStatus: 'in-progress',
  owner: 'group:default/risk-ml',
});
const evidenceBody = (over: Record<string, unknown> = {}) => ({
  title: 'Monitoring runbook',
  href: 'https://docs.example.com/runbook',
  collectedAt: '2026-11-01',
  ...over,
});

/** Ids of the records the table's requests are about (created in beforeAll). */
interface Fixture {
  riskId: string;
  findingId: string;
  /** GETs as compliance (sees everything), for requests that send the current revision. */
  read: (path: string) => Promise<any>;
  /**
   * Opens the finding again when the drift reconcile (queued by the fixture's deployment
   * report, at a time the test does not control) resolved it: the row is about who may act,
   * and a resolved finding allows no action at all.
   */
  reopenFinding: () => Promise<void>;
  /** The revision of the newest SoA version. */
  soaRevision: () => Promise<number>;
  /** Evidence of the organisation (on A.6.2.6, owned by risk-ml) and of fraud-scorer. */
  orgEvidenceId: string;
  systemEvidenceId: string;
  /** An evidence item with its current revision (read as compliance). */
  evidence: (id: string) => Promise<any>;
}

interface Req {
  method: 'get' | 'put' | 'post' | 'delete';
  path: string;
  body?: unknown;
}

interface Row {
  operationId: string;
  /** Tells two rows of one operation apart. */
  variant?: string;
  request: (f: Fixture, caller: Caller) => Req | Promise<Req>;
  /** Status per caller: none, owner, other engineer, compliance, ingest token, can't see. */
  expected: [number, number, number, number, number, number];
}

const get = (route: string) => (): Req => ({ method: 'get', path: route });
const DAY = 24 * 3600_000;
const isoDay = (days: number) =>
  new Date(Date.now() + days * DAY).toISOString().slice(0, 10);
let n = 0;
const report = (caller: Caller) => ({
  id: `matrix-${caller}-${++n}`,
  component: PAY,
  environment: 'production',
  deployedAt: new Date(Date.now() - 3600_000).toISOString(),
  aiSystems: [{ ref: FRAUD, version: '3.2.0' }],
});
const monitoringReport = () => ({
  entityRef: FRAUD,
  environment: 'production',
  results: [
    {
      metric: 'auc',
      value: 0.9,
      observedAt: new Date(Date.now() - ++n * 60_000).toISOString(),
    },
  ],
});
const riskBody = (over: Record<string, unknown> = {}) => ({
  title: 'Unfair declines',
  description: 'Some groups are declined more often',
  inherent: { likelihood: 5, impact: 5 },
  residual: { likelihood: 3, impact: 4 },
  treatment: 'mitigate',
  actions: [
    {
      description: 'Bias test',
      owner: 'user:default/paula',
      dueDate: isoDay(30),
      status: 'open',
    },
  ],
  controls: [],
  riskOwner: 'user:default/paula',
  ...over,
});

/*
 * The matrix. Writes that a caller may make succeed or, where the outcome would depend on
 * what an earlier caller did, fail after the permission check (409 for a stale revision,
 * 400 where the entity has nothing to import): either way they are past authorization. 401:
 * no credentials. 403: authenticated but not allowed. 404: the entity is hidden from the
 * caller, so the record does not exist for them. Service principals (the ingest token) read
 * everything but never write as a person.
 */
// prettier-ignore
const MATRIX: Row[] = [
  //                                                                                            none owner other compl ingest cantSee
  { operationId: 'GetInventory', request: get('/inventory'),                             expected: [401, 200, 200, 200, 200, 200] },
  { operationId: 'GetInventoryCounts', request: get('/inventory/counts'),                expected: [401, 200, 200, 200, 200, 200] },
  { operationId: 'GetEntityStatus', request: get('/status/aisystem/default/fraud-scorer'), expected: [401, 200, 200, 200, 200, 404] },
  { operationId: 'GetImpactAssessment', request: get(IA),                                expected: [401, 200, 200, 200, 200, 404] },
  { operationId: 'GetImpactAssessmentVersion', request: get(`${IA}/versions/1`),         expected: [401, 200, 200, 200, 200, 404] },
  { operationId: 'SaveImpactAssessmentDraft',
    request: async f => ({ method: 'put', path: `${IA}/draft`, body: {
      content: { ...emptyImpactAssessmentContent('minimal-risk'), intendedUse: 'Scores payments' },
      revision: (await f.read(IA)).latest.revision } }),                               expected: [401, 200, 403, 200, 403, 404] },
  { operationId: 'TransitionImpactAssessment',
    request: () => ({ method: 'post', path: `${IA}/transitions`, body: { action: 'submit', revision: 999999 } }),
                                                                                         expected: [401, 409, 403, 409, 403, 404] },
  { operationId: 'TransitionImpactAssessment',
    variant: 'approve', request: () => ({ method: 'post', path: `${IA}/transitions`, body: { action: 'approve', revision: 999999 } }),
                                                                                         expected: [401, 403, 403, 409, 403, 404] },
  { operationId: 'ImportImpactAssessment',
    request: () => ({ method: 'post', path: `${IA}/import`, body: {} }),                expected: [401, 400, 403, 400, 403, 404] },
  { operationId: 'ListRisks', request: get('/risks'),                                    expected: [401, 200, 200, 200, 200, 200] },
  { operationId: 'CreateRisk', // naming someone else as the accountable risk owner: aims.risk.update
    request: () => ({ method: 'post', path: '/risks', body: riskBody({ aiSystemRef: FRAUD, riskOwner: 'user:default/bob' }) }),
                                                                                         expected: [401, 201, 403, 201, 403, 404] },
  { operationId: 'CreateRisk', variant: 'naming paula, the owner, as risk owner', // for paula herself: aims.risk.assignOwner
    request: () => ({ method: 'post', path: '/risks', body: riskBody({ aiSystemRef: FRAUD }) }),
                                                                                         expected: [401, 403, 403, 201, 403, 404] },
  { operationId: 'CreateRisk', variant: "naming the owner's group as risk owner", // for a member: aims.risk.assignOwner
    request: () => ({ method: 'post', path: '/risks', body: riskBody({ aiSystemRef: FRAUD, riskOwner: 'group:default/risk-ml' }) }),
                                                                                         expected: [401, 403, 403, 201, 403, 404] },
  { operationId: 'GetRiskMatrix', request: get('/risks/matrix'),                         expected: [401, 200, 200, 200, 200, 200] },
  { operationId: 'GetRiskHeatMap', request: get(`/risks/heatmap?aiSystemRef=${FRAUD}`),  expected: [401, 200, 200, 200, 200, 404] },
  { operationId: 'GetRisk', request: f => get(`/risks/${f.riskId}`)(),                   expected: [401, 200, 200, 200, 200, 404] },
  { operationId: 'UpdateRisk',
    request: async f => ({ method: 'put', path: `/risks/${f.riskId}`,
      body: { ...riskBody(), revision: (await f.read(`/risks/${f.riskId}`)).revision } }),
                                                                                         expected: [401, 200, 403, 200, 403, 404] },
  { operationId: 'SignOffRisk', // the risk owner (paula) only, not even compliance
    request: async f => ({ method: 'post', path: `/risks/${f.riskId}/sign-off`,
      body: { revision: (await f.read(`/risks/${f.riskId}`)).revision } }),             expected: [401, 200, 403, 403, 403, 404] },
  { operationId: 'UpdateRisk', variant: 'a new risk owner', // aims.risk.assignOwner (compliance) or the current risk owner
    request: async f => {
      const current = await f.read(`/risks/${f.riskId}`);
      const riskOwner = current.riskOwner === 'user:default/paula' ? 'user:default/olivia' : 'user:default/paula';
      return { method: 'put', path: `/risks/${f.riskId}`, body: { ...riskBody({ riskOwner }), revision: current.revision } };
    },                                                                                   expected: [401, 200, 403, 200, 403, 404] },
  { operationId: 'ListFindings', request: get('/findings'),                              expected: [401, 200, 200, 200, 200, 200] },
  { operationId: 'GetFinding', request: f => get(`/findings/${f.findingId}`)(),          expected: [401, 200, 200, 200, 200, 404] },
  { operationId: 'ActOnFinding', // an action the finding's current status allows
    request: async f => {
      await f.reopenFinding();
      const { status } = await f.read(`/findings/${f.findingId}`);
      return { method: 'post', path: `/findings/${f.findingId}/actions`,
        body: status === 'snoozed'
          ? { action: 'acknowledge', reason: 'Looking into it' }
          : { action: 'snooze', reason: 'Fix next sprint', until: isoDay(30) } };
    },                                                                                   expected: [401, 200, 403, 200, 403, 404] },
  { operationId: 'ReportDeployment',
    request: (_f, caller) => ({ method: 'post', path: '/deployments', body: report(caller) }),
                                                                                         expected: [401, 403, 403, 202, 202, 403] },
  { operationId: 'ReportDeployments',
    request: (_f, caller) => ({ method: 'post', path: '/deployments/batch', body: { reports: [report(caller)] } }),
                                                                                         expected: [401, 403, 403, 200, 200, 403] },
  { operationId: 'ReportMonitoringResults',
    request: () => ({ method: 'post', path: '/monitoring/results', body: monitoringReport() }),
                                                                                         expected: [401, 403, 403, 200, 200, 403] },
  { operationId: 'ReportMonitoringResultsBatch',
    request: () => ({ method: 'post', path: '/monitoring/results/batch', body: { reports: [monitoringReport()] } }),
                                                                                         expected: [401, 403, 403, 200, 200, 403] },
  { operationId: 'GetMonitoring', request: get('/monitoring/aisystem/default/fraud-scorer?days=7'),
                                                                                         expected: [401, 200, 200, 200, 200, 404] },
  { operationId: 'ListDeploymentSources', request: get('/sources'),                      expected: [401, 200, 200, 200, 200, 200] },
  { operationId: 'ListAuditEvents', request: get('/audit'),                              expected: [401, 200, 200, 200, 200, 200] },
  { operationId: 'GetSoa', request: get('/soa'),                                         expected: [401, 200, 200, 200, 200, 200] },
  { operationId: 'GetSoa', variant: 'csv', request: get('/soa?format=csv'),              expected: [401, 200, 200, 200, 200, 200] },
  { operationId: 'GetSoa', variant: 'oscal', request: get('/soa?format=oscal'),          expected: [401, 200, 200, 200, 200, 200] },
  { operationId: 'ListSoaVersions', request: get('/soa/versions'),                       expected: [401, 200, 200, 200, 200, 200] },
  { operationId: 'GetSoaVersion', request: get('/soa/versions/1'),                       expected: [401, 200, 200, 200, 200, 200] },
  { operationId: 'SaveSoaControl', variant: "a row owned by the owner's group", // aims.soa.update or the control's owner
    request: async f => ({ method: 'put', path: `/soa/controls/${OWNED_CONTROL}`, body: ownedControlRow(await f.soaRevision()) }),
                                                                                         expected: [401, 200, 403, 200, 403, 403] },
  { operationId: 'SaveSoaControl', variant: 'a row without owner', // aims.soa.update without a resource: compliance
    request: async f => ({ method: 'put', path: '/soa/controls/A.2.2', body: { revision: await f.soaRevision(), applicable: true, justification: 'AI policy' } }),
                                                                                         expected: [401, 403, 403, 200, 403, 403] },
  { operationId: 'SaveSoaAdditionalControl',
    request: async f => ({ method: 'put', path: '/soa/additional-controls/ORG-1', body: { revision: await f.soaRevision(), title: 'Model cards for every release' } }),
                                                                                         expected: [401, 403, 403, 200, 403, 403] },
  { operationId: 'DeleteSoaAdditionalControl',
    request: async f => ({ method: 'delete', path: `/soa/additional-controls/ORG-DEL?revision=${await f.soaRevision()}` }),
                                                                                         expected: [401, 403, 403, 200, 403, 403] },
  { operationId: 'TransitionSoa',
    request: () => ({ method: 'post', path: '/soa/transitions', body: { action: 'submit', revision: 999999 } }),
                                                                                         expected: [401, 403, 403, 409, 403, 403] },
  { operationId: 'TransitionSoa', variant: 'approve',
    request: () => ({ method: 'post', path: '/soa/transitions', body: { action: 'approve', revision: 999999 } }),
                                                                                         expected: [401, 403, 403, 409, 403, 403] },
  { operationId: 'ListEvidence', request: get('/soa/evidence'),                          expected: [401, 200, 200, 200, 200, 200] },
  { operationId: 'CreateEvidence', variant: "the organisation's, of a control the owner's group owns",
    request: () => ({ method: 'post', path: '/soa/evidence', body: evidenceBody({ controlId: OWNED_CONTROL }) }),
                                                                                         expected: [401, 201, 403, 201, 403, 403] },
  { operationId: 'CreateEvidence', variant: "an AI system's", // aims.soa.update on the AI system
    request: () => ({ method: 'post', path: '/soa/evidence', body: evidenceBody({ controlId: OWNED_CONTROL, aiSystemRef: FRAUD }) }),
                                                                                         expected: [401, 201, 403, 201, 403, 404] },
  { operationId: 'CreateEvidence', variant: 'approved', // approving evidence: aims.soa.approve
    request: () => ({ method: 'post', path: '/soa/evidence', body: evidenceBody({ controlId: OWNED_CONTROL, aiSystemRef: FRAUD, status: 'approved' }) }),
                                                                                         expected: [401, 403, 403, 201, 403, 404] },
  { operationId: 'UpdateEvidence', variant: "the organisation's",
    request: async f => ({ method: 'put', path: `/soa/evidence/${f.orgEvidenceId}`,
      body: evidenceBody({ revision: (await f.evidence(f.orgEvidenceId)).revision, title: 'Monitoring runbook v2' }) }),
                                                                                         expected: [401, 200, 403, 200, 403, 403] },
  { operationId: 'UpdateEvidence', variant: "an AI system's",
    request: async f => ({ method: 'put', path: `/soa/evidence/${f.systemEvidenceId}`,
      body: evidenceBody({ revision: (await f.evidence(f.systemEvidenceId)).revision, title: 'Drift dashboard' }) }),
                                                                                         expected: [401, 200, 403, 200, 403, 404] },
  { operationId: 'GetSystemControls', request: get(CONTROLS),                           expected: [401, 200, 200, 200, 200, 404] },
  { operationId: 'GetSystemControls', variant: 'oscal', request: get(`${CONTROLS}?format=oscal`),
                                                                                         expected: [401, 200, 200, 200, 200, 404] },
  { operationId: 'SaveSystemControl',
    request: async f => ({ method: 'put', path: `${CONTROLS}/${OWNED_CONTROL}`, body: {
      revision: (await f.read(CONTROLS)).controls.find((c: any) => c.controlId === OWNED_CONTROL)?.revision ?? 0,
      applicable: true, how: 'Drift alerts page the on-call engineer', implementationStatus: 'in-progress' } }),
                                                                                         expected: [401, 200, 403, 200, 403, 404] },
];

/** Set-up requests must succeed: anything else stops the suite with the answer. */
function succeeded(what: string, res: request.Response, status: number) {
  if (res.status !== status) {
    throw new Error(
      `${what}: expected ${status}, got ${res.status} ${res.text}`,
    );
  }
}

/** Every operationId in the OpenAPI spec, read at test time. */
function specOperations(): string[] {
  const spec = parse(
    fs.readFileSync(path.resolve(__dirname, 'schema/openapi.yaml'), 'utf8'),
  );
  const ids: string[] = [];
  for (const item of Object.values<any>(spec.paths ?? {})) {
    for (const method of ['get', 'put', 'post', 'patch', 'delete', 'head']) {
      if (item?.[method]) ids.push(item[method].operationId);
    }
  }
  return ids;
}

describe('the authorization matrix', () => {
  it('covers exactly the operations of the OpenAPI spec', () => {
    const inSpec = specOperations();
    const inTable = [...new Set(MATRIX.map(r => r.operationId))];
    expect({
      missingFromTable: inSpec.filter(id => !inTable.includes(id)),
      notInSpec: inTable.filter(id => !inSpec.includes(id)),
    }).toEqual({ missingFromTable: [], notInSpec: [] });
  });
});

const databases = testDatabases();

// every answer of the aims plugin is checked against the OpenAPI spec (fails the test)
const specResponses = aimsResponseValidation();

describe.each(databases.eachSupportedId())(
  'every route permission-checked on %s',
  databaseId => {
    let backend: Awaited<ReturnType<typeof startTestBackend>>;
    let knex: Knex;
    const fixture = {} as Fixture;
    const api = () => request(backend.server);
    const send = (req: Req, caller: Caller) => {
      const r = api()[req.method](`/api/aims${req.path}`).set(headers[caller]);
      return req.body === undefined ? r : r.send(req.body as object);
    };

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      backend = await startTestBackend({
        features: [
          aimsPlugin,
          specResponses.module,
          catalogPlugin,
          catalogModuleAims,
          testEntitiesModule(entities, { name: 'matrix-entities' }),
          ...permissionBackendWith(policyModule),
          userInfoFromCatalog,
          authWithExternalTokens,
          httpAuthServiceFactory,
          noNotifications,
          databaseFactory({
            aims: knex,
            catalog: await databases.init(databaseId),
            permission: await databases.init(databaseId),
          }),
          mockServices.rootConfig.factory({
            data: {
              permission: { enabled: true },
              backend: {
                auth: {
                  externalAccess: [
                    {
                      type: 'static',
                      options: { token: INGEST_TOKEN, subject: 'aims-ingest' },
                      accessRestrictions: [{ plugin: 'aims' }],
                    },
                  ],
                },
              },
              // the table's records are exactly the ones set up below
              aims: tasksLater(),
            },
          }),
        ],
      });
      await waitForCatalog(
        () =>
          api()
            .get(
              '/api/catalog/entities/by-query?filter=kind=aisystem&filter=kind=user&filter=kind=component&limit=100',
            )
            .set(headers.compliance),
        items =>
          items.filter(e => e.kind === 'AISystem').length === 2 &&
          items.filter(e => e.kind === 'Component').length === 2 &&
          items
            .filter(e => e.kind === 'User')
            .every(e => e.relations?.some(r => r.type === 'memberOf')) &&
          items
            .filter(e => e.kind !== 'User')
            .every(e => e.relations?.some(r => r.type === 'ownedBy')),
        'the catalog',
        { retryErrors: true },
      );

      fixture.read = async (route: string) => {
        const res = await api()
          .get(`/api/aims${route}`)
          .set(headers.compliance);
        if (res.status !== 200) {
          throw new Error(`GET ${route}: ${res.status} ${res.text}`);
        }
        return res.body;
      };
      // the records the table is about, on the restricted entities
      const draft = await send(
        {
          method: 'put',
          path: `${IA}/draft`,
          body: { content: emptyImpactAssessmentContent('minimal-risk') },
        },
        'owner',
      );
      succeeded('the first draft', draft, 200);
      const risk = await send(
        {
          method: 'post',
          path: '/risks',
          body: riskBody({ aiSystemRef: FRAUD }),
        },
        // paula may not name herself risk owner (aims.risk.assignOwner): compliance does
        'compliance',
      );
      succeeded('the risk', risk, 201);
      fixture.riskId = risk.body.id;
      const findings = new FindingStore(knex);
      await findings.insert({
        findingKey: `version-mismatch:${PAY}:${FRAUD}:production`,
        type: 'version-mismatch',
        entityRef: PAY,
        aiSystemRef: FRAUD,
        environment: 'production',
        severity: 'high',
        status: 'open',
      });
      fixture.findingId = (
        await knex('aims_findings').where({ entity_ref: PAY }).first()
      ).id.toString();
      fixture.reopenFinding = async () => {
        await knex('aims_findings')
          .where({ id: Number(fixture.findingId), status: 'resolved' })
          .update({ status: 'open', resolved_at: null });
      };
      // a visible system's records, which the outsider does see
      succeeded(
        'the support-bot risk',
        await send(
          {
            method: 'post',
            path: '/risks',
            body: riskBody({
              aiSystemRef: 'aisystem:default/support-bot',
              // not bob's own group: that would need aims.risk.assignOwner
              riskOwner: 'user:default/carol',
            }),
          },
          'otherEngineer',
        ),
        201,
      );
      const pushed = await send(
        { method: 'post', path: '/deployments', body: report('ingest') },
        'ingest',
      );
      succeeded('the first deployment report', pushed, 202);

      // the SoA: a first version with a control row paula's group owns and an additional
      // control to remove; evidence of the organisation and of fraud-scorer
      fixture.soaRevision = async () => {
        const { items } = await fixture.read('/soa/versions');
        if (!items.length) return 0;
        return (await fixture.read(`/soa/versions/${items[0].version}`))
          .revision;
      };
      succeeded(
        'the owned SoA row',
        await send(
          {
            method: 'put',
            path: `/soa/controls/${OWNED_CONTROL}`,
            body: ownedControlRow(0),
          },
          'compliance',
        ),
        200,
      );
      succeeded(
        'the additional control to remove',
        await send(
          {
            method: 'put',
            path: '/soa/additional-controls/ORG-DEL',
            body: {
              revision: await fixture.soaRevision(),
              title: 'A control to remove',
            },
          },
          'compliance',
        ),
        200,
      );
      const orgEvidence = await send(
        {
          method: 'post',
          path: '/soa/evidence',
          body: evidenceBody({ controlId: OWNED_CONTROL }),
        },
        'compliance',
      );
      succeeded('the organisation evidence', orgEvidence, 201);
      fixture.orgEvidenceId = orgEvidence.body.id;
      const systemEvidence = await send(
        {
          method: 'post',
          path: '/soa/evidence',
          body: evidenceBody({ controlId: OWNED_CONTROL, aiSystemRef: FRAUD }),
        },
        'owner',
      );
      succeeded('the fraud-scorer evidence', systemEvidence, 201);
      fixture.systemEvidenceId = systemEvidence.body.id;
      fixture.evidence = async (id: string) =>
        (await fixture.read('/soa/evidence?limit=1000')).items.find(
          (e: any) => e.id === id,
        );
    });

    afterAll(async () => {
      await backend?.stop();
    });

    it.each(
      MATRIX.map(
        row =>
          [
            row.variant
              ? `${row.operationId} (${row.variant})`
              : row.operationId,
            row,
          ] as const,
      ),
    )('%s', async (_id, row) => {
      const got: number[] = [];
      for (const caller of CALLERS) {
        const res = await send(await row.request(fixture, caller), caller);
        got.push(res.status);
      }
      // the whole row at once, so a failure shows every caller
      expect(Object.fromEntries(CALLERS.map((c, i) => [c, got[i]]))).toEqual(
        Object.fromEntries(CALLERS.map((c, i) => [c, row.expected[i]])),
      );
    });

    describe('what a caller cannot see is absent from lists and counts', () => {
      const list = async (route: string, caller: Caller) => {
        const res = await send({ method: 'get', path: route }, caller);
        expect(res.status).toBe(200);
        return res.body;
      };

      it('findings, risks, the audit log and inventory counts', async () => {
        // support-bot's compliance findings (its risk needs a sign-off, its assessment is
        // missing) are visible to the outsider; nothing on payments-api or fraud-scorer is
        const concerned = async (caller: Caller) =>
          new Set(
            (await list('/findings', caller)).items.flatMap((f: any) => [
              f.entityRef,
              f.aiSystemRef,
            ]),
          );
        expect([...(await concerned('owner'))]).toEqual(
          expect.arrayContaining([PAY, FRAUD, 'aisystem:default/support-bot']),
        );
        // and the organisation's SoA findings, which every caller sees (no AI system)
        expect(await concerned('cantSee')).toEqual(
          new Set([ORGANISATION_SOA_REF, null, 'aisystem:default/support-bot']),
        );

        const risks = async (caller: Caller) => {
          const body = await list('/risks?limit=1', caller);
          return {
            total: body.totalCount,
            refs: body.items.map((r: any) => r.aiSystemRef),
          };
        };
        const all = await risks('owner');
        const outsider = await risks('cantSee');
        expect(all.total).toBeGreaterThan(1);
        // the page and the total only count what the outsider may read
        expect(outsider).toEqual({
          total: 1,
          refs: ['aisystem:default/support-bot'],
        });

        const auditRefs = async (caller: Caller) =>
          new Set(
            (await list('/audit?limit=1000', caller)).items.map(
              (e: any) => e.entityRef,
            ),
          );
        expect(await auditRefs('owner')).toContain(FRAUD);
        expect(await auditRefs('cantSee')).toEqual(
          new Set([ORGANISATION_SOA_REF, 'aisystem:default/support-bot']),
        );

        expect((await list('/inventory', 'owner')).totalCount).toBe(2);
        expect(
          (await list('/inventory', 'cantSee')).items.map(
            (i: any) => i.entityRef,
          ),
        ).toEqual(['aisystem:default/support-bot']);
        expect((await list(`/risks/heatmap`, 'cantSee')).totalCount).toBe(1);

        // the counts and the status filter (read from the catalog's facets) follow the
        // caller's read permission too
        const sum = (o: Record<string, number>) =>
          Object.values(o).reduce((a, b) => a + b, 0);
        const owners = await list('/inventory/counts', 'owner');
        const outsiders = await list('/inventory/counts', 'cantSee');
        expect([owners.totalCount, sum(owners.byStatus)]).toEqual([2, 2]);
        expect([
          outsiders.totalCount,
          sum(outsiders.byStatus),
          sum(outsiders.byTier),
        ]).toEqual([1, 1, 1]);
        for (const [status, count] of Object.entries(owners.byStatus)) {
          const seen = await list(`/inventory?status=${status}`, 'cantSee');
          expect([status, seen.totalCount]).toEqual([
            status,
            outsiders.byStatus[status],
          ]);
          expect(
            seen.items.filter(
              (i: any) => i.entityRef !== 'aisystem:default/support-bot',
            ),
          ).toEqual([]);
          expect([
            status,
            (await list(`/inventory?status=${status}`, 'owner')).totalCount,
          ]).toEqual([status, count]);
        }
      });

      it("evidence of an AI system the caller can't see is absent; the organisation's is not", async () => {
        const scopes = async (caller: Caller) =>
          new Set(
            (await list('/soa/evidence?limit=1000', caller)).items.map(
              (e: any) => e.aiSystemRef,
            ),
          );
        expect(await scopes('owner')).toEqual(new Set([null, FRAUD]));
        expect(await scopes('cantSee')).toEqual(new Set([null]));
        expect(
          (
            await list(
              `/soa/evidence?aiSystemRef=${encodeURIComponent(FRAUD)}`,
              'cantSee',
            )
          ).items,
        ).toEqual([]);
      });

      it('finding counts on a visible system leave out findings on hidden components', async () => {
        const counts = async (caller: Caller) =>
          (await list('/status/aisystem/default/support-bot', caller)).findings;
        const before = await counts('owner');
        expect(await counts('cantSee')).toEqual(before);
        // a finding on the hidden component naming the visible support-bot
        await new FindingStore(knex).insert({
          findingKey: `undeclared-ai-usage:${PAY}:aisystem:default/support-bot:production`,
          type: 'undeclared-ai-usage',
          entityRef: PAY,
          aiSystemRef: 'aisystem:default/support-bot',
          environment: 'production',
          severity: 'high',
          status: 'open',
        });
        expect(await counts('owner')).toEqual({
          ...before,
          open: before.open + 1,
          high: before.high + 1,
        });
        expect(await counts('cantSee')).toEqual(before);
        const entityRefs = async (caller: Caller) =>
          new Set(
            (
              await list(
                '/findings?entityRef=aisystem:default/support-bot',
                caller,
              )
            ).items.map((f: any) => f.entityRef),
          );
        expect(await entityRefs('owner')).toContain(PAY);
        expect([...(await entityRefs('cantSee'))]).toEqual([
          'aisystem:default/support-bot',
        ]);
      });

      it('an audit event about a visible component does not name a hidden AI system', async () => {
        const CHAT = 'component:default/chat-api';
        await new FindingStore(knex).insert({
          findingKey: `undeclared-ai-usage:${CHAT}:${FRAUD}:production`,
          type: 'undeclared-ai-usage',
          entityRef: CHAT,
          aiSystemRef: FRAUD,
          environment: 'production',
          severity: 'high',
          status: 'open',
        });
        const { id } = await knex('aims_findings')
          .where({ entity_ref: CHAT, ai_system_ref: FRAUD })
          .first();
        // the finding names fraud-scorer: the outsider can't see it at all
        expect(
          (await send({ method: 'get', path: `/findings/${id}` }, 'cantSee'))
            .status,
        ).toBe(404);
        succeeded(
          'compliance acknowledging',
          await send(
            {
              method: 'post',
              path: `/findings/${id}/actions`,
              body: { action: 'acknowledge', reason: 'Checking the gateway' },
            },
            'compliance',
          ),
          200,
        );
        const chatEvents = async (caller: Caller) =>
          (await list(`/audit?entityRef=${CHAT}`, caller)).items;
        const [seen] = await chatEvents('owner');
        expect(seen.details).toMatchObject({
          findingId: String(id),
          aiSystemRef: FRAUD,
          reason: 'Checking the gateway',
        });
        const [redacted] = await chatEvents('cantSee');
        expect(redacted.id).toBe(seen.id);
        expect(redacted.details).toMatchObject({
          findingId: String(id),
          reason: 'Checking the gateway',
        });
        expect(redacted.details).not.toHaveProperty('aiSystemRef');
      });

      it('deployment sources count only observations of visible components', async () => {
        const observations = async (caller: Caller) =>
          (await list('/sources', caller)).items.find(
            (s: any) => s.id === 'deployment-reports',
          )?.observationCount;
        expect(await observations('owner')).toBeGreaterThan(0);
        expect(await observations('cantSee')).toBe(0);
      });
    });

    describe('deployment reports', () => {
      it('refuse other plugins service tokens and name how to report', async () => {
        const plugin = mockCredentials.service.token({
          onBehalfOf: mockCredentials.service('plugin:catalog'),
          targetPluginId: 'aims',
        });
        const res = await api()
          .post('/api/aims/deployments')
          .set({ Authorization: `Bearer ${plugin}` })
          .send(report('ingest'));
        expect(res.status).toBe(403);
        expect(res.body.error.message).toContain('ingest credential');
        const engineer = await send(
          { method: 'post', path: '/deployments', body: report('owner') },
          'owner',
        );
        expect(engineer.body.error.message).toBe(
          'You are not allowed to report deployments: Deployment reports are accepted from the ingest credential (an external-access token, backend.auth.externalAccess) or from users granted the aims.deployment.report permission',
        );
      });
    });
  },
);
