/*
 * AIMS backend: the drift reconcile queue. A deployment report is answered once it is
 * committed; the components it touched are queued here in the same transaction and
 * reconciled shortly after by whichever replica claims them (a lease), so nothing a 2xx
 * accepted waits on one process's memory. `requested_seq` grows with every new request for a
 * component: a claim completes only the requests it saw, never one that arrived meanwhile.
 * Deployment-source observation counts are counted on read from now on (a stored count was one
 * more write per report), so `aims_sources.observation_count` goes.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('aims_drift_queue', table => {
    table.comment(
      'Components waiting for a drift reconcile after a deployment report',
    );
    table.string('component', 255).primary();
    table
      .bigInteger('requested_seq')
      .notNullable()
      .defaultTo(1)
      .comment(
        'Incremented by every request; a claim deletes only what it saw',
      );
    table.timestamp('requested_at', { useTz: true }).notNullable();
    table.string('lease_owner', 64).nullable();
    table
      .timestamp('lease_until', { useTz: true })
      .nullable()
      .comment(
        'Claimed by lease_owner until then; an expired lease is claimable',
      );
    table.index(['lease_until'], 'aims_drift_queue_lease_idx');
  });
  await knex.schema.alterTable('aims_sources', table => {
    table.dropColumn('observation_count');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('aims_sources', table => {
    table.integer('observation_count').notNullable().defaultTo(0);
  });
  await knex.schema.dropTable('aims_drift_queue');
};
