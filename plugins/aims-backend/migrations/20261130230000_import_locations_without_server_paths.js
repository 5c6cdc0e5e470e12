/*
 * AIMS backend: imported impact assessments recorded where they came from as an absolute path
 * on the backend's disk (`file:/srv/backstage/catalog/ai/impact-assessment.yaml`), in the
 * version's source_location and in the audit log (`details.source.location` of
 * impact-assessment.imported events). From now on a `file:` location is stored relative to the
 * directory of the entity's catalog file (`file:impact-assessment.yaml`); `url:` locations (the
 * repository URL and path) are unchanged.
 *
 * Rows stored the old way are rewritten to the file's name: the annotation names a file next
 * to the catalog file, and which part of the old absolute path was the server's directory can't
 * be told from the row alone. The next import of a changed file records the full relative path.
 */

// @ts-check

/** `file:` followed by an absolute POSIX or Windows path. */
const ABSOLUTE_FILE_LOCATION = /^file:(?:[A-Za-z]:)?[\\/]/;

/**
 * @param {unknown} location
 * @returns {unknown} the location without the server's directory, or `location` as it was
 */
function withoutServerPath(location) {
  if (typeof location !== 'string' || !ABSOLUTE_FILE_LOCATION.test(location))
    return location;
  const parts = location.slice('file:'.length).split(/[\\/]/).filter(Boolean);
  return `file:${parts[parts.length - 1] ?? ''}`;
}

/** Rows are read and written in pages, so a large audit log never sits in memory whole. */
const PAGE = 500;

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  const versions = await knex('aims_impact_assessments')
    .select('id', 'source_location')
    .where('source_location', 'like', 'file:%');
  for (const row of versions) {
    const location = withoutServerPath(row.source_location);
    if (location !== row.source_location) {
      await knex('aims_impact_assessments')
        .where('id', row.id)
        .update({ source_location: location });
    }
  }

  // only events whose details carry a source location can hold a server path
  let after = 0;
  for (;;) {
    const events = await knex('aims_audit_log')
      .select('id', 'details')
      .where('id', '>', after)
      .andWhere('details', 'like', '%"location":"file:%')
      .orderBy('id')
      .limit(PAGE);
    if (!events.length) break;
    for (const event of events) {
      after = Number(event.id);
      let details;
      try {
        details = JSON.parse(event.details);
      } catch {
        continue;
      }
      const source = details?.source;
      if (!source || typeof source !== 'object') continue;
      const location = withoutServerPath(source.location);
      if (location === source.location) continue;
      details.source = { ...source, location };
      await knex('aims_audit_log')
        .where('id', event.id)
        .update({ details: JSON.stringify(details) });
    }
  }
};

/**
 * The server paths are gone for good (that is the point); the relative locations read fine
 * with the previous code, so there is nothing to undo.
 *
 * @param {import('knex').Knex} _knex
 */
exports.down = async function down(_knex) {};
