/*
 * AIMS backend: impact-assessment workflow columns (optimistic locking, submission, return
 * reason, docs-as-code source), the AI risk register, finding reconcile bookkeeping and the
 * append-only audit log.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('aims_impact_assessments', table => {
    table
      .integer('revision')
      .notNullable()
      .defaultTo(1)
      .comment('Optimistic-locking token, incremented on every write');
    table.string('submitted_by', 255).nullable();
    table.timestamp('submitted_at', { useTz: true }).nullable();
    table.text('returned_reason').nullable();
    table
      .text('source_location')
      .nullable()
      .comment('Docs-as-code: where the content was imported from');
    table.timestamp('source_imported_at', { useTz: true }).nullable();
    table
      .string('source_hash', 64)
      .nullable()
      .comment('sha256 of the imported file');
  });

  await knex.schema.createTable('aims_risks', table => {
    table.comment(
      'The AI risk register (ISO/IEC 42001 6.1.2, 6.1.3, 8.2, 8.3)',
    );
    table.string('id', 64).primary();
    table.string('ai_system_ref', 255).notNullable();
    table.string('title', 255).notNullable();
    table.text('description').notNullable();
    table
      .text('source')
      .nullable()
      .comment('JSON: impact assessment row it came from');
    table.integer('inherent_likelihood').notNullable();
    table.integer('inherent_impact').notNullable();
    table.integer('inherent_score').notNullable();
    table.integer('residual_likelihood').notNullable();
    table.integer('residual_impact').notNullable();
    table.integer('residual_score').notNullable();
    table.string('treatment', 32).notNullable();
    table
      .text('actions')
      .notNullable()
      .comment('JSON list of treatment actions');
    table
      .text('controls')
      .notNullable()
      .comment('JSON list of Annex A control ids');
    table.string('risk_owner', 255).notNullable();
    table.string('status', 16).notNullable().defaultTo('open');
    table
      .string('next_action_due', 10)
      .nullable()
      .comment(
        'Due date (YYYY-MM-DD) of the earliest open action, for sorting',
      );
    table.string('signed_off_by', 255).nullable();
    table.timestamp('signed_off_at', { useTz: true }).nullable();
    table.integer('signed_off_score').nullable();
    table.integer('revision').notNullable().defaultTo(1);
    table.string('created_by', 255).notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.index(['ai_system_ref'], 'aims_risks_ai_system_ref_idx');
    table.index(['risk_owner'], 'aims_risks_risk_owner_idx');
    table.index(['residual_score'], 'aims_risks_residual_score_idx');
  });

  await knex.schema.alterTable('aims_findings', table => {
    table
      .integer('occurrences')
      .notNullable()
      .defaultTo(1)
      .comment('How often the finding opened (reopened after resolution)');
    table.timestamp('resolved_at', { useTz: true }).nullable();
    table.index(['type'], 'aims_findings_type_idx');
  });

  await knex.schema.createTable('aims_audit_log', table => {
    table.comment('Append-only audit trail: no API edits or deletes it');
    table.bigIncrements('id').primary();
    table.timestamp('at', { useTz: true }).notNullable();
    table.string('actor', 255).notNullable();
    table.string('action', 64).notNullable();
    table.string('entity_ref', 255).notNullable();
    table.text('details').notNullable().comment('JSON');
    table.index(['entity_ref', 'id'], 'aims_audit_log_entity_ref_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('aims_audit_log');
  await knex.schema.alterTable('aims_findings', table => {
    table.dropIndex(['type'], 'aims_findings_type_idx');
    table.dropColumn('occurrences');
    table.dropColumn('resolved_at');
  });
  await knex.schema.dropTable('aims_risks');
  await knex.schema.alterTable('aims_impact_assessments', table => {
    for (const c of [
      'revision',
      'submitted_by',
      'submitted_at',
      'returned_reason',
      'source_location',
      'source_imported_at',
      'source_hash',
    ]) {
      table.dropColumn(c);
    }
  });
};
