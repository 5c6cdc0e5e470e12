/*
 * AIMS backend: deployment drift. Deployment reports (idempotent on their id), observations
 * of what runs where (one row per source, component, environment and AI target, upserted so
 * `since` survives re-runs), deployment-source health, finding action bookkeeping and the
 * append-only finding event history.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('aims_deployment_reports', table => {
    table.comment(
      'Deployment reports from CI/CD (POST /deployments), stored once per id',
    );
    table.string('id', 200).primary().comment('The idempotency key');
    table.text('report').notNullable().comment('The normalized report (JSON)');
    table.string('component', 255).notNullable();
    table.string('environment', 63).notNullable();
    table.timestamp('received_at', { useTz: true }).notNullable();
    table.string('received_by', 255).notNullable();
    table.index(['component', 'environment'], 'aims_deployment_reports_ce_idx');
  });

  await knex.schema.createTable('aims_observations', table => {
    table.comment(
      'The current view of each deployment source: an AI system or model seen in a component/environment',
    );
    table.bigIncrements('id').primary();
    table.string('source_id', 100).notNullable();
    table.string('component', 255).notNullable();
    table.string('environment', 63).notNullable();
    table
      .string('target_key', 512)
      .notNullable()
      .comment(
        'aisystem ref, model:<provider>/<name>@<version>, or "-" for coverage only',
      );
    table.string('ai_system_ref', 255).nullable();
    table.string('model', 255).nullable();
    table.string('provider', 255).nullable();
    table.string('version', 255).nullable();
    table.timestamp('observed_at', { useTz: true }).notNullable();
    table
      .timestamp('since', { useTz: true })
      .notNullable()
      .comment('When the source first saw this (kept across runs)');
    table
      .timestamp('seen_at', { useTz: true })
      .notNullable()
      .comment(
        'When this backend last stored it (run time): rows a run did not see are deleted',
      );
    table.text('evidence').nullable().comment('JSON');
    table.unique(['source_id', 'component', 'environment', 'target_key'], {
      indexName: 'aims_observations_key_uniq',
    });
    table.index(['component'], 'aims_observations_component_idx');
    table.index(['ai_system_ref'], 'aims_observations_ai_system_ref_idx');
  });

  await knex.schema.createTable('aims_sources', table => {
    table.comment('Deployment sources and the health of their runs');
    table.string('source_id', 100).primary();
    table.timestamp('last_success_at', { useTz: true }).nullable();
    table.timestamp('last_failure_at', { useTz: true }).nullable();
    table.text('last_error').nullable();
    table.bigInteger('freshness_window_ms').notNullable();
    table.integer('observation_count').notNullable().defaultTo(0);
  });

  await knex.schema.alterTable('aims_findings', table => {
    table
      .timestamp('status_until', { useTz: true })
      .nullable()
      .comment('Snoozed / risk accepted until then; reconcile reopens after');
    table.text('status_reason').nullable();
  });

  await knex.schema.createTable('aims_finding_events', table => {
    table.comment('Append-only history of each finding');
    table.bigIncrements('id').primary();
    table.bigInteger('finding_id').notNullable();
    table.timestamp('at', { useTz: true }).notNullable();
    table.string('actor', 255).notNullable();
    table
      .string('action', 64)
      .notNullable()
      .comment(
        'opened | reopened | resolved | severity-raised | acknowledge | resolve | snooze | accept-risk | expired',
      );
    table.string('from_status', 32).nullable();
    table.string('to_status', 32).nullable();
    table.text('reason').nullable();
    table.timestamp('until', { useTz: true }).nullable();
    table.text('details').nullable().comment('JSON');
    table.index(['finding_id', 'id'], 'aims_finding_events_finding_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('aims_finding_events');
  await knex.schema.alterTable('aims_findings', table => {
    table.dropColumn('status_until');
    table.dropColumn('status_reason');
  });
  await knex.schema.dropTable('aims_sources');
  await knex.schema.dropTable('aims_observations');
  await knex.schema.dropTable('aims_deployment_reports');
};
