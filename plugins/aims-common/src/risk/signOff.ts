import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';

/** `kind:namespace/name` in lower case; a ref without kind is a user's (as `riskOwner` defaults). */
function normalizedRef(ref: string): string | undefined {
  try {
    return stringifyEntityRef(
      parseEntityRef(ref.trim(), {
        defaultKind: 'user',
        defaultNamespace: 'default',
      }),
    ).toLocaleLowerCase('en-US');
  } catch {
    return undefined;
  }
}

/**
 * Who may sign off a risk's residual level (clause 6.1.3 e: the risk owner accepts the residual
 * risk): the recorded risk owner — that user, or any member of that group. Both are among the
 * caller's ownership entity refs (the user's own ref plus the groups they belong to), which the
 * backend gets from the caller's credentials and the frontend from
 * `identityApi.getBackstageIdentity()`.
 */
export function maySignOffRisk(
  risk: { riskOwner: string },
  ownershipEntityRefs: readonly string[],
): boolean {
  const owner = normalizedRef(risk.riskOwner);
  return (
    !!owner && ownershipEntityRefs.some(ref => normalizedRef(ref) === owner)
  );
}
