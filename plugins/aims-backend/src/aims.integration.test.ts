import { SchedulerService } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import {
  IMPACT_DIMENSIONS,
  ImpactAssessmentContent,
  emptyImpactAssessmentContent,
} from '@aims-backstage/backstage-plugin-aims-common';
import catalogModuleAims from '@aims-backstage/backstage-plugin-catalog-backend-module-aims';
import { Knex } from 'knex';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { stringify } from 'yaml';
import aimsPlugin from './index';
import { FINDINGS_TASK_ID } from './findings/tasks';
import { IMPORT_TASK_ID } from './assessments/tasks';
import {
  aiSystem,
  databaseFactory,
  group,
  locationAnnotations,
  testEntitiesModule,
  schedulerCapture,
  user,
  userInfoFromCatalog,
  waitForCatalog,
} from './testing/testHarness';
import { aimsResponseValidation } from './__testUtils__/responseValidator';
import { httpAuthWithActors } from './__testUtils__/httpAuthWithActors';
import {
  aimsTestPolicy,
  asUser,
  permissionBackendWith,
  testDatabases,
} from './__testUtils__/testBackend';

jest.setTimeout(180_000);

const DAY = 24 * 3600 * 1000;
const isoDay = (offsetDays: number) =>
  new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'aims-import-'));
const catalogFile = path.join(tmp, 'catalog-info.yaml');
const fileLocation = `file:${catalogFile}`;

const entities: Entity[] = [
  group('risk-ml'),
  group('cx-team'),
  group('compliance'),
  user('alice', ['risk-ml']),
  user('bob', ['cx-team']),
  user('carol', ['compliance']),
  user('dave', ['compliance']),
  user('erin', ['risk-ml']),
  user('grace', ['compliance']),
  aiSystem('fraud-scorer', {
    owner: 'group:default/risk-ml',
    euAiAct: { tier: 'high-risk', annexIIIArea: 'III.5' },
  }),
  aiSystem('support-bot', {
    owner: 'group:default/cx-team',
    lifecycle: 'experimental',
  }),
  aiSystem('churn-model', { owner: 'group:default/risk-ml' }),
  aiSystem('race-model', { owner: 'group:default/risk-ml' }),
  // the governance tests' own system: four eyes on approvals, accountable risk owners
  aiSystem('loan-advisor', { owner: 'group:default/risk-ml' }),
  aiSystem(
    'docs-bot',
    { owner: 'group:default/risk-ml', lifecycle: 'experimental' },
    {
      annotations: {
        ...locationAnnotations(fileLocation),
        'aims.dev/impact-assessment': 'impact-assessment.yaml',
      },
    },
  ),
];

const testEntities = testEntitiesModule(entities);

/**
 * The policy under test: the shipped aimsPolicyDecision (owners update their systems, the
 * compliance group everything, only compliance approves); everything else is allowed.
 */
const testPolicy = aimsTestPolicy('aims-test-policy');

let scheduler: SchedulerService;
const captureScheduler = schedulerCapture(s => {
  scheduler = s;
});

function completeContent(
  overrides: Partial<ImpactAssessmentContent> = {},
): ImpactAssessmentContent {
  return {
    ...emptyImpactAssessmentContent('high-risk'),
    intendedUse: 'Scores card payments',
    foreseeableMisuse: 'Profiling customers',
    affectedIndividuals: 'Card holders',
    affectedGroups: 'Merchants',
    societalImpact: 'Less fraud',
    predictableFailures: 'False positives',
    humanOversight: 'Analysts review declines',
    dataCategories: ['transactions'],
    reviewers: ['user:default/carol'],
    euAiAct: {
      tier: 'high-risk',
      annexIIIArea: 'III.5',
      reasoning: 'Creditworthiness',
    },
    nextReviewDate: isoDay(365),
    dimensions: IMPACT_DIMENSIONS.map(d => ({
      dimension: d.id,
      effect: 'none',
      description: '',
    })),
    ...overrides,
  };
}

const databases = testDatabases();

// every answer of the aims plugin is checked against the OpenAPI spec (fails the test)
const specResponses = aimsResponseValidation();

