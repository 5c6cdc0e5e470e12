/*
 * The per-system summary rows (20261201070000_impact_assessment_summaries.js): systems stored
 * before get their newest and newest approved versions, so every summary reads as it did from
 * all the versions; after it, every version write keeps the row in step, concurrent writers
 * included.
 */
import { TestDatabases } from '@backstage/backend-test-utils';
import {
  ImpactAssessmentVersionFacts,
  summarizeImpactAssessment,
} from '@aims-backstage/backstage-plugin-aims-common';
import { MIGRATIONS_DIRECTORY, migrateUpTo } from '../__testUtils__/migrations';
import { toIsoTimestamp } from '../lib/db';
import { ImpactAssessmentStore } from './ImpactAssessmentStore';

jest.setTimeout(60_000);

const MIGRATION = '20261201070000_impact_assessment_summaries.js';
const databases = TestDatabases.create({
  ids: ['POSTGRES_15', 'SQLITE_3'],
  disableDocker: true,
});
const DAY = 24 * 3600 * 1000;
const now = new Date('2026-12-01T12:00:00Z');
const at = (days: number) => new Date(now.getTime() + days * DAY);

/** Versions of four systems, written the old way (no summary rows). */
const OLD: Array<[string, number, string, number | null]> = [
  // ref, version, status, review due in days (approved only)
  ['aisystem:default/drafting-revision', 1, 'approved', 100],
  ['aisystem:default/drafting-revision', 2, 'approved', -3],
  ['aisystem:default/drafting-revision', 3, 'draft', null],
  ['aisystem:default/in-review', 1, 'in-review', null],
  ['aisystem:default/approved-newest', 1, 'draft', null],
  ['aisystem:default/approved-newest', 2, 'approved', 30],
  ['aisystem:lab/overdue', 1, 'approved', -1],
];

/** The summary from every stored version, as the store computed it before the migration. */
async function fromAllVersions(knex: any, ref: string) {
  const rows = await knex('aims_impact_assessments').where(
    'ai_system_ref',
    ref,
  );
  const facts: ImpactAssessmentVersionFacts[] = rows.map((r: any) => ({
    version: Number(r.version),
    status: r.status,
    approvedAt: toIsoTimestamp(r.approved_at),
    reviewDue: toIsoTimestamp(r.review_due),
  }));
  return summarizeImpactAssessment(facts, now);
}

describe.each(databases.eachSupportedId())(
  'impact-assessment summary rows on %s',
  databaseId => {
    it('backfills every system, then stays in step with writes', async () => {
      const knex = await databases.init(databaseId);
      await migrateUpTo(knex, MIGRATION);
      await knex('aims_impact_assessments').insert(
        OLD.map(([ref, version, status, due]) => ({
          ai_system_ref: ref,
          version,
          status,
          content: '{}',
          approved_at: status === 'approved' ? at(-200 + version) : null,
          review_due: due === null ? null : at(due),
        })),
      );
      await knex.migrate.latest({ directory: MIGRATIONS_DIRECTORY });

      const store = new ImpactAssessmentStore(knex, () => now);
      const refs = [...new Set(OLD.map(([ref]) => ref))];
      const summaries = await store.getSummaries([
        ...refs,
        'aisystem:default/never-assessed',
      ]);
      for (const ref of refs)
        expect([ref, summaries.get(ref)]).toEqual([
          ref,
          await fromAllVersions(knex, ref),
        ]);
      expect([...summaries.values()].map(s => s.status).sort()).toEqual([
        'approved',
        'in-review',
        'missing',
        'review-overdue',
        'review-overdue',
      ]);
      expect(await store.allSummaries()).toEqual(
        new Map(refs.map(ref => [ref, summaries.get(ref)])),
      );

      // a new version and an approval through the store move the row along
      const ref = 'aisystem:default/approved-newest';
      await knex.transaction(trx =>
        store.insert(
          { aiSystemRef: ref, version: 3, status: 'draft', content: {} },
          trx,
        ),
      );
      expect((await store.getSummaries([ref])).get(ref)).toEqual(
        await fromAllVersions(knex, ref),
      );
      expect(
        await knex.transaction(trx =>
          store.update(
            ref,
            3,
            1,
            { status: 'approved', approvedAt: now, reviewDue: at(365) },
            trx,
          ),
        ),
      ).toBe(true);
      expect((await store.getSummaries([ref])).get(ref)).toEqual({
        status: 'approved',
        approvedAt: now.toISOString(),
        reviewDue: at(365).toISOString(),
      });
      // a stale update writes nothing, the row included
      expect(await store.update(ref, 3, 1, { status: 'draft' }, knex)).toBe(
        false,
      );
      expect((await store.getSummaries([ref])).get(ref)?.status).toBe(
        'approved',
      );

      // concurrent writers of one system: the row ends as the versions say
      const busy = 'aisystem:default/busy';
      await Promise.all(
        [1, 2, 3, 4, 5, 6].map(version =>
          knex.transaction(trx =>
            store.insert(
              {
                aiSystemRef: busy,
                version,
                status: version % 2 ? 'approved' : 'draft',
                content: {},
                approvedAt: version % 2 ? at(-version) : undefined,
                reviewDue: version % 2 ? at(version * 10) : undefined,
              },
              trx,
            ),
          ),
        ),
      );
      expect((await store.getSummaries([busy])).get(busy)).toEqual(
        await fromAllVersions(knex, busy),
      );
      expect((await store.getSummaries([busy])).get(busy)?.reviewDue).toBe(
        at(50).toISOString(),
      );
    });
  },
);
