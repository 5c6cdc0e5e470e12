import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

const migrationsDir = resolvePackagePath(
  '@aims-backstage/backstage-plugin-aims-backend',
  'migrations',
);

/**
 * Returns the plugin's knex client, with the schema brought up to date unless
 * `database.migrations.skip` is set.
 */
export async function migrate(database: DatabaseService): Promise<Knex> {
  const knex = await database.getClient();
  if (!database.migrations?.skip) {
    await knex.migrate.latest({ directory: migrationsDir });
  }
  return knex;
}