describe.each(databases.eachSupportedId())(
  'aims assessments, risks, findings and audit on %s',
  databaseId => {
    let backend: Awaited<ReturnType<typeof startTestBackend>>;
    let knex: Knex;
    const as = asUser;
    const api = () => request(backend.server);
    const IA = '/api/aims/impact-assessments/aisystem/default';

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      const catalogKnex = await databases.init(databaseId);
      const permissionKnex = await databases.init(databaseId);
      fs.writeFileSync(catalogFile, '# the docs-bot catalog file\n');
      backend = await startTestBackend({
        features: [
          aimsPlugin,
          specResponses.module,
          catalogPlugin,
          catalogModuleAims,
          testEntities,
          ...permissionBackendWith(testPolicy),
          captureScheduler,
          userInfoFromCatalog,
          databaseFactory({
            aims: knex,
            catalog: catalogKnex,
            permission: permissionKnex,
          }),
          mockServices.rootConfig.factory({
            data: {
              permission: { enabled: true },
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
        items => {
          const systems = items.filter(e => e.kind === 'AISystem');
          const users = items.filter(e => e.kind === 'User');
          return (
            systems.length === 6 &&
            systems.every(e => e.relations?.some(r => r.type === 'ownedBy')) &&
            users.length === 6 &&
            users.every(e => e.relations?.some(r => r.type === 'memberOf'))
          );
        },
        'the catalog',
      );
    });

    afterAll(async () => {
      await backend?.stop();
    });

    const findings = async (ref: string) =>
      (await api().get(`/api/aims/findings?entityRef=${ref}`).set(as('alice')))
        .body.items as any[];

    describe('authentication and permissions', () => {
      it('answers 401 without credentials, on reads and writes', async () => {
        for (const [method, p] of [
          ['get', `${IA}/fraud-scorer`],
          ['put', `${IA}/fraud-scorer/draft`],
          ['get', '/api/aims/risks'],
          ['post', '/api/aims/risks'],
          ['get', '/api/aims/findings'],
          ['get', '/api/aims/audit'],
        ] as const) {
          const res = await (api() as any)[method](p).send({});
          expect([p, res.status]).toEqual([p, 401]);
        }
      });

      it('answers 403 naming the owners when a non-owner edits, and lets service principals read but not write', async () => {
        const res = await api()
          .put(`${IA}/fraud-scorer/draft`)
          .set(as('bob'))
          .send({ content: { intendedUse: 'x' } });
        expect(res.status).toBe(403);
        expect(res.body.error.message).toBe(
          'You are not allowed to edit the impact assessment of aisystem:default/fraud-scorer: only its owners (group:default/risk-ml) or compliance may',
        );
        const service = {
          Authorization: `Bearer ${mockCredentials.service.token()}`,
        };
        expect(
          (await api().get(`${IA}/fraud-scorer`).set(service)).status,
        ).toBe(200);
        const write = await api()
          .put(`${IA}/fraud-scorer/draft`)
          .set(service)
          .send({ content: { intendedUse: 'x' } });
        expect(write.status).toBe(403);
      });

      it('answers 404 for unknown entities, non-AISystems and unknown versions', async () => {
        expect((await api().get(`${IA}/nope`).set(as('alice'))).status).toBe(
          404,
        );
        expect(
          (
            await api()
              .get('/api/aims/impact-assessments/user/default/alice')
              .set(as('alice'))
          ).status,
        ).toBe(404);
        expect(
          (await api().get(`${IA}/fraud-scorer/versions/9`).set(as('alice')))
            .status,
        ).toBe(404);
        expect(
          (await api().get('/api/aims/risks/nope').set(as('alice'))).status,
        ).toBe(404);
      });
    });

    describe('impact assessment workflow', () => {
      it('runs draft → submit → approve → new draft → overdue, with 400/403/409 on the way', async () => {
        const ref = 'aisystem:default/fraud-scorer';
        let overview = await api().get(`${IA}/fraud-scorer`).set(as('alice'));
        expect(overview.status).toBe(200);
        expect(overview.body).toMatchObject({
          aiSystemRef: ref,
          summary: { status: 'missing' },
          latest: null,
          approved: null,
          versions: [],
          fundamentalRightsAssessmentRequired: false,
        });
        expect((await findings(ref)).map(f => [f.type, f.status])).toEqual([]);

        // bad content: 400 naming the field
        const bad = await api()
          .put(`${IA}/fraud-scorer/draft`)
          .set(as('alice'))
          .send({ content: { intendedUse: 5 } });
        expect(bad.status).toBe(400);
        expect(bad.body.error.message).toContain('intendedUse');

        // first draft (an incomplete one)
        const draft = await api()
          .put(`${IA}/fraud-scorer/draft`)
          .set(as('alice'))
          .send({ content: { intendedUse: 'Scores card payments' } });
        expect(draft.status).toBe(200);
        expect(draft.body).toMatchObject({
          version: 1,
          status: 'draft',
          revision: 1,
          author: 'user:default/alice',
        });
        expect((await findings(ref)).map(f => [f.type, f.status])).toEqual([
          ['impact-assessment-not-approved', 'open'],
        ]);

        // stale revision
        const stale = await api()
          .put(`${IA}/fraud-scorer/draft`)
          .set(as('alice'))
          .send({ content: { intendedUse: 'x' }, revision: 7 });
        expect(stale.status).toBe(409);
        expect(stale.body.error.message).toMatch(/reload/);

        // submit while incomplete: 400 listing the fields
        const incomplete = await api()
          .post(`${IA}/fraud-scorer/transitions`)
          .set(as('alice'))
          .send({ action: 'submit', revision: 1 });
        expect(incomplete.status).toBe(400);
        expect(incomplete.body.error.message).toContain('foreseeableMisuse');
        expect(incomplete.body.error.message).toContain('nextReviewDate');

        // complete it, and submit
        const saved = await api()
          .put(`${IA}/fraud-scorer/draft`)
          .set(as('alice'))
          .send({ content: completeContent(), revision: 1 });
        expect(saved.body).toMatchObject({ version: 1, revision: 2 });
        const approveDraft = await api()
          .post(`${IA}/fraud-scorer/transitions`)
          .set(as('carol'))
          .send({ action: 'approve', revision: 2 });
        expect(approveDraft.status).toBe(409); // wrong state
        const submitted = await api()
          .post(`${IA}/fraud-scorer/transitions`)
          .set(as('alice'))
          .send({ action: 'submit', revision: 2 });
        expect(submitted.status).toBe(200);
        expect(submitted.body).toMatchObject({
          status: 'in-review',
          submittedBy: 'user:default/alice',
          revision: 3,
        });

        // editing while in review: 409
        const editInReview = await api()
          .put(`${IA}/fraud-scorer/draft`)
          .set(as('alice'))
          .send({ content: completeContent(), revision: 3 });
        expect(editInReview.status).toBe(409);
        expect(editInReview.body.error.message).toMatch(/in review/);

        // a non-approver (an owner) may not approve; nor may an author who is an approver
        const byOwner = await api()
          .post(`${IA}/fraud-scorer/transitions`)
          .set(as('erin'))
          .send({ action: 'approve', revision: 3 });
        expect(byOwner.status).toBe(403);
        expect(byOwner.body.error.message).toMatch(/only approvers/);

        // return needs a reason; carol returns, alice resubmits
        const noReason = await api()
          .post(`${IA}/fraud-scorer/transitions`)
          .set(as('carol'))
          .send({ action: 'return', revision: 3 });
        expect(noReason.status).toBe(400);
        expect(noReason.body.error.message).toContain('reason');
        const returned = await api()
          .post(`${IA}/fraud-scorer/transitions`)
          .set(as('carol'))
          .send({
            action: 'return',
            revision: 3,
            reason: 'Add the oversight details',
          });
        expect(returned.body).toMatchObject({
          status: 'draft',
          returnedReason: 'Add the oversight details',
        });
        // compliance (carol) edits and submits: now carol is the author of nothing, alice is
        const resubmitted = await api()
          .post(`${IA}/fraud-scorer/transitions`)
          .set(as('alice'))
          .send({ action: 'submit', revision: 4 });
        expect(resubmitted.status).toBe(200);

        const approved = await api()
          .post(`${IA}/fraud-scorer/transitions`)
          .set(as('carol'))
          .send({ action: 'approve', revision: 5 });
        expect(approved.status).toBe(200);
        expect(approved.body).toMatchObject({
          status: 'approved',
          approvedBy: 'user:default/carol',
          reviewDue: `${completeContent().nextReviewDate}T00:00:00.000Z`,
        });
        expect((await findings(ref)).map(f => [f.type, f.status])).toEqual([
          ['impact-assessment-not-approved', 'resolved'],
        ]);

        // a new draft over the approved version: v2; v1 stays approved and untouched
        const v2 = await api()
          .put(`${IA}/fraud-scorer/draft`)
          .set(as('erin'))
          .send({
            content: completeContent({
              intendedUse: 'Scores card and wallet payments',
            }),
            revision: 6,
          });
        expect(v2.status).toBe(200);
        expect(v2.body).toMatchObject({
          version: 2,
          status: 'draft',
          revision: 1,
          author: 'user:default/erin',
        });
        overview = await api().get(`${IA}/fraud-scorer`).set(as('bob'));
        expect(overview.body).toMatchObject({
          summary: { status: 'approved' },
          latest: { version: 2, status: 'draft' },
          approved: { version: 1, status: 'approved', revision: 6 },
        });
        expect(
          overview.body.versions.map((v: any) => [v.version, v.status]),
        ).toEqual([
          [2, 'draft'],
          [1, 'approved'],
        ]);
        const v1 = await api()
          .get(`${IA}/fraud-scorer/versions/1`)
          .set(as('bob'));
        expect(v1.body.content.intendedUse).toBe('Scores card payments');

        // author approving own: erin authors v2, is not compliance → 403 from permission; make
        // carol author a version to check the four-eyes rule with an approver
        const submitV2 = await api()
          .post(`${IA}/fraud-scorer/transitions`)
          .set(as('erin'))
          .send({ action: 'submit', revision: 1 });
        expect(submitV2.status).toBe(200);
        const returnV2 = await api()
          .post(`${IA}/fraud-scorer/transitions`)
          .set(as('dave'))
          .send({ action: 'return', revision: 2, reason: 'Carol takes over' });
        expect(returnV2.status).toBe(200);

        // review date passes: overdue summary and finding on the next scheduled reconcile
        // (the version's review date and the store's per-system summary row, which keeps
        // the approved version in force beside the newer draft)
        await knex('aims_impact_assessments')
          .where({ ai_system_ref: ref, version: 1 })
          .update({ review_due: new Date(Date.now() - DAY) });
        await knex('aims_impact_assessment_summaries')
          .where({ ai_system_ref: ref, approved_version: 1 })
          .update({ approved_review_due: new Date(Date.now() - DAY) });
        await scheduler.triggerTask(FINDINGS_TASK_ID);
        overview = await api().get(`${IA}/fraud-scorer`).set(as('bob'));
        expect(overview.body.summary.status).toBe('review-overdue');
        const open = (await findings(ref)).filter(f => f.status === 'open');
        expect(open.map(f => [f.type, f.severity])).toEqual([
          ['impact-assessment-review-overdue', 'high'],
        ]);
        const inventory = await api()
          .get('/api/aims/status/aisystem/default/fraud-scorer')
          .set(as('bob'));
        expect(inventory.body.findings).toMatchObject({ open: 1, high: 1 });
      });

      it('refuses an author approving their own assessment (four eyes), even as an approver', async () => {
        const draft = await api()
          .put(`${IA}/support-bot/draft`)
          .set(as('carol'))
          .send({ content: completeContent() });
        expect(draft.status).toBe(200);
        await api()
          .post(`${IA}/support-bot/transitions`)
          .set(as('carol'))
          .send({ action: 'submit', revision: 1 })
          .expect(200);
        const own = await api()
          .post(`${IA}/support-bot/transitions`)
          .set(as('carol'))
          .send({ action: 'approve', revision: 2 });
        expect(own.status).toBe(403);
        expect(own.body.error.message).toMatch(/cannot approve their own/);
        const other = await api()
          .post(`${IA}/support-bot/transitions`)
          .set(as('dave'))
          .send({ action: 'approve', revision: 2 });
        expect(other.status).toBe(200);
      });

      it('refuses approval from anyone who wrote or submitted the version (four eyes), and lists its contributors', async () => {
        const LOAN = `${IA}/loan-advisor`;
        // alice (an owner) opens a stub draft; carol (compliance) writes all of it and submits
        await api()
          .put(`${LOAN}/draft`)
          .set(as('alice'))
          .send({ content: { intendedUse: 'stub' } })
          .expect(200);
        const written = await api()
          .put(`${LOAN}/draft`)
          .set(as('carol'))
          .send({ content: completeContent(), revision: 1 });
        expect(written.status).toBe(200);
        expect(written.body).toMatchObject({
          author: 'user:default/alice',
          contributors: ['user:default/alice', 'user:default/carol'],
        });
        await api()
          .post(`${LOAN}/transitions`)
          .set(as('carol'))
          .send({ action: 'submit', revision: 2 })
          .expect(200);
        const byWriter = await api()
          .post(`${LOAN}/transitions`)
          .set(as('carol'))
          .send({ action: 'approve', revision: 3 });
        expect(byWriter.status).toBe(403);
        expect(byWriter.body.error.message).toMatch(/four eyes/);

        // dave returns it and submits it again himself without writing: the submitter may not
        // approve either
        await api()
          .post(`${LOAN}/transitions`)
          .set(as('dave'))
          .send({ action: 'return', revision: 3, reason: 'Second look' })
          .expect(200);
        await api()
          .post(`${LOAN}/transitions`)
          .set(as('dave'))
          .send({ action: 'submit', revision: 4 })
          .expect(200);
        const bySubmitter = await api()
          .post(`${LOAN}/transitions`)
          .set(as('dave'))
          .send({ action: 'approve', revision: 5 });
        expect(bySubmitter.status).toBe(403);
        expect(bySubmitter.body.error.message).toMatch(/submitted this/);

        // grace, compliance and no contributor, may
        const approved = await api()
          .post(`${LOAN}/transitions`)
          .set(as('grace'))
          .send({ action: 'approve', revision: 5 });
        expect(approved.status).toBe(200);
        const contributors = [
          'user:default/alice',
          'user:default/carol',
          'user:default/dave',
        ];
        expect(approved.body).toMatchObject({
          status: 'approved',
          approvedBy: 'user:default/grace',
          submittedBy: 'user:default/dave',
          contributors,
        });
        const audit = await api()
          .get(
            '/api/aims/audit?entityRef=aisystem:default/loan-advisor&limit=1',
          )
          .set(as('bob'));
        expect(audit.body.items[0]).toMatchObject({
          action: 'impact-assessment.approved',
          actor: 'user:default/grace',
          details: { contributors },
        });
        const overview = await api().get(LOAN).set(as('bob'));
        expect(overview.body.versions).toEqual([
          expect.objectContaining({
            version: 1,
            contributors,
            submittedBy: 'user:default/dave',
            approvedBy: 'user:default/grace',
          }),
        ]);
      });

      it('lets exactly one of 50 concurrent saves of the same draft revision win, audits only the winner, and loses no update of clients that retry', async () => {
        await api()
          .put(`${IA}/race-model/draft`)
          .set(as('alice'))
          .send({ content: { intendedUse: 'start' } })
          .expect(200);
        const saves = () =>
          knex('aims_audit_log')
            .where({
              entity_ref: 'aisystem:default/race-model',
              action: 'impact-assessment.draft-saved',
            })
            .orderBy('id')
            .select('actor', 'details');
        const savedBefore = (await saves()).length;

        // 50 clients save revision 1 at once (two people, to the same draft)
        const results = await Promise.all(
          Array.from({ length: 50 }, (_, i) =>
            api()
              .put(`${IA}/race-model/draft`)
              .set(as(i % 2 ? 'erin' : 'alice'))
              .send({ content: { intendedUse: `edit-${i}` }, revision: 1 }),
          ),
        );
        const statuses = results.map(r => r.status);
        expect(statuses.filter(s => s === 200)).toHaveLength(1);
        expect(statuses.filter(s => s === 409)).toHaveLength(49);
        const winner = results.find(r => r.status === 200)!;
        const now = await api().get(`${IA}/race-model`).set(as('alice'));
        expect(now.body.latest).toMatchObject({
          revision: 2,
          content: { intendedUse: winner.body.content.intendedUse },
        });
        const afterRace = (await saves()).slice(savedBefore);
        expect(afterRace).toHaveLength(1);
        expect(JSON.parse(afterRace[0].details).changes).toEqual([
          {
            field: 'intendedUse',
            before: 'start',
            after: winner.body.content.intendedUse,
          },
        ]);

        // 10 clients each add their own data category, re-reading and retrying on 409:
        // every one of them ends up in the draft, one revision and one audit entry each
        await Promise.all(
          Array.from({ length: 10 }, async (_, i) => {
            for (let attempt = 0; attempt < 30; attempt++) {
              const { latest } = (
                await api().get(`${IA}/race-model`).set(as('alice'))
              ).body;
              const res = await api()
                .put(`${IA}/race-model/draft`)
                .set(as('alice'))
                .send({
                  content: {
                    ...latest.content,
                    dataCategories: [
                      ...(latest.content.dataCategories ?? []),
                      `category-${i}`,
                    ],
                  },
                  revision: latest.revision,
                });
              if (res.status === 200) return;
              expect(res.status).toBe(409);
            }
            throw new Error(`client ${i} never got its save in`);
          }),
        );
        const final = (await api().get(`${IA}/race-model`).set(as('alice')))
          .body.latest;
        expect(final.revision).toBe(12);
        expect([...final.content.dataCategories].sort()).toEqual(
          Array.from({ length: 10 }, (_, i) => `category-${i}`).sort(),
        );
        expect((await saves()).length - savedBefore).toBe(11);
      });
    });

    describe('docs-as-code import', () => {
      it('imports the annotated file next to a file: location, and re-imports only on change', async () => {
        const ref = 'aisystem:default/docs-bot';
        fs.writeFileSync(
          path.join(tmp, 'impact-assessment.yaml'),
          stringify({
            intendedUse: 'Answers questions about docs',
            dataCategories: ['docs'],
          }),
        );
        const denied = await api()
          .post(`${IA}/docs-bot/import`)
          .set(as('bob'))
          .send({});
        expect(denied.status).toBe(403);
        const res = await api()
          .post(`${IA}/docs-bot/import`)
          .set(as('alice'))
          .send({});
        expect(res.body.error).toBeUndefined();
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({
          version: 1,
          status: 'draft',
          content: { intendedUse: 'Answers questions about docs' },
          source: {
            // the catalog's form of the location, not the server's absolute path
            location: 'file:impact-assessment.yaml',
            importedAt: expect.any(String),
          },
        });

        // scheduled: unchanged file → no new revision; changed file → imported
        await scheduler.triggerTask(IMPORT_TASK_ID);
        let overview = await api().get(`${IA}/docs-bot`).set(as('alice'));
        expect(overview.body.latest.revision).toBe(1);
        fs.writeFileSync(
          path.join(tmp, 'impact-assessment.yaml'),
          stringify({ intendedUse: 'Answers questions about the docs, v2' }),
        );
        await scheduler.triggerTask(IMPORT_TASK_ID);
        overview = await api().get(`${IA}/docs-bot`).set(as('alice'));
        expect(overview.body.latest).toMatchObject({
          revision: 2,
          content: { intendedUse: 'Answers questions about the docs, v2' },
        });

        // invalid file content: 400 naming the field
        fs.writeFileSync(
          path.join(tmp, 'impact-assessment.yaml'),
          stringify({ intendedUse: 3 }),
        );
        const invalid = await api()
          .post(`${IA}/docs-bot/import`)
          .set(as('alice'))
          .send({});
        expect(invalid.status).toBe(400);
        expect(invalid.body.error.message).toContain('intendedUse');

        // a system without the annotation: 400
        const none = await api()
          .post(`${IA}/churn-model/import`)
          .set(as('alice'))
          .send({});
        expect(none.status).toBe(400);
        expect(none.body.error.message).toContain('aims.dev/impact-assessment');

        const audit = await api()
          .get(`/api/aims/audit?entityRef=${ref}`)
          .set(as('alice'));
        expect(audit.body.items.map((e: any) => [e.action, e.actor])).toEqual([
          ['impact-assessment.imported', 'aims:scheduled-import'],
          ['impact-assessment.imported', 'user:default/alice'],
        ]);
        // no server internals in what is stored: the audit log names the location as well
        expect(audit.body.items[0].details.source.location).toBe(
          'file:impact-assessment.yaml',
        );
        const stored = JSON.stringify([
          await knex('aims_audit_log').select('details'),
          await knex('aims_impact_assessments').select('source_location'),
        ]);
        expect(stored).not.toContain(tmp);
      });
    });

    describe('risk register', () => {
      const risk = (over: Record<string, unknown> = {}) => ({
        aiSystemRef: 'aisystem:default/fraud-scorer',
        title: 'Unfair declines',
        description: 'Some groups are declined more often',
        inherent: { likelihood: 5, impact: 5 },
        residual: { likelihood: 3, impact: 4 },
        treatment: 'mitigate',
        actions: [
          {
            description: 'Bias test',
            owner: 'user:default/alice',
            dueDate: isoDay(30),
            status: 'open',
          },
        ],
        controls: ['A.5.4'],
        riskOwner: 'group:default/risk-ml',
        ...over,
      });

      it('creates, lists, edits, signs off, exports and maps risks; findings follow', async () => {
        const ref = 'aisystem:default/fraud-scorer';
        const badInput = await api()
          .post('/api/aims/risks')
          .set(as('alice'))
          .send(risk({ treatment: 'pray' }));
        expect(badInput.status).toBe(400);
        expect(badInput.body.error.message).toContain('treatment');
        expect(
          (await api().post('/api/aims/risks').set(as('bob')).send(risk()))
            .status,
        ).toBe(403);
        expect(
          (
            await api()
              .post('/api/aims/risks')
              .set(as('alice'))
              .send(risk({ aiSystemRef: 'aisystem:default/nope' }))
          ).status,
        ).toBe(404);

        // alice may not name her own group risk owner (she would accept her own risk): compliance may
        expect(
          (await api().post('/api/aims/risks').set(as('alice')).send(risk()))
            .status,
        ).toBe(403);
        const created = await api()
          .post('/api/aims/risks')
          .set(as('carol'))
          .send(risk());
        expect(created.status).toBe(201);
        expect(created.body).toMatchObject({
          aiSystemRef: ref,
          inherentScore: 25,
          residualScore: 12,
          inherentBand: 'critical',
          residualBand: 'high',
          aboveAcceptance: true,
          needsSignOff: true,
          signOff: null,
          revision: 1,
          createdBy: 'user:default/carol',
          riskOwner: 'group:default/risk-ml',
        });
        const id = created.body.id;
        const low = await api()
          .post('/api/aims/risks')
          .set(as('carol'))
          .send(
            risk({
              title: 'Minor drift',
              inherent: { likelihood: 2, impact: 2 },
              residual: { likelihood: 1, impact: 2 },
              riskOwner: 'user:default/alice',
            }),
          );
        expect(low.status).toBe(201);

        let open = (await findings(ref)).filter(
          f => f.type === 'risk-not-signed-off',
        );
        expect(open).toEqual([
          expect.objectContaining({
            status: 'open',
            severity: 'high',
            evidence: expect.objectContaining({ riskId: id }),
          }),
        ]);

        const list = await api()
          .get(`/api/aims/risks?aiSystemRef=${ref}&orderBy=score`)
          .set(as('bob'));
        expect(list.body.totalCount).toBe(2);
        expect(list.body.items.map((r: any) => r.title)).toEqual([
          'Unfair declines',
          'Minor drift',
        ]);
        expect(list.body.matrix).toEqual({
          likelihoodLevels: 5,
          impactLevels: 5,
          acceptanceThreshold: 8,
        });
        const needs = await api()
          .get('/api/aims/risks?needsSignOff=true')
          .set(as('bob'));
        expect(needs.body.items.map((r: any) => r.id)).toEqual([id]);
        const band = await api()
          .get('/api/aims/risks?band=low&orderBy=title&order=asc')
          .set(as('bob'));
        expect(band.body.items.map((r: any) => r.title)).toEqual([
          'Minor drift',
        ]);
        const byOwner = await api()
          .get('/api/aims/risks?owner=alice&aiSystemRef=fraud-scorer')
          .set(as('bob'));
        expect(byOwner.body.items.map((r: any) => r.title)).toEqual([
          'Minor drift',
        ]);
        expect(
          (await api().get('/api/aims/risks?band=huge').set(as('bob'))).status,
        ).toBe(400);

        // non-owner (cx-team) may not sign off; a member of the owning group may
        const notOwner = await api()
          .post(`/api/aims/risks/${id}/sign-off`)
          .set(as('bob'))
          .send({ revision: 1 });
        expect(notOwner.status).toBe(403);
        expect(notOwner.body.error.message).toContain('group:default/risk-ml');
        const staleSign = await api()
          .post(`/api/aims/risks/${id}/sign-off`)
          .set(as('erin'))
          .send({ revision: 9 });
        expect(staleSign.status).toBe(409);
        const signed = await api()
          .post(`/api/aims/risks/${id}/sign-off`)
          .set(as('erin'))
          .send({ revision: 1 });
        expect(signed.status).toBe(200);
        expect(signed.body).toMatchObject({
          needsSignOff: false,
          signOff: { by: 'user:default/erin', residualScore: 12 },
          revision: 2,
        });
        open = (await findings(ref)).filter(
          f => f.type === 'risk-not-signed-off',
        );
        expect(open.map(f => f.status)).toEqual(['resolved']);

        // changing the residual score invalidates the sign-off; the finding reopens
        const { aiSystemRef: _, ...input } = risk();
        const edited = await api()
          .put(`/api/aims/risks/${id}`)
          .set(as('alice'))
          .send({
            ...input,
            residual: { likelihood: 4, impact: 4 },
            revision: 2,
          });
        expect(edited.status).toBe(200);
        expect(edited.body).toMatchObject({
          residualScore: 16,
          needsSignOff: true,
          revision: 3,
        });
        const staleEdit = await api()
          .put(`/api/aims/risks/${id}`)
          .set(as('alice'))
          .send({ ...input, revision: 2 });
        expect(staleEdit.status).toBe(409);
        open = (await findings(ref)).filter(
          f => f.type === 'risk-not-signed-off',
        );
        expect(open).toEqual([
          expect.objectContaining({ status: 'open', occurrences: 2 }),
        ]);

        const heat = await api()
          .get(`/api/aims/risks/heatmap?aiSystemRef=${ref}`)
          .set(as('bob'));
        expect(heat.body.totalCount).toBe(2);
        expect(heat.body.inherent[4][4]).toBe(1);
        expect(heat.body.residual[3][3]).toBe(1);
        expect(heat.body.residual[0][1]).toBe(1);
        expect(
          (await api().get('/api/aims/risks/matrix').set(as('bob'))).body
            .acceptanceThreshold,
        ).toBe(8);

        const csv = await api()
          .get(`/api/aims/risks?format=csv&aiSystemRef=${ref}`)
          .set(as('bob'));
        expect(csv.headers['content-type']).toMatch(/^text\/csv/);
        const lines = csv.text.trimEnd().split('\r\n');
        expect(lines[0]).toMatch(/^id,aiSystemRef,title,status,riskOwner,/);
        expect(lines).toHaveLength(3);
        expect(lines[1]).toContain(
          ',Unfair declines,open,group:default/risk-ml,5,5,25,critical,4,4,16,high,mitigate,A.5.4,',
        );

        // no delete route: the register is evidence
        expect(
          (await api().delete(`/api/aims/risks/${id}`).set(as('carol'))).status,
        ).not.toBe(200);
        expect(
          (await api().get(`/api/aims/risks/${id}`).set(as('carol'))).status,
        ).toBe(200);

        const audit = await api()
          .get(`/api/aims/audit?entityRef=${ref}&limit=3`)
          .set(as('bob'));
        expect(audit.body.items[0]).toMatchObject({
          action: 'risk.updated',
          actor: 'user:default/alice',
          details: {
            riskId: id,
            changes: [{ field: 'residual.likelihood', before: 3, after: 4 }],
          },
        });
      });
    });

    describe('accountable risk owners', () => {
      const LOAN_REF = 'aisystem:default/loan-advisor';
      const loanRisk = (over: Record<string, unknown> = {}) => ({
        title: 'Over-lending',
        description: 'Advice pushes customers to loans they cannot carry',
        inherent: { likelihood: 4, impact: 5 },
        residual: { likelihood: 3, impact: 4 },
        treatment: 'accept',
        actions: [],
        controls: [],
        riskOwner: 'user:default/bob',
        ...over,
      });

      it('accepts only a User or Group of the catalog as riskOwner, naming the field', async () => {
        for (const riskOwner of [
          'user:default/nobody',
          'group:default/ghosts',
          'aisystem:default/fraud-scorer',
          'not a ref:at:all:',
        ]) {
          const res = await api()
            .post('/api/aims/risks')
            .set(as('alice'))
            .send({ aiSystemRef: LOAN_REF, ...loanRisk({ riskOwner }) });
          expect([riskOwner, res.status]).toEqual([riskOwner, 400]);
          expect(res.body.error.message).toContain('riskOwner');
        }
        for (const riskOwner of ['user:default/bob', 'group:default/cx-team']) {
          const res = await api()
            .post('/api/aims/risks')
            .set(as('alice'))
            .send({ aiSystemRef: LOAN_REF, ...loanRisk({ riskOwner }) });
          expect([riskOwner, res.status]).toEqual([riskOwner, 201]);
        }
      });

      it("creating a risk naming oneself or one's own group as risk owner needs aims.risk.assignOwner", async () => {
        const create = (name: string, riskOwner: string) =>
          api()
            .post('/api/aims/risks')
            .set(as(name))
            .send({
              aiSystemRef: LOAN_REF,
              ...loanRisk({ title: `Named by ${name}`, riskOwner }),
            });
        // alice owns loan-advisor (risk-ml): she may edit its risks, not name herself accountable
        for (const riskOwner of [
          'user:default/alice',
          'alice',
          'group:default/risk-ml',
        ]) {
          const res = await create('alice', riskOwner);
          expect([riskOwner, res.status]).toEqual([riskOwner, 403]);
          expect(res.body.error.message).toContain('riskOwner');
          expect(res.body.error.message).toContain('aims.risk.assignOwner');
        }
        // naming another person: that person, not the author, signs off
        const other = await create('alice', 'user:default/erin');
        expect(other.status).toBe(201);
        expect(other.body).toMatchObject({
          createdBy: 'user:default/alice',
          riskOwner: 'user:default/erin',
        });
        // compliance holds aims.risk.assignOwner: naming themselves is allowed
        const compliance = await create('carol', 'user:default/carol');
        expect(compliance.status).toBe(201);
        expect(compliance.body.riskOwner).toBe('user:default/carol');
        // nothing was stored by the refused requests
        const listed = await api()
          .get(`/api/aims/risks?aiSystemRef=${LOAN_REF}&limit=100`)
          .set(as('carol'));
        expect(
          listed.body.items
            .filter((r: any) => r.title === 'Named by alice')
            .map((r: any) => r.riskOwner),
        ).toEqual(['user:default/erin']);
      });

      it('guards the risk owner: assignOwner or the current owner; a new owner or residual rating voids the sign-off', async () => {
        const created = await api()
          .post('/api/aims/risks')
          .set(as('alice'))
          .send({
            aiSystemRef: LOAN_REF,
            ...loanRisk({ title: 'Owner test' }),
          });
        expect(created.status).toBe(201);
        const id = created.body.id;
        const put = (name: string, body: Record<string, unknown>) =>
          api()
            .put(`/api/aims/risks/${id}`)
            .set(as(name))
            .send({ ...loanRisk({ title: 'Owner test' }), ...body });
        const signOff = (name: string, revision: number) =>
          api()
            .post(`/api/aims/risks/${id}/sign-off`)
            .set(as(name))
            .send({ revision });

        // the AI system's owner may edit the risk but not make themselves its owner
        const selfAssigned = await put('alice', {
          riskOwner: 'user:default/alice',
          revision: 1,
        });
        expect(selfAssigned.status).toBe(403);
        expect(selfAssigned.body.error.message).toContain(
          'aims.risk.assignOwner',
        );
        expect((await signOff('alice', 1)).status).toBe(403);

        // bob, the risk owner, signs off
        const signed = await signOff('bob', 1);
        expect(signed.status).toBe(200);
        expect(signed.body.signOff).toMatchObject({ by: 'user:default/bob' });

        // bob may not edit the risk itself (no aims.risk.update), but may hand it on
        expect(
          (await put('bob', { title: 'Renamed', revision: 2 })).status,
        ).toBe(403);
        const unknownOwner = await put('carol', {
          riskOwner: 'group:default/ghosts',
          revision: 2,
        });
        expect(unknownOwner.status).toBe(400);
        expect(unknownOwner.body.error.message).toContain('riskOwner');
        const handedOn = await put('bob', {
          riskOwner: 'group:default/risk-ml',
          revision: 2,
        });
        expect(handedOn.status).toBe(200);
        expect(handedOn.body).toMatchObject({
          riskOwner: 'group:default/risk-ml',
          signOff: null,
          needsSignOff: true,
          revision: 3,
        });
        const needing = await api()
          .get(`/api/aims/risks?aiSystemRef=${LOAN_REF}&needsSignOff=true`)
          .set(as('bob'));
        expect(needing.body.items.map((r: any) => r.id)).toContain(id);
        const audit = await api()
          .get(`/api/aims/audit?entityRef=${LOAN_REF}&limit=1`)
          .set(as('bob'));
        expect(audit.body.items[0]).toMatchObject({
          action: 'risk.updated',
          actor: 'user:default/bob',
          details: {
            signOffVoided: {
              by: 'user:default/bob',
              residualScore: 12,
              reason: 'the risk owner changed',
            },
          },
        });

        // a member of the owning group signs off; a non-member may not
        const byNonMember = await signOff('bob', 3);
        expect(byNonMember.status).toBe(403);
        expect(byNonMember.body.error.message).toContain(
          'group:default/risk-ml',
        );
        const byMember = await signOff('erin', 3);
        expect(byMember.status).toBe(200);
        expect(byMember.body).toMatchObject({
          needsSignOff: false,
          signOff: { by: 'user:default/erin', residualScore: 12 },
        });

        // compliance may reassign (aims.risk.assignOwner); a changed residual rating voids too
        const residual = await put('alice', {
          riskOwner: 'group:default/risk-ml',
          residual: { likelihood: 3, impact: 3 },
          revision: 4,
        });
        expect(residual.status).toBe(200);
        expect(residual.body).toMatchObject({
          residualScore: 9,
          signOff: null,
          needsSignOff: true,
        });
        const reassigned = await put('carol', {
          riskOwner: 'user:default/dave',
          residual: { likelihood: 3, impact: 3 },
          revision: 5,
        });
        expect(reassigned.status).toBe(200);
        expect(reassigned.body.riskOwner).toBe('user:default/dave');
      });
    });

    describe('concurrent sign-off', () => {
      it('lets exactly one of 50 concurrent sign-offs of the same risk revision win, with one audit entry', async () => {
        const created = await api()
          .post('/api/aims/risks')
          .set(as('carol'))
          .send({
            aiSystemRef: 'aisystem:default/race-model',
            title: 'Racing sign-offs',
            description: 'Signed off by many at once',
            inherent: { likelihood: 5, impact: 5 },
            residual: { likelihood: 3, impact: 4 },
            treatment: 'mitigate',
            actions: [
              {
                description: 'Decide who signs',
                owner: 'user:default/alice',
                dueDate: isoDay(30),
                status: 'open',
              },
            ],
            controls: ['A.5.4'],
            riskOwner: 'group:default/risk-ml',
          });
        expect([created.status, created.body.error]).toEqual([201, undefined]);
        const { id, revision } = created.body;
        const results = await Promise.all(
          Array.from({ length: 50 }, (_, i) =>
            api()
              .post(`/api/aims/risks/${id}/sign-off`)
              .set(as(i % 2 ? 'erin' : 'alice'))
              .send({ revision }),
          ),
        );
        const statuses = results.map(r => r.status);
        expect(statuses.filter(s => s === 200)).toHaveLength(1);
        expect(statuses.filter(s => s === 409)).toHaveLength(49);
        const winner = results.find(r => r.status === 200)!.body;
        const stored = await api().get(`/api/aims/risks/${id}`).set(as('bob'));
        expect(stored.body).toMatchObject({
          revision: revision + 1,
          needsSignOff: false,
          signOff: { by: winner.signOff.by, residualScore: 12 },
        });
        const entries = (
          await knex('aims_audit_log')
            .where({ action: 'risk.signed-off' })
            .select('actor', 'details')
        ).filter(e => JSON.parse(e.details).riskId === id);
        expect(entries.map(e => e.actor)).toEqual([winner.signOff.by]);
      });
    });

    describe('audit log', () => {
      it('records edits with field diffs and transitions, newest first, and offers no write route', async () => {
        const res = await api()
          .get(
            '/api/aims/audit?entityRef=aisystem:default/fraud-scorer&limit=100',
          )
          .set(as('bob'));
        const actions = res.body.items.map((e: any) => e.action);
        expect(actions).toEqual(
          expect.arrayContaining([
            'impact-assessment.created',
            'impact-assessment.draft-saved',
            'impact-assessment.submitted',
            'impact-assessment.returned',
            'impact-assessment.approved',
            'risk.created',
            'risk.signed-off',
          ]),
        );
        const ids = res.body.items.map((e: any) => Number(e.id));
        expect([...ids].sort((a, b) => b - a)).toEqual(ids);
        const saved = res.body.items.find(
          (e: any) => e.action === 'impact-assessment.draft-saved',
        );
        expect(saved.details.changes).toEqual(
          expect.arrayContaining([
            {
              field: 'foreseeableMisuse',
              before: null,
              after: 'Profiling customers',
            },
          ]),
        );
        const approved = res.body.items.find(
          (e: any) => e.action === 'impact-assessment.approved',
        );
        expect(approved).toMatchObject({
          actor: 'user:default/carol',
          details: { from: 'in-review', to: 'approved' },
        });
        const page = await api()
          .get(
            `/api/aims/audit?entityRef=aisystem:default/fraud-scorer&before=${ids[0]}&limit=1`,
          )
          .set(as('bob'));
        expect(page.body.items.map((e: any) => Number(e.id))).toEqual([ids[1]]);
        for (const method of ['post', 'put', 'delete'] as const) {
          const w = await (api() as any)
            [method]('/api/aims/audit')
            .set(as('carol'))
            .send({});
          expect([method, w.status >= 400]).toEqual([method, true]);
        }
        expect(
          (await api().get('/api/aims/audit?limit=0').set(as('bob'))).status,
        ).toBe(400);
      });
    });
  },
);
