/*
 * The migration that takes the backend's absolute directory out of stored import locations
 * (20261130230000_import_locations_without_server_paths.js): rows written the old way before
 * it runs, read after it.
 */
import { TestDatabases } from '@backstage/backend-test-utils';
import { MIGRATIONS_DIRECTORY, migrateUpTo } from '../__testUtils__/migrations';

jest.setTimeout(60_000);

const MIGRATION = '20261130230000_import_locations_without_server_paths.js';
const databases = TestDatabases.create({
  ids: ['POSTGRES_15', 'SQLITE_3'],
  disableDocker: true,
});

describe.each(databases.eachSupportedId())(
  'stored import locations on %s',
  databaseId => {
    it('rewrites absolute server paths in versions and audit events, and leaves the rest alone', async () => {
      const knex = await databases.init(databaseId);
      await migrateUpTo(knex, MIGRATION);

      const version = (ref: string, location: string | null) => ({
        ai_system_ref: ref,
        version: 1,
        status: 'draft',
        content: '{}',
        source_location: location,
      });
      await knex('aims_impact_assessments').insert([
        version(
          'aisystem:default/posix',
          'file:/srv/backstage/catalog/ai/impact-assessment.yaml',
        ),
        version('aisystem:default/windows', 'file:C:\\backstage\\ai\\ia.yml'),
        version(
          'aisystem:default/remote',
          'url:https://github.com/acme/ai/blob/main/ia.yaml',
        ),
        version('aisystem:default/relative', 'file:docs/ia.yaml'),
        version('aisystem:default/typed', null),
      ]);
      const event = (ref: string, details: unknown) => ({
        at: new Date('2026-11-01T10:00:00Z'),
        actor: 'user:default/alice',
        action: 'impact-assessment.imported',
        entity_ref: ref,
        details: JSON.stringify(details),
      });
      await knex('aims_audit_log').insert([
        event('aisystem:default/posix', {
          version: 1,
          source: {
            location: 'file:/srv/backstage/catalog/ai/impact-assessment.yaml',
            importedAt: '2026-11-01T10:00:00.000Z',
          },
        }),
        event('aisystem:default/remote', {
          version: 1,
          source: {
            location: 'url:https://github.com/acme/ai/blob/main/ia.yaml',
            importedAt: '2026-11-01T10:00:00.000Z',
          },
        }),
        event('aisystem:default/typed', { version: 1, changes: [] }),
      ]);

      await knex.migrate.latest({ directory: MIGRATIONS_DIRECTORY });

      const locations = await knex('aims_impact_assessments')
        .select('ai_system_ref', 'source_location')
        .orderBy('ai_system_ref');
      expect(
        Object.fromEntries(
          locations.map(r => [r.ai_system_ref, r.source_location]),
        ),
      ).toEqual({
        'aisystem:default/posix': 'file:impact-assessment.yaml',
        'aisystem:default/windows': 'file:ia.yml',
        'aisystem:default/remote':
          'url:https://github.com/acme/ai/blob/main/ia.yaml',
        'aisystem:default/relative': 'file:docs/ia.yaml',
        'aisystem:default/typed': null,
      });
      const details = (
        await knex('aims_audit_log').select('details').orderBy('id')
      ).map(r => JSON.parse(r.details));
      expect(details).toEqual([
        {
          version: 1,
          source: {
            location: 'file:impact-assessment.yaml',
            importedAt: '2026-11-01T10:00:00.000Z',
          },
        },
        {
          version: 1,
          source: {
            location: 'url:https://github.com/acme/ai/blob/main/ia.yaml',
            importedAt: '2026-11-01T10:00:00.000Z',
          },
        },
        { version: 1, changes: [] },
      ]);
      const stored = JSON.stringify(details) + JSON.stringify(locations);
      expect(stored).not.toContain('/srv/backstage');
      expect(stored).not.toContain('C:\\\\backstage');
    });
  },
);
