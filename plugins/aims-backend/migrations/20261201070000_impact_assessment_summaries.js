/*
 * AIMS backend: one row per AI system with the two impact-assessment versions its summary
 * depends on — the newest, and the newest approved (summarizedVersions in aims-common) —
 * written in the transaction of every version write. The inventory's status filter and counts
 * read every system's summary; from these rows that is one small row per system, however many
 * versions years of reviews have stored. `review-overdue` still derives from the review date
 * when read.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('aims_impact_assessment_summaries', table => {
    table.comment(
      'Per AI system: the newest impact-assessment version and the newest approved one',
    );
    table
      .string('ai_system_ref', 255)
      .primary()
      .comment('Full lower-case entity ref of the AISystem');
    table.integer('newest_version').notNullable();
    table.string('newest_status', 32).notNullable();
    table.timestamp('newest_approved_at', { useTz: true }).nullable();
    table.timestamp('newest_review_due', { useTz: true }).nullable();
    table
      .integer('approved_version')
      .nullable()
      .comment('The newest approved version when it is not the newest');
    table.timestamp('approved_at', { useTz: true }).nullable();
    table.timestamp('approved_review_due', { useTz: true }).nullable();
  });
  // the systems stored before: their newest version and, when older, their newest approval
  await knex.raw(`
    insert into aims_impact_assessment_summaries (
      ai_system_ref, newest_version, newest_status, newest_approved_at, newest_review_due,
      approved_version, approved_at, approved_review_due
    )
    select n.ai_system_ref, n.version, n.status, n.approved_at, n.review_due,
      a.version, a.approved_at, a.review_due
    from aims_impact_assessments n
    left join aims_impact_assessments a
      on a.ai_system_ref = n.ai_system_ref
      and a.version < n.version
      and a.version = (
        select max(x.version) from aims_impact_assessments x
        where x.ai_system_ref = n.ai_system_ref and x.status = 'approved'
      )
    where n.version = (
      select max(y.version) from aims_impact_assessments y
      where y.ai_system_ref = n.ai_system_ref
    )
  `);
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('aims_impact_assessment_summaries');
};
