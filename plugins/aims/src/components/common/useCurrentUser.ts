import { identityApiRef, useApi } from '@backstage/frontend-plugin-api';
import useAsync from 'react-use/esm/useAsync';

/** The signed-in user's identity (undefined while loading or without identity). */
function useIdentity() {
  const identityApi = useApi(identityApiRef);
  const { value } = useAsync(
    () => identityApi.getBackstageIdentity(),
    [identityApi],
  );
  return value;
}

/** The signed-in user's entity ref (undefined while loading or without identity). */
export function useCurrentUser(): string | undefined {
  return useIdentity()?.userEntityRef;
}

/**
 * The signed-in user's ownership entity refs: their own ref and the groups they belong to
 * (empty while loading). What the shared rules about owners (e.g. `maySignOffRisk`) take.
 */
export function useOwnershipRefs(): string[] {
  return useIdentity()?.ownershipEntityRefs ?? [];
}

export function sameRef(
  a: string | null | undefined,
  b: string | null | undefined,
): boolean {
  return (
    !!a && !!b && a.toLocaleLowerCase('en-US') === b.toLocaleLowerCase('en-US')
  );
}
