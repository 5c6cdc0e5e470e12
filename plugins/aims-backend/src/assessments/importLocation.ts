import { Entity, getEntitySourceLocation } from '@backstage/catalog-model';
import path from 'node:path';

/** The annotation that points an AISystem at its impact-assessment file (docs-as-code). */
export const IMPACT_ASSESSMENT_ANNOTATION = 'aims.dev/impact-assessment';

/**
 * Where to read the file, and `location`: where it came from as the catalog names it, which is
 * what gets stored (version source, audit log) and shown. For `url:` locations that is the
 * file's URL in its repository (`url:https://github.com/org/repo/blob/main/ai/ia.yaml`). For
 * `file:` locations it is the file's path relative to the directory of the entity's catalog
 * file (`file:ia.yaml`, `file:docs/ia.yaml`): the absolute path on the backend's disk is a
 * server internal and is never stored.
 */
export type ImportTarget =
  | { type: 'file'; path: string; location: string }
  | { type: 'url'; url: string; location: string };

/**
 * Where the annotation's file is: resolved against the entity's source location
 * (`backstage.io/source-location`, else `backstage.io/managed-by-location`). The path must be
 * relative, stay inside the directory of the catalog file, and name a YAML or JSON file — the
 * annotation must not become a way to read arbitrary files from the backend's disk.
 * Throws an Error whose message says what is wrong.
 */
export function resolveImportTarget(entity: Entity): ImportTarget {
  const relative = entity.metadata.annotations?.[IMPACT_ASSESSMENT_ANNOTATION];
  if (!relative || !relative.trim()) {
    throw new Error(
      `the entity has no ${IMPACT_ASSESSMENT_ANNOTATION} annotation`,
    );
  }
  const rel = relative.trim();
  if (!/\.(ya?ml|json)$/i.test(rel)) {
    throw new Error(
      `${IMPACT_ASSESSMENT_ANNOTATION} must name a .yaml, .yml or .json file`,
    );
  }
  if (
    path.isAbsolute(rel) ||
    /^[a-z][a-z0-9+.-]*:/i.test(rel) ||
    rel.split(/[\\/]/).includes('..')
  ) {
    throw new Error(
      `${IMPACT_ASSESSMENT_ANNOTATION} must be a relative path next to the catalog file, without ..`,
    );
  }
  const { type, target } = getEntitySourceLocation(entity);
  if (type === 'file') {
    const dir =
      target.endsWith('/') || target.endsWith(path.sep)
        ? target
        : path.dirname(target);
    const resolved = path.resolve(dir, rel);
    const relativeToCatalogFile = path
      .relative(path.resolve(dir), resolved)
      .split(path.sep)
      .join('/');
    return {
      type: 'file',
      path: resolved,
      location: `file:${relativeToCatalogFile}`,
    };
  }
  if (type === 'url') {
    const url = new URL(rel, target).toString();
    return { type: 'url', url, location: `url:${url}` };
  }
  throw new Error(`cannot read files from a location of type ${type}`);
}
