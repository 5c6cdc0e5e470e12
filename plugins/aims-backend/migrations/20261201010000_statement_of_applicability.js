/*
 * AIMS backend: the Statement of Applicability (ISO/IEC 42001 clause 6.1.3 d). The
 * organisation's SoA, versioned like an impact assessment (draft → in-review → approved, each
 * version with the control catalogue it was made against); per-AI-system control mappings;
 * and evidence items (organisation-wide or of one AI system). Whether evidence is current is
 * computed on read, never stored; only `expired` is written, by the scheduled expiry task.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('aims_soa_versions', table => {
    // no apostrophes in comments: knex does not escape them for PostgreSQL
    table.comment(
      'Versions of the Statement of Applicability of the organisation',
    );
    table.increments('id').primary();
    table.integer('version').notNullable().unique('aims_soa_versions_uniq');
    table
      .string('status', 20)
      .notNullable()
      .comment('draft | in-review | approved');
    table
      .text('content')
      .notNullable()
      .comment('JSON: the control rows and additional controls');
    table
      .text('catalogue')
      .notNullable()
      .comment('JSON: the control catalogue the version was made against');
    table.integer('revision').notNullable().defaultTo(1);
    table.string('author', 255).notNullable();
    table.text('contributors').notNullable().comment('JSON: entity refs');
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.string('submitted_by', 255).nullable();
    table.timestamp('submitted_at', { useTz: true }).nullable();
    table.string('approved_by', 255).nullable();
    table.timestamp('approved_at', { useTz: true }).nullable();
    table.text('returned_reason').nullable();
  });

  await knex.schema.createTable('aims_control_mappings', table => {
    table.comment('How an Annex A control applies to one AI system');
    table.increments('id').primary();
    table.string('ai_system_ref', 255).notNullable();
    table.string('control_id', 40).notNullable();
    table.boolean('applicable').notNullable();
    table.text('how').notNullable().defaultTo('');
    table.string('implementation_status', 20).notNullable();
    table.string('owner', 255).nullable();
    table.integer('revision').notNullable().defaultTo(1);
    table.string('updated_by', 255).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.unique(['ai_system_ref', 'control_id'], {
      indexName: 'aims_control_mappings_uniq',
    });
  });

  await knex.schema.createTable('aims_evidence', table => {
    table.comment(
      'Evidence of controls: organisation-wide (ai_system_ref NULL) or of one AI system',
    );
    table.uuid('id').primary();
    table.string('ai_system_ref', 255).nullable();
    table.string('control_id', 40).notNullable();
    table.string('title', 200).notNullable();
    table.text('href').nullable();
    table.text('reference').nullable();
    table.string('collected_by', 255).notNullable();
    table.timestamp('collected_at', { useTz: true }).notNullable();
    table.timestamp('expires_at', { useTz: true }).nullable();
    table
      .string('status', 20)
      .notNullable()
      .comment('draft | in-review | approved | rejected | expired');
    table
      .text('live')
      .nullable()
      .comment('JSON: the live source that keeps it current');
    table.integer('revision').notNullable().defaultTo(1);
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.index(['ai_system_ref', 'control_id'], 'aims_evidence_scope_idx');
    table.index(['expires_at'], 'aims_evidence_expires_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('aims_evidence');
  await knex.schema.dropTable('aims_control_mappings');
  await knex.schema.dropTable('aims_soa_versions');
};
