/*
 * The migration that records the contributors of impact-assessment versions
 * (20261130220000_assessment_contributors.js): versions stored before it stay readable and
 * get their author, everyone the audit log shows saving, importing or submitting them, and
 * their submitter, so the four-eyes rule holds for versions in review at upgrade time.
 */
import { TestDatabases } from '@backstage/backend-test-utils';
import { MIGRATIONS_DIRECTORY, migrateUpTo } from '../__testUtils__/migrations';
import { ImpactAssessmentStore } from './ImpactAssessmentStore';

jest.setTimeout(60_000);

const MIGRATION = '20261130220000_assessment_contributors.js';
const databases = TestDatabases.create({
  ids: ['POSTGRES_15', 'SQLITE_3'],
  disableDocker: true,
});

describe.each(databases.eachSupportedId())(
  'contributors of versions stored before the four-eyes rule on %s',
  databaseId => {
    it('fills them from author, audit log and submitter, and leaves the rows readable', async () => {
      const knex = await databases.init(databaseId);
      await migrateUpTo(knex, MIGRATION);

      const FRAUD = 'aisystem:default/fraud-scorer';
      const OLD = 'aisystem:default/old-bot';
      await knex('aims_impact_assessments').insert([
        {
          ai_system_ref: FRAUD,
          version: 1,
          status: 'in-review',
          content: '{}',
          author: 'user:default/alice',
          submitted_by: 'user:default/carol',
        },
        {
          ai_system_ref: FRAUD,
          version: 2,
          status: 'draft',
          content: '{}',
          author: 'user:default/erin',
        },
        // the oldest rows have no author at all
        { ai_system_ref: OLD, version: 1, status: 'approved', content: '{}' },
      ]);
      const event = (actor: string, action: string, details: unknown) => ({
        at: new Date('2026-11-01T10:00:00Z'),
        actor,
        action,
        entity_ref: FRAUD,
        details: JSON.stringify(details),
      });
      await knex('aims_audit_log').insert([
        event('user:default/alice', 'impact-assessment.created', {
          version: 1,
        }),
        // carol wrote all of v1 after alice opened a stub
        event('user:default/Carol', 'impact-assessment.draft-saved', {
          version: 1,
        }),
        event('user:default/dave', 'impact-assessment.draft-saved', {
          version: 1,
        }),
        event('user:default/carol', 'impact-assessment.submitted', {
          version: 1,
        }),
        // a return and an event without a version contribute nothing
        event('user:default/grace', 'impact-assessment.returned', {
          version: 1,
        }),
        event('user:default/mallory', 'impact-assessment.draft-saved', {}),
        event('user:default/frank', 'impact-assessment.draft-saved', {
          version: 2,
        }),
      ]);

      await knex.migrate.up({ directory: MIGRATIONS_DIRECTORY });

      const store = new ImpactAssessmentStore(knex);
      const fraud = await store.listVersions(FRAUD);
      expect(fraud.map(v => [v.version, v.contributors])).toEqual([
        [2, ['user:default/erin', 'user:default/frank']],
        [1, ['user:default/alice', 'user:default/carol', 'user:default/dave']],
      ]);
      const [old] = await store.listVersions(OLD);
      expect(old).toMatchObject({ author: '', contributors: [] });

      await knex.migrate.down({ directory: MIGRATIONS_DIRECTORY });
      expect(
        await knex.schema.hasColumn('aims_impact_assessments', 'contributors'),
      ).toBe(false);
      await knex.destroy();
    });
  },
);
