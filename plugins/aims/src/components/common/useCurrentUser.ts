import { identityApiRef, useApi } from '@backstage/frontend-plugin-api';
import useAsync from 'react-use/esm/useAsync';

/** The signed-in user's entity ref (undefined while loading or without identity). */
export function useCurrentUser(): string | undefined {
  const identityApi = useApi(identityApiRef);
  const { value } = useAsync(async () => {
    const identity = await identityApi.getBackstageIdentity();
    return identity.userEntityRef;
  }, [identityApi]);
  return value;
}

export function sameRef(a: string | null | undefined, b: string | null | undefined): boolean {
  return !!a && !!b && a.toLocaleLowerCase('en-US') === b.toLocaleLowerCase('en-US');
}
