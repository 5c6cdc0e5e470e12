/*
 * AIMS backend: the contributors of an impact-assessment version. The four-eyes rule refuses
 * an approval from anyone who wrote (saved) or submitted the version, not only from the user
 * who started it, so every version records them. Versions stored before get their author and
 * submitter plus every user the audit log shows saving, importing or submitting that version.
 */

// @ts-check

const CONTRIBUTING_ACTIONS = [
  'impact-assessment.created',
  'impact-assessment.draft-saved',
  'impact-assessment.imported',
  'impact-assessment.submitted',
];

/** @param {unknown} value */
function parseDetails(value) {
  try {
    return typeof value === 'string' ? JSON.parse(value) : value ?? {};
  } catch {
    return {};
  }
}

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('aims_impact_assessments', table => {
    table
      .text('contributors')
      .nullable()
      .comment(
        'JSON list of the users who saved or submitted the version (four eyes: none may approve it)',
      );
  });

  /** @type {Map<string, string[]>} "ref|version" → actors in audit order */
  const fromAudit = new Map();
  const events = await knex('aims_audit_log')
    .whereIn('action', CONTRIBUTING_ACTIONS)
    .orderBy('id', 'asc')
    .select('actor', 'entity_ref', 'details');
  for (const e of events) {
    const version = Number(parseDetails(e.details)?.version);
    if (!Number.isInteger(version)) continue;
    const key = `${String(e.entity_ref).toLocaleLowerCase('en-US')}|${version}`;
    const list = fromAudit.get(key) ?? [];
    list.push(String(e.actor));
    fromAudit.set(key, list);
  }

  const rows = await knex('aims_impact_assessments').select(
    'id',
    'ai_system_ref',
    'version',
    'author',
    'submitted_by',
  );
  for (const row of rows) {
    const actors = [
      row.author,
      ...(fromAudit.get(
        `${String(row.ai_system_ref).toLocaleLowerCase('en-US')}|${Number(
          row.version,
        )}`,
      ) ?? []),
      row.submitted_by,
    ]
      .filter(a => typeof a === 'string' && a.trim() !== '')
      .map(a => a.trim().toLocaleLowerCase('en-US'));
    await knex('aims_impact_assessments')
      .where('id', row.id)
      .update({ contributors: JSON.stringify([...new Set(actors)]) });
  }
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('aims_impact_assessments', table => {
    table.dropColumn('contributors');
  });
};
