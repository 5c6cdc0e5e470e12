import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';

/** A full, lower-case entity ref; `defaultKind` applies when the ref has no kind. */
export function toFullRef(ref: string, defaultKind: string): string {
  return stringifyEntityRef(
    parseEntityRef(ref.trim(), { defaultKind, defaultNamespace: 'default' }),
  ).toLocaleLowerCase('en-US');
}

/**
 * Whether a caller owns something owned by `ownerRef`: the caller is that user, or a member
 * of that group — both are in the caller's ownership entity refs (user ref plus groups).
 */
export function isOwnedBy(
  ownerRef: string,
  ownershipEntityRefs: readonly string[],
): boolean {
  const owner = ownerRef.toLocaleLowerCase('en-US');
  return ownershipEntityRefs.some(r => r.toLocaleLowerCase('en-US') === owner);
}
