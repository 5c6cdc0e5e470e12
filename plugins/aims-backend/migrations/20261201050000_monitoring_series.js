/*
 * AIMS backend: one row per monitoring series (AI system, metric, slice, environment), written
 * with the series' first result. The inventory page and the status card need the latest result
 * and the recent values of every series of a page of AI systems; with the series listed here
 * PostgreSQL reads them per series from the end of the series index (a few rows each) instead
 * of scanning and sorting every raw result of those systems (the bench: 1,000,000 results).
 * Series are never removed: a rolled-up series lives on in its daily aggregates.
 */

// @ts-check

const SERIES = ['ai_system_ref', 'metric', 'slice', 'environment'];

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('aims_monitoring_series', table => {
    table.comment(
      'Every monitoring series that has results (raw or rolled up into days)',
    );
    table.bigIncrements('id').primary();
    table.string('ai_system_ref', 255).notNullable();
    table.string('metric', 100).notNullable();
    table.string('slice', 100).notNullable();
    table.string('environment', 63).notNullable();
    table.unique(SERIES, { indexName: 'aims_monitoring_series_uq' });
  });
  // the series stored before this migration
  await knex
    .into(
      knex.raw('?? (??, ??, ??, ??)', ['aims_monitoring_series', ...SERIES]),
    )
    .insert(
      knex
        .select(...SERIES)
        .from('aims_monitoring_results')
        .union(qb => qb.select(...SERIES).from('aims_monitoring_daily')),
    );
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('aims_monitoring_series');
};
