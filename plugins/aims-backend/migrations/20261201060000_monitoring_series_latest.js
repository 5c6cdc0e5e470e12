/*
 * AIMS backend: each monitoring series keeps its latest result (value, time, verdict and the
 * threshold it was judged against), written in the ingest's transaction. The inventory column,
 * the findings and the status card read a page of AI systems' latest results from these rows
 * (one indexed read) instead of searching the newest of up to a million raw results and their
 * daily aggregates; the roll-up deletes raw results but never touches these columns.
 */

// @ts-check

const SERIES = ['ai_system_ref', 'metric', 'slice', 'environment'];

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('aims_monitoring_series', table => {
    table
      .timestamp('latest_observed_at', { useTz: true })
      .nullable()
      .comment('When the newest result of the series was observed');
    table.double('latest_value').nullable();
    table
      .string('latest_verdict', 20)
      .nullable()
      .comment(
        'Verdict of the newest result (inside, below-min, above-max, no-threshold)',
      );
    table
      .text('latest_threshold')
      .nullable()
      .comment('JSON { min?, max? } the newest result was judged against');
    table.index(['ai_system_ref'], 'aims_monitoring_series_system_idx');
  });
  // the series stored before: their newest raw result (ties: the first stored)
  const same = SERIES.map(c => `r.${c} = s.${c}`).join(' and ');
  /** @param {string} column */
  const newest = column =>
    knex.raw(
      `(select r.${column} from aims_monitoring_results r where ${same} order by r.observed_at desc, r.id asc limit 1)`,
    );
  await knex('aims_monitoring_series as s').update({
    latest_observed_at: newest('observed_at'),
    latest_value: newest('value'),
    latest_verdict: newest('verdict'),
    latest_threshold: newest('threshold'),
  });
  // a series whose results were all rolled up: the last value of its newest day
  const sameDay = SERIES.map(c => `d.${c} = s.${c}`).join(' and ');
  /** @param {string} column */
  const newestDay = column =>
    knex.raw(
      `(select d.${column} from aims_monitoring_daily d where ${sameDay} order by d.day desc limit 1)`,
    );
  await knex('aims_monitoring_series as s')
    .whereNull('latest_observed_at')
    .update({
      latest_observed_at: newestDay('last_observed_at'),
      latest_value: newestDay('last'),
      latest_verdict: 'inside',
    });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('aims_monitoring_series', table => {
    table.dropIndex(['ai_system_ref'], 'aims_monitoring_series_system_idx');
    table.dropColumn('latest_observed_at');
    table.dropColumn('latest_value');
    table.dropColumn('latest_verdict');
    table.dropColumn('latest_threshold');
  });
};
