/*
 * The Statement of Applicability, per-system control mappings and evidence over HTTP, on a real
 * backend (catalog, permission backend with the shipped aimsPolicyDecision, SQLite and
 * PostgreSQL): every route's 200/201, 400 naming the field, 401, 403, 404 and 409; the
 * 38-control invariant; four eyes; a change over an approved version starting a new draft;
 * evidence expiry; the SoA findings opening and resolving; visibility of AI systems.
 */
import {
  AuthService,
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import {
  CatalogService,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import {
  ANNEX_A_CONTROLS,
  DEFAULT_RISK_MATRIX,
  ORGANISATION_SOA_REF,
} from '@aims-backstage/backstage-plugin-aims-common';
import catalogModuleAims from '@aims-backstage/backstage-plugin-catalog-backend-module-aims';
import { Knex } from 'knex';
import request from 'supertest';
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
import { httpAuthWithActors } from './__testUtils__/httpAuthWithActors';
import {
  RESTRICTED_LABEL,
  aimsTestPolicy,
  asUser,
  permissionBackendWith,
  tasksLater,
  testDatabases,
} from './__testUtils__/testBackend';
import { AuditLogStore } from './audit/AuditLogStore';
import { AuditTrail } from './audit/AuditTrail';
import { ImpactAssessmentStore } from './assessments/ImpactAssessmentStore';
import { ControlMappingStore } from './controls/ControlMappingStore';
import { SourceStore } from './drift/SourceStore';
import { EvidenceService } from './evidence/EvidenceService';
import { EvidenceStore } from './evidence/EvidenceStore';
import { ComplianceFindings } from './findings/ComplianceFindings';
import { FindingStore } from './findings/FindingStore';
import { AISystems } from './lib/AISystems';
import { AccessControl } from './permissions/AccessControl';
import { EntityVisibility } from './permissions/EntityVisibility';
import { RiskStore } from './risks/RiskStore';
import { ControlData } from './soa/ControlData';
import { SoaService } from './soa/SoaService';
import { SoaStore } from './soa/SoaStore';

jest.setTimeout(300_000);

const DAY = 24 * 3600_000;
const isoDay = (offsetDays: number) =>
  new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);
const FRAUD = 'aisystem:default/fraud-scorer';
const SECRET = 'aisystem:default/secret-model';
const ANNEX_A_IDS = ANNEX_A_CONTROLS.map(c => c.id);

const entities: Entity[] = [
  group('risk-ml'),
  group('cx-team'),
  group('compliance'),
  group('outsiders'),
  user('alice', ['risk-ml']),
  user('bob', ['cx-team']),
  user('carol', ['compliance']),
  user('dave', ['compliance']),
  user('olivia', ['outsiders']),
  aiSystem('fraud-scorer', {
    owner: 'group:default/risk-ml',
    euAiAct: { tier: 'high-risk', annexIIIArea: 'III.5' },
  }),
  aiSystem(
    'secret-model',
    { owner: 'group:default/risk-ml' },
    { labels: { [RESTRICTED_LABEL]: 'true' } },
  ),
];

/** The shipped aimsPolicyDecision; outsiders can't read restricted entities; the rest allowed. */
const testPolicy = aimsTestPolicy('soa-test-policy', {
  restrictedFrom: 'group:default/outsiders',
});

/** The catalog and auth of the aims plugin, to build the expiry's service against the same data. */
let pluginCatalog: CatalogService;
let pluginAuth: AuthService;
const captureServices = createBackendModule({
  pluginId: 'aims',
  moduleId: 'soa-test-services',
  register(env) {
    env.registerInit({
      deps: { catalog: catalogServiceRef, auth: coreServices.auth },
      async init({ catalog, auth }) {
        pluginCatalog = catalog;
        pluginAuth = auth;
      },
    });
  },
});

/** The evidence service as the plugin builds it, over the test's database, with a clock. */
function evidenceServiceAt(knex: Knex, now: Date) {
  const clock = () => now;
  const soaStore = new SoaStore(knex);
  const evidenceStore = new EvidenceStore(knex);
  const riskStore = new RiskStore(knex);
  const data = new ControlData({
    soa: soaStore,
    evidence: evidenceStore,
    mappings: new ControlMappingStore(knex),
    risks: riskStore,
    sources: new SourceStore(knex),
  });
  const systems = new AISystems(pluginCatalog);
  const findings = new ComplianceFindings(
    systems,
    new ImpactAssessmentStore(knex),
    riskStore,
    new FindingStore(knex, clock),
    DEFAULT_RISK_MATRIX,
    data,
    undefined,
    clock,
  );
  const access = new AccessControl(
    mockServices.permissions(),
    mockServices.userInfo(),
    pluginAuth,
  );
  const visibility = new EntityVisibility(pluginCatalog, pluginAuth);
  const audit = new AuditTrail(new AuditLogStore(knex));
  const soa = new SoaService({
    knex,
    store: soaStore,
    data,
    risks: riskStore,
    access,
    visibility,
    audit,
    findings,
    clock,
  });
  return new EvidenceService({
    knex,
    store: evidenceStore,
    soaStore,
    soa,
    data,
    systems,
    access,
    visibility,
    audit,
    findings,
    auth: pluginAuth,
    clock,
  });
}

const databases = testDatabases();

// every answer of the aims plugin is checked against the OpenAPI spec (fails the test)
const specResponses = aimsResponseValidation();

describe.each(databases.eachSupportedId())(
  'Statement of Applicability on %s',
  databaseId => {
    let backend: Awaited<ReturnType<typeof startTestBackend>>;
    let knex: Knex;
    const as = asUser;
    const api = () => request(backend.server);
    const soaRevision = async () => {
      const { items } = (
        await api().get('/api/aims/soa/versions').set(as('carol'))
      ).body;
      if (!items.length) return 0;
      return (
        await api()
          .get(`/api/aims/soa/versions/${items[0].version}`)
          .set(as('carol'))
      ).body.revision as number;
    };
    const saveRow = async (
      who: string,
      controlId: string,
      row: Record<string, unknown>,
      revision?: number,
    ) =>
      api()
        .put(`/api/aims/soa/controls/${controlId}`)
        .set(as(who))
        .send({ revision: revision ?? (await soaRevision()), ...row });
    const openFindings = async (entityRef: string) =>
      (
        await api()
          .get(`/api/aims/findings?entityRef=${encodeURIComponent(entityRef)}`)
          .set(as('carol'))
      ).body.items.filter((f: any) => f.status !== 'resolved') as any[];

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      backend = await startTestBackend({
        features: [
          aimsPlugin,
          specResponses.module,
          captureServices,
          catalogPlugin,
          catalogModuleAims,
          testEntitiesModule(entities, { name: 'soa-entities' }),
          ...permissionBackendWith(testPolicy),
          userInfoFromCatalog,
          databaseFactory({
            aims: knex,
            catalog: await databases.init(databaseId),
            permission: await databases.init(databaseId),
          }),
          mockServices.rootConfig.factory({
            data: {
              permission: { enabled: true },
              aims: tasksLater(),
            },
          }),
          httpAuthWithActors,
        ],
      });
      await waitForCatalog(
        () =>
          api()
            .get(
              '/api/catalog/entities/by-query?filter=kind=aisystem&filter=kind=user&limit=100',
            )
            .set(as('carol')),
        items =>
          items.filter(e => e.kind === 'AISystem').length === 2 &&
          items
            .filter(e => e.kind === 'AISystem')
            .every(e => e.relations?.some(r => r.type === 'ownedBy')) &&
          items
            .filter(e => e.kind === 'User')
            .every(e => e.relations?.some(r => r.type === 'memberOf')),
        'the catalog',
      );
    });

    afterAll(async () => {
      await backend?.stop();
    });

    it('answers 401 without credentials on every new route', async () => {
      for (const [method, p] of [
        ['get', '/soa'],
        ['get', '/soa/versions'],
        ['get', '/soa/versions/1'],
        ['put', '/soa/controls/A.2.2'],
        ['put', '/soa/additional-controls/ORG-1'],
        ['delete', '/soa/additional-controls/ORG-1?revision=1'],
        ['post', '/soa/transitions'],
        ['get', '/soa/evidence'],
        ['post', '/soa/evidence'],
        ['put', '/soa/evidence/x'],
        ['get', '/controls/aisystem/default/fraud-scorer'],
        ['put', '/controls/aisystem/default/fraud-scorer/A.6.2.6'],
      ] as const) {
        const req = (api() as any)[method](`/api/aims${p}`);
        const res =
          method === 'get' || method === 'delete'
            ? await req
            : await req.send({});
        expect([p, res.status]).toEqual([p, 401]);
      }
    });

    it('answers version 0 with the 38 Annex A controls undecided before anything is saved, and an org finding for no approved SoA', async () => {
      const res = await api().get('/api/aims/soa').set(as('bob'));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        version: 0,
        revision: 0,
        status: 'none',
        latest: null,
      });
      expect(res.body.controls.map((c: any) => c.controlId)).toEqual(
        ANNEX_A_IDS,
      );
      expect(res.body.controls.every((c: any) => c.applicable === null)).toBe(
        true,
      );
      expect(res.body.coverage.undecided).toBe(38);
      expect(
        (await api().get('/api/aims/soa/versions').set(as('bob'))).body,
      ).toEqual({ items: [] });
      expect(
        (await api().get('/api/aims/soa/versions/1').set(as('bob'))).status,
      ).toBe(404);
    });

    it('saves control rows: 400 naming the field, 404 for no Annex A id, 403 for non-editors, 409 when stale; owners of a row save it; each save is audited field by field', async () => {
      const bad = await saveRow('carol', 'A.2.2', {
        applicable: false,
        justification: 'Not needed',
        reviewBy: '2026-02-30',
      });
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toContain('reviewBy');
      expect(
        (await saveRow('carol', 'A.99.9', { applicable: true })).status,
      ).toBe(404);
      expect((await saveRow('bob', 'A.2.2', { applicable: true })).status).toBe(
        403,
      );

      const first = await saveRow('carol', 'A.2.2', {
        applicable: true,
        justification: 'The AI policy is the basis of the AIMS',
      });
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({
        version: 1,
        revision: 1,
        status: 'draft',
        author: 'user:default/carol',
      });
      expect(first.body.controls).toHaveLength(38);
      expect(
        (await saveRow('carol', 'A.2.3', { applicable: true }, 0)).status,
      ).toBe(409);

      // a row owned by alice's group: she may save it, not the rows she doesn't own
      expect(
        (
          await saveRow('carol', 'A.6.2.6', {
            applicable: true,
            owner: 'group:default/risk-ml',
          })
        ).status,
      ).toBe(200);
      const owned = await saveRow('alice', 'A.6.2.6', {
        applicable: true,
        justification: 'Operations are monitored',
        implementationStatus: 'in-progress',
        owner: 'group:default/risk-ml',
      });
      expect(owned.status).toBe(200);
      expect(owned.body.contributors).toEqual([
        'user:default/carol',
        'user:default/alice',
      ]);
      const notOwned = await saveRow('alice', 'A.2.3', { applicable: true });
      expect(notOwned.status).toBe(403);
      expect(notOwned.body.error.message).toContain('aims.soa.update');

      const audit = (
        await api()
          .get(
            `/api/aims/audit?entityRef=${encodeURIComponent(
              ORGANISATION_SOA_REF,
            )}`,
          )
          .set(as('bob'))
      ).body.items;
      const created = audit.find((e: any) => e.action === 'soa.created');
      expect(created).toMatchObject({
        actor: 'user:default/carol',
        details: { version: 1, controlId: 'A.2.2' },
      });
      expect(created.details.changes).toEqual(
        expect.arrayContaining([
          {
            controlId: 'A.2.2',
            field: 'applicable',
            before: null,
            after: true,
          },
        ]),
      );
      const byAlice = audit.find(
        (e: any) =>
          e.action === 'soa.draft-saved' && e.actor === 'user:default/alice',
      );
      expect(byAlice.details.changes).toEqual(
        expect.arrayContaining([
          {
            controlId: 'A.6.2.6',
            field: 'implementationStatus',
            before: 'not-started',
            after: 'in-progress',
          },
        ]),
      );
    });

    it('keeps additional controls apart from the 38: 400 for an Annex A id, add, remove, 404 when gone', async () => {
      const annex = await api()
        .put('/api/aims/soa/additional-controls/A.5.2')
        .set(as('carol'))
        .send({ revision: await soaRevision(), title: 'Not mine' });
      expect(annex.status).toBe(400);
      expect(annex.body.error.message).toContain('id');
      const added = await api()
        .put('/api/aims/soa/additional-controls/ORG-1')
        .set(as('carol'))
        .send({ revision: await soaRevision(), title: 'Model cards' });
      expect(added.status).toBe(200);
      expect(added.body.additionalControls).toEqual([
        expect.objectContaining({ id: 'ORG-1', title: 'Model cards' }),
      ]);
      expect(added.body.controls).toHaveLength(38);
      expect(
        (
          await api()
            .put('/api/aims/soa/additional-controls/ORG-2')
            .set(as('alice'))
            .send({ revision: await soaRevision(), title: 'x' })
        ).status,
      ).toBe(403);
      const removed = await api()
        .delete(
          `/api/aims/soa/additional-controls/ORG-1?revision=${await soaRevision()}`,
        )
        .set(as('carol'));
      expect(removed.status).toBe(200);
      expect(removed.body.additionalControls).toEqual([]);
      expect(
        (
          await api()
            .delete(
              `/api/aims/soa/additional-controls/ORG-1?revision=${await soaRevision()}`,
            )
            .set(as('carol'))
        ).status,
      ).toBe(404);
    });

    it('opens soa-applicable-not-implemented for an applicable control not implemented', async () => {
      const findings = await openFindings(ORGANISATION_SOA_REF);
      const types = findings.map(
        f => `${f.type}:${f.evidence?.controlId ?? ''}`,
      );
      expect(types).toEqual(
        expect.arrayContaining([
          'soa-incomplete:',
          'soa-applicable-not-implemented:A.2.2',
        ]),
      );
      // acting on organisation findings needs aims.soa.approve
      const target = findings.find(f => f.type === 'soa-incomplete');
      const refused = await api()
        .post(`/api/aims/findings/${target.id}/actions`)
        .set(as('alice'))
        .send({ action: 'acknowledge', reason: 'Working on it' });
      expect(refused.status).toBe(403);
      expect(refused.body.error.message).toContain('aims.soa.approve');
      expect(
        (
          await api()
            .post(`/api/aims/findings/${target.id}/actions`)
            .set(as('dave'))
            .send({ action: 'acknowledge', reason: 'Working on it' })
        ).status,
      ).toBe(200);
    });

    it('refuses to submit an incomplete SoA naming the controls, then runs submit → four eyes → approve, and resolves the no-approved-version finding', async () => {
      const incomplete = await api()
        .post('/api/aims/soa/transitions')
        .set(as('carol'))
        .send({ action: 'submit', revision: await soaRevision() });
      expect(incomplete.status).toBe(400);
      expect(incomplete.body.error.message).toContain(
        'controls.A.2.3.applicable',
      );
      // decide every control: applicable and implemented, with a justification
      for (const id of ANNEX_A_IDS) {
        const res = await saveRow('carol', id, {
          applicable: true,
          justification: 'Part of the AIMS',
          implementationStatus: id === 'A.2.2' ? 'not-started' : 'implemented',
          ...(id === 'A.6.2.6' ? { owner: 'group:default/risk-ml' } : {}),
        });
        expect([id, res.status]).toEqual([id, 200]);
      }
      expect(
        (
          await api()
            .post('/api/aims/soa/transitions')
            .set(as('alice'))
            .send({ action: 'submit', revision: await soaRevision() })
        ).status,
      ).toBe(403);
      const submitted = await api()
        .post('/api/aims/soa/transitions')
        .set(as('carol'))
        .send({ action: 'submit', revision: await soaRevision() });
      expect(submitted.status).toBe(200);
      expect(submitted.body.status).toBe('in-review');
      // in review: read-only
      expect(
        (await saveRow('carol', 'A.2.3', { applicable: true })).status,
      ).toBe(409);
      expect(
        (
          await api()
            .post('/api/aims/soa/transitions')
            .set(as('bob'))
            .send({ action: 'approve', revision: submitted.body.revision })
        ).status,
      ).toBe(403);
      const ownWork = await api()
        .post('/api/aims/soa/transitions')
        .set(as('carol'))
        .send({ action: 'approve', revision: submitted.body.revision });
      expect(ownWork.status).toBe(403);
      expect(ownWork.body.error.message).toContain('four eyes');
      expect(
        (
          await api()
            .post('/api/aims/soa/transitions')
            .set(as('dave'))
            .send({ action: 'approve', revision: submitted.body.revision - 1 })
        ).status,
      ).toBe(409);
      const approved = await api()
        .post('/api/aims/soa/transitions')
        .set(as('dave'))
        .send({ action: 'approve', revision: submitted.body.revision });
      expect(approved.status).toBe(200);
      expect(approved.body).toMatchObject({
        version: 1,
        status: 'approved',
        approvedBy: 'user:default/dave',
      });
      const findings = await openFindings(ORGANISATION_SOA_REF);
      expect(findings.filter(f => f.type === 'soa-incomplete')).toEqual([]);
      // implemented without current evidence is still a gap (the finding says which)
      const noEvidence = findings.filter(
        f => f.type === 'soa-applicable-not-implemented',
      );
      expect(noEvidence.map(f => f.evidence.controlId)).toContain('A.5.2');
      expect(
        noEvidence.find(f => f.evidence.controlId === 'A.5.2').evidence.problem,
      ).toBe('no-current-evidence');
    });

    it('starts a new draft when a change comes over the approved version; the approved one stays in force', async () => {
      const approved = (await api().get('/api/aims/soa').set(as('bob'))).body;
      const edit = await saveRow(
        'carol',
        'A.2.2',
        {
          applicable: true,
          justification: 'Policy',
          implementationStatus: 'implemented',
        },
        approved.revision,
      );
      expect(edit.status).toBe(200);
      expect(edit.body).toMatchObject({
        version: 2,
        status: 'draft',
        revision: 1,
      });
      const inForce = (await api().get('/api/aims/soa').set(as('bob'))).body;
      expect(inForce).toMatchObject({
        version: 1,
        status: 'approved',
        latest: expect.objectContaining({ version: 2, status: 'draft' }),
      });
      expect(
        (
          await api().get('/api/aims/soa/versions').set(as('bob'))
        ).body.items.map((v: any) => [v.version, v.status]),
      ).toEqual([
        [2, 'draft'],
        [1, 'approved'],
      ]);
      // returning needs a version in review; a reason is required
      const ret = await api()
        .post('/api/aims/soa/transitions')
        .set(as('dave'))
        .send({ action: 'return', revision: 1 });
      expect(ret.status).toBe(400);
      expect(ret.body.error.message).toContain('reason');
    });

    it('serves the SoA as CSV and OSCAL downloads', async () => {
      const csv = await api().get('/api/aims/soa?format=csv').set(as('bob'));
      expect(csv.status).toBe(200);
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      expect(csv.headers['content-disposition']).toMatch(
        /^attachment; filename=".+\.csv"$/,
      );
      for (const id of ANNEX_A_IDS) expect(csv.text).toContain(id);
      const oscal = await api()
        .get('/api/aims/soa?format=oscal')
        .set(as('bob'));
      expect(oscal.status).toBe(200);
      expect(oscal.headers['content-type']).toMatch(
        /^application\/oscal\+json/,
      );
      expect(JSON.parse(oscal.text)).toHaveProperty('system-security-plan');
    });

    describe('evidence', () => {
      let systemEvidence: any;
      let secretEvidence: any;

      it('creates evidence: 400 naming the field, 404 for unknown controls and hidden AI systems, 403 for non-owners and for approving without aims.soa.approve', async () => {
        const post = (who: string, body: Record<string, unknown>) =>
          api()
            .post('/api/aims/soa/evidence')
            .set(as(who))
            .send({
              title: 'Drift dashboard',
              href: 'https://grafana.example.com/d/drift',
              collectedAt: isoDay(-1),
              ...body,
            });
        const badHref = await post('alice', {
          controlId: 'A.6.2.6',
          aiSystemRef: FRAUD,
          href: 'ftp://files.example.com/x',
        });
        expect(badHref.status).toBe(400);
        expect(badHref.body.error.message).toContain('href');
        const badDate = await post('alice', {
          controlId: 'A.6.2.6',
          aiSystemRef: FRAUD,
          collectedAt: 'yesterday',
        });
        expect(badDate.status).toBe(400);
        expect(badDate.body.error.message).toContain('collectedAt');
        expect(
          (await post('alice', { controlId: 'A.99.9', aiSystemRef: FRAUD }))
            .status,
        ).toBe(404);
        expect(
          (await post('olivia', { controlId: 'A.6.2.6', aiSystemRef: SECRET }))
            .status,
        ).toBe(404);
        expect(
          (await post('bob', { controlId: 'A.6.2.6', aiSystemRef: FRAUD }))
            .status,
        ).toBe(403);
        expect(
          (
            await post('alice', {
              controlId: 'A.6.2.6',
              aiSystemRef: FRAUD,
              status: 'approved',
            })
          ).status,
        ).toBe(403);
        const created = await post('alice', {
          controlId: 'A.6.2.6',
          aiSystemRef: FRAUD,
        });
        expect(created.status).toBe(201);
        expect(created.body).toMatchObject({
          aiSystemRef: FRAUD,
          controlId: 'A.6.2.6',
          status: 'draft',
          current: false,
          revision: 1,
          collectedBy: 'user:default/alice',
        });
        systemEvidence = created.body;
        // compliance's evidence of the hidden system, for the visibility checks
        const secret = await post('carol', {
          controlId: 'A.6.2.6',
          aiSystemRef: SECRET,
        });
        expect(secret.status).toBe(201);
        secretEvidence = secret.body;
      });

      it('updates evidence: 409 when stale, 400 when the scope changes, approval by approvers makes it current', async () => {
        const put = (who: string, body: Record<string, unknown>) =>
          api()
            .put(`/api/aims/soa/evidence/${systemEvidence.id}`)
            .set(as(who))
            .send({
              title: 'Drift dashboard',
              href: 'https://grafana.example.com/d/drift',
              collectedAt: isoDay(-1),
              ...body,
            });
        expect((await put('dave', { revision: 9 })).status).toBe(409);
        const moved = await put('dave', { revision: 1, controlId: 'A.2.2' });
        expect(moved.status).toBe(400);
        expect(moved.body.error.message).toContain('controlId');
        expect(
          (await put('alice', { revision: 1, status: 'approved' })).status,
        ).toBe(403);
        // evidence of an AI system the caller can't see does not exist for them
        const hidden = await api()
          .put(`/api/aims/soa/evidence/${secretEvidence.id}`)
          .set(as('olivia'))
          .send({
            revision: 1,
            title: 'x',
            href: 'https://x.example.com',
            collectedAt: isoDay(-1),
          });
        expect(hidden.status).toBe(404);
        const approved = await put('dave', { revision: 1, status: 'approved' });
        expect(approved.status).toBe(200);
        expect(approved.body).toMatchObject({
          status: 'approved',
          current: true,
          revision: 2,
        });
        const audit = (
          await api()
            .get(`/api/aims/audit?entityRef=${encodeURIComponent(FRAUD)}`)
            .set(as('carol'))
        ).body.items;
        expect(
          audit.find((e: any) => e.action === 'evidence.updated').details
            .changes,
        ).toEqual([{ field: 'status', before: 'draft', after: 'approved' }]);
        expect(
          (
            await api()
              .put('/api/aims/soa/evidence/nope')
              .set(as('dave'))
              .send({
                revision: 1,
                title: 'x',
                href: 'https://x.example.com',
                collectedAt: isoDay(-1),
              })
          ).status,
        ).toBe(404);
      });

      it("lists evidence the caller may see: a hidden AI system's is absent", async () => {
        const list = async (who: string, query = '') =>
          (await api().get(`/api/aims/soa/evidence${query}`).set(as(who))).body
            .items as any[];
        expect(new Set((await list('carol')).map(e => e.aiSystemRef))).toEqual(
          new Set([FRAUD, SECRET]),
        );
        expect(new Set((await list('olivia')).map(e => e.aiSystemRef))).toEqual(
          new Set([FRAUD]),
        );
        expect(
          await list('olivia', `?aiSystemRef=${encodeURIComponent(SECRET)}`),
        ).toEqual([]);
        expect(
          (await list('carol', '?status=approved')).map(e => e.id),
        ).toEqual([systemEvidence.id]);
      });

      it('expires evidence past its expiry with the scheduled function (an audit entry each), and the finding of its control opens again', async () => {
        // the organisation's evidence of A.5.2 makes that control implemented with evidence
        const created = await api()
          .post('/api/aims/soa/evidence')
          .set(as('dave'))
          .send({
            controlId: 'A.5.2',
            title: 'Impact assessment procedure',
            reference: 'PROC-7',
            collectedAt: isoDay(-1),
            expiresAt: isoDay(10),
            status: 'approved',
          });
        expect(created.status).toBe(201);
        expect(created.body.current).toBe(true);
        const gaps = async () =>
          (await openFindings(ORGANISATION_SOA_REF))
            .filter(f => f.type === 'soa-applicable-not-implemented')
            .map(f => f.evidence.controlId);
        expect(await gaps()).not.toContain('A.5.2');
        expect(
          (
            await api()
              .get('/api/aims/soa/evidence?expiringWithinDays=30')
              .set(as('bob'))
          ).body.items.map((e: any) => e.id),
        ).toEqual([created.body.id]);

        const later = new Date(Date.now() + 11 * DAY);
        const service = evidenceServiceAt(knex, later);
        expect(await service.expire(later)).toBe(1);
        expect(await service.expire(later)).toBe(0);
        const [expired] = (
          await api()
            .get('/api/aims/soa/evidence?controlId=A.5.2')
            .set(as('bob'))
        ).body.items;
        expect(expired).toMatchObject({ status: 'expired', current: false });
        const audit = (
          await api()
            .get(
              `/api/aims/audit?entityRef=${encodeURIComponent(
                ORGANISATION_SOA_REF,
              )}`,
            )
            .set(as('bob'))
        ).body.items;
        expect(
          audit.find((e: any) => e.action === 'evidence.expired'),
        ).toMatchObject({
          actor: 'aims:evidence-expiry',
          details: {
            evidenceId: created.body.id,
            changes: [
              { field: 'status', before: 'approved', after: 'expired' },
            ],
          },
        });
        expect(await gaps()).toContain('A.5.2');
      });
    });

    describe("an AI system's controls", () => {
      const CONTROLS = '/api/aims/controls/aisystem/default/fraud-scorer';
      const map = (
        who: string,
        controlId: string,
        body: Record<string, unknown>,
      ) => api().put(`${CONTROLS}/${controlId}`).set(as(who)).send(body);

      it('lists mapped controls and those its risks name; 404 for hidden or unknown AI systems', async () => {
        const risk = await api()
          .post('/api/aims/risks')
          .set(as('carol'))
          .send({
            aiSystemRef: FRAUD,
            title: 'Unfair declines',
            description: 'Some groups are declined more often',
            inherent: { likelihood: 4, impact: 4 },
            residual: { likelihood: 2, impact: 3 },
            treatment: 'accept',
            actions: [],
            controls: ['A.7.4'],
            riskOwner: 'user:default/alice',
          });
        expect([risk.status, risk.body.error?.message]).toEqual([
          201,
          undefined,
        ]);
        const res = await api().get(CONTROLS).set(as('bob'));
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({
          aiSystemRef: FRAUD,
          euAiActTier: 'high-risk',
        });
        expect(res.body.obligations.length).toBeGreaterThan(0);
        const named = res.body.controls.find(
          (c: any) => c.controlId === 'A.7.4',
        );
        expect(named).toMatchObject({
          mapped: false,
          applicable: true,
          revision: 0,
          risks: [expect.objectContaining({ riskId: risk.body.id })],
        });
        expect(
          (
            await api()
              .get('/api/aims/controls/aisystem/default/secret-model')
              .set(as('olivia'))
          ).status,
        ).toBe(404);
        expect(
          (
            await api()
              .get('/api/aims/controls/aisystem/default/nope')
              .set(as('bob'))
          ).status,
        ).toBe(404);
      });

      it('maps a control: 400 naming the field, 404, 403, 409; a system finding opens and resolves once implemented with current evidence; the inventory counts coverage', async () => {
        const noHow = await map('alice', 'A.6.2.6', {
          revision: 0,
          applicable: false,
        });
        expect(noHow.status).toBe(400);
        expect(noHow.body.error.message).toContain('how');
        expect(
          (await map('alice', 'A.99.9', { revision: 0, applicable: true }))
            .status,
        ).toBe(404);
        expect(
          (await map('bob', 'A.6.2.6', { revision: 0, applicable: true }))
            .status,
        ).toBe(403);
        expect(
          (
            await api()
              .put('/api/aims/controls/aisystem/default/secret-model/A.6.2.6')
              .set(as('olivia'))
              .send({ revision: 0, applicable: true })
          ).status,
        ).toBe(404);
        const mapped = await map('alice', 'A.6.2.6', {
          revision: 0,
          applicable: true,
          how: 'Drift alerts page the on-call engineer',
          implementationStatus: 'in-progress',
        });
        expect(mapped.status).toBe(200);
        expect(mapped.body).toMatchObject({
          controlId: 'A.6.2.6',
          mapped: true,
          revision: 1,
          owner: 'group:default/risk-ml',
          currentEvidence: true,
        });
        expect(
          (await map('alice', 'A.6.2.6', { revision: 0, applicable: true }))
            .status,
        ).toBe(409);
        const systemGaps = async () =>
          (await openFindings(FRAUD))
            .filter(f => f.type === 'soa-applicable-not-implemented')
            .map(f => f.evidence.controlId);
        expect(await systemGaps()).toEqual(['A.6.2.6']);

        const implemented = await map('alice', 'A.6.2.6', {
          revision: 1,
          applicable: true,
          how: 'Drift alerts page the on-call engineer',
          implementationStatus: 'implemented',
        });
        expect(implemented.status).toBe(200);
        expect(await systemGaps()).toEqual([]);

        const item = (
          await api().get('/api/aims/inventory?limit=10').set(as('bob'))
        ).body.items.find((i: any) => i.entityRef === FRAUD);
        // A.6.2.6 mapped, implemented, with current evidence; A.7.4 named by a risk
        expect(item.controls).toEqual({
          applicable: 2,
          implementedWithEvidence: 1,
        });
        expect(
          (
            await api()
              .get('/api/aims/status/aisystem/default/fraud-scorer')
              .set(as('bob'))
          ).body.controls,
        ).toEqual({ applicable: 2, implementedWithEvidence: 1 });
        const audit = (
          await api()
            .get(`/api/aims/audit?entityRef=${encodeURIComponent(FRAUD)}`)
            .set(as('carol'))
        ).body.items;
        expect(
          audit.find((e: any) => e.action === 'control-mapping.updated')
            .details,
        ).toEqual({
          controlId: 'A.6.2.6',
          changes: [
            {
              field: 'implementationStatus',
              before: 'in-progress',
              after: 'implemented',
            },
          ],
        });
      });

      it('serves the controls as CSV and OSCAL downloads', async () => {
        const csv = await api().get(`${CONTROLS}?format=csv`).set(as('bob'));
        expect(csv.status).toBe(200);
        expect(csv.headers['content-type']).toMatch(/^text\/csv/);
        expect(csv.headers['content-disposition']).toContain(
          'fraud-scorer-controls.csv',
        );
        expect(csv.text).toContain('A.6.2.6');
        const oscal = await api()
          .get(`${CONTROLS}?format=oscal`)
          .set(as('bob'));
        expect(oscal.status).toBe(200);
        expect(oscal.headers['content-type']).toMatch(
          /^application\/oscal\+json/,
        );
        expect(JSON.parse(oscal.text)).toHaveProperty('system-security-plan');
      });
    });

    it('always answers the 38 Annex A controls in catalogue order, even for a version saved against another catalogue', async () => {
      const [latest] = (
        await api().get('/api/aims/soa/versions').set(as('bob'))
      ).body.items;
      await knex('aims_soa_versions').insert({
        version: latest.version + 1,
        status: 'draft',
        content: JSON.stringify({
          controls: [
            { controlId: 'A.99.1', applicable: true },
            { controlId: 'A.2.2', applicable: false, justification: 'x' },
            { controlId: 'A.2.2', applicable: true },
            ...ANNEX_A_IDS.slice(10)
              .reverse()
              .map(controlId => ({ controlId, applicable: true })),
          ],
          additionalControls: [],
        }),
        catalogue: JSON.stringify({
          standard: 'ISO/IEC 42001:2030',
          annex: 'A',
          controlCount: 40,
          digest: 'sha256:later',
        }),
        revision: 1,
        author: 'user:default/carol',
        contributors: JSON.stringify(['user:default/carol']),
        created_at: new Date(),
        updated_at: new Date(),
      });
      const res = await api()
        .get(`/api/aims/soa/versions/${latest.version + 1}`)
        .set(as('bob'));
      expect(res.status).toBe(200);
      const ids = res.body.controls.map((c: any) => c.controlId);
      expect(ids).toEqual(ANNEX_A_IDS);
      expect(new Set(ids).size).toBe(38);
      expect(res.body.controls[ids.indexOf('A.2.2')].applicable).toBe(false);
      expect(res.body.catalogue.digest).toBe('sha256:later');
      const inForce = await api().get('/api/aims/soa').set(as('bob'));
      expect(inForce.body.controls.map((c: any) => c.controlId)).toEqual(
        ANNEX_A_IDS,
      );
    });
  },
);
