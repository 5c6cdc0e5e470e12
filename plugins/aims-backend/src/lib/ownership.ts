import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';

/** A full, lower-case entity ref; `defaultKind` applies when the ref has no kind. */
export function toFullRef(ref: string, defaultKind: string): string {
  return stringifyEntityRef(
    parseEntityRef(ref.trim(), { defaultKind, defaultNamespace: 'default' }),
  ).toLocaleLowerCase('en-US');
}
