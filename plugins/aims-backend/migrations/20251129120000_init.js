/*
 * AIMS backend: the first tables. Impact assessments (versioned per AI system) and findings
 * (one problem on one entity, keyed by a stable finding_key).
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('aims_impact_assessments', table => {
    table.comment(
      'Impact assessments of AI systems (ISO/IEC 42001 6.1.4, 8.4); one row per version',
    );
    table.bigIncrements('id').primary();
    table
      .string('ai_system_ref', 255)
      .notNullable()
      .comment('Full lower-case entity ref of the AISystem');
    table.integer('version').notNullable();
    table
      .string('status', 32)
      .notNullable()
      .comment(
        'draft | in-review | approved (missing and review-overdue are derived)',
      );
    table
      .text('content')
      .nullable()
      .comment('JSON document with the assessment content');
    table.string('author', 255).nullable();
    table
      .timestamp('created_at', { useTz: true })
      .notNullable()
      .defaultTo(knex.fn.now());
    table
      .timestamp('updated_at', { useTz: true })
      .notNullable()
      .defaultTo(knex.fn.now());
    table.string('approved_by', 255).nullable();
    table.timestamp('approved_at', { useTz: true }).nullable();
    table.timestamp('review_due', { useTz: true }).nullable();
    table.unique(['ai_system_ref', 'version'], {
      indexName: 'aims_impact_assessments_ref_version_uniq',
    });
  });

  await knex.schema.createTable('aims_findings', table => {
    table.comment('Findings: one problem on one entity, with a stable key');
    table.bigIncrements('id').primary();
    table.string('finding_key', 512).notNullable().unique({
      indexName: 'aims_findings_finding_key_uniq',
    });
    table.string('type', 64).notNullable();
    table
      .string('entity_ref', 255)
      .notNullable()
      .comment('Full lower-case ref of the entity the finding is on');
    table
      .string('ai_system_ref', 255)
      .nullable()
      .comment('The AI system it concerns, if any');
    table.string('environment', 255).nullable();
    table.string('severity', 16).notNullable();
    table.string('status', 32).notNullable();
    table
      .timestamp('first_seen_at', { useTz: true })
      .notNullable()
      .defaultTo(knex.fn.now());
    table
      .timestamp('last_seen_at', { useTz: true })
      .notNullable()
      .defaultTo(knex.fn.now());
    table.text('evidence').nullable().comment('JSON evidence');
    table.index(['entity_ref'], 'aims_findings_entity_ref_idx');
    table.index(['ai_system_ref'], 'aims_findings_ai_system_ref_idx');
    table.index(['status'], 'aims_findings_status_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('aims_findings');
  await knex.schema.dropTable('aims_impact_assessments');
};
