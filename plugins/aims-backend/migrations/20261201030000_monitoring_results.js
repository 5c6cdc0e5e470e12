/*
 * AIMS backend: monitoring results (issue 10). Each result a pipeline, evaluation job or
 * monitoring source reports is stored once (result_key: system, environment, metric, slice,
 * window and observedAt to the second), judged by the server against the threshold in force
 * when it arrived, and kept with that threshold so history stays explainable after the
 * declaration changes. Raw results older than the retention are rolled up into one row per
 * series and day (aims_monitoring_daily); breached results stay raw.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('aims_monitoring_results', table => {
    table.comment('Monitoring results as reported, each judged when stored');
    table.bigIncrements('id').primary();
    table
      .string('result_key', 700)
      .notNullable()
      .unique({ indexName: 'aims_monitoring_results_key_uq' })
      .comment('monitoringResultKey: a resent result is stored once');
    table.string('ai_system_ref', 255).notNullable();
    table.string('environment', 63).notNullable();
    table.string('metric', 100).notNullable();
    table.string('slice', 100).notNullable().defaultTo('all');
    table
      .string('window', 40)
      .notNullable()
      .defaultTo('')
      .comment('ISO 8601 duration the value summarises; empty when not sent');
    table
      .timestamp('observed_at', { useTz: true })
      .notNullable()
      .comment('To the second');
    table.double('value').notNullable();
    table
      .text('sent_threshold')
      .nullable()
      .comment('JSON { min?, max? } the client sent, recorded beside');
    table
      .text('threshold')
      .nullable()
      .comment('JSON { min?, max? } the value was judged against');
    table
      .string('verdict', 20)
      .notNullable()
      .comment('inside, below-min, above-max or no-threshold');
    table.timestamp('received_at', { useTz: true }).notNullable();
    table.string('received_by', 255).notNullable();
    table.index(
      ['ai_system_ref', 'metric', 'slice', 'environment', 'observed_at'],
      'aims_monitoring_results_series_idx',
    );
    table.index(['observed_at'], 'aims_monitoring_results_observed_idx');
  });
  await knex.schema.createTable('aims_monitoring_daily', table => {
    table.comment(
      'One day of one series rolled up from raw results older than the retention',
    );
    table.bigIncrements('id').primary();
    table.string('ai_system_ref', 255).notNullable();
    table.string('environment', 63).notNullable();
    table.string('metric', 100).notNullable();
    table.string('slice', 100).notNullable();
    table.string('day', 10).notNullable().comment('YYYY-MM-DD (UTC)');
    table.double('min').notNullable();
    table.double('max').notNullable();
    table.double('mean').notNullable();
    table.integer('count').notNullable();
    table.double('last').notNullable();
    table.timestamp('last_observed_at', { useTz: true }).notNullable();
    table.unique(['ai_system_ref', 'metric', 'slice', 'environment', 'day'], {
      indexName: 'aims_monitoring_daily_series_day_uq',
    });
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('aims_monitoring_daily');
  await knex.schema.dropTable('aims_monitoring_results');
};
