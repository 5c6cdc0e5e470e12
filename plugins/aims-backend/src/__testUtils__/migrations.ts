import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

/** The plugin's knex migrations. */
export const MIGRATIONS_DIRECTORY = resolvePackagePath(
  '@aims-backstage/backstage-plugin-aims-backend',
  'migrations',
);

/**
 * Runs the plugin's migrations before `name`, one at a time, so a migration test can write
 * rows the old way before the migration under test runs.
 */
export async function migrateUpTo(knex: Knex, name: string) {
  for (;;) {
    const [, pending] = await knex.migrate.list({
      directory: MIGRATIONS_DIRECTORY,
    });
    const next = pending[0]?.file;
    if (!next || next === name) return;
    await knex.migrate.up({ directory: MIGRATIONS_DIRECTORY });
  }
}
