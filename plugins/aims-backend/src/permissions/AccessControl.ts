import {
  AuthService,
  BackstageCredentials,
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
  ResourcePermission,
} from '@backstage/plugin-permission-common';

/** Who may write: permission-framework decisions, plus "users only" for writes. */
export class AccessControl {
  constructor(
    private readonly permissions: PermissionsService,
    private readonly userInfo: UserInfoService,
    private readonly auth: AuthService,
  ) {}

  /** The acting user's entity ref; service principals may not write (403). */
  requireUser(credentials: BackstageCredentials, what: string): string {
    if (this.auth.isPrincipal(credentials, 'user')) {
      return credentials.principal.userEntityRef.toLocaleLowerCase('en-US');
    }
    throw new NotAllowedError(
      `Only signed-in users may ${what}; service principals (including external-access tokens) may not`,
    );
  }

  /** A resource permission on a catalog entity: the catalog evaluates conditional decisions. */
  async authorizeOnEntity(
    permission: ResourcePermission<'catalog-entity'>,
    resourceRef: string,
    credentials: BackstageCredentials,
    deniedMessage: string,
  ): Promise<void> {
    const [decision] = await this.permissions.authorize(
      [{ permission, resourceRef }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(deniedMessage);
    }
  }

  /**
   * A resource permission asked without a resource (the organisation's Statement of
   * Applicability is no catalog entity): only an unconditional ALLOW counts. A conditional
   * decision (the example policy's "owners of the entity") names no entity here, so it is no.
   */
  async isAllowedWithoutResource(
    permission: ResourcePermission<'catalog-entity'>,
    credentials: BackstageCredentials,
  ): Promise<boolean> {
    const [decision] = await this.permissions.authorizeConditional(
      [{ permission }],
      { credentials },
    );
    return decision.result === AuthorizeResult.ALLOW;
  }

  async authorizeBasic(
    permission: BasicPermission,
    credentials: BackstageCredentials,
    deniedMessage: string,
  ): Promise<void> {
    const [decision] = await this.permissions.authorize([{ permission }], {
      credentials,
    });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(deniedMessage);
    }
  }

  /**
   * Ingestion routes (deployment reports, monitoring results): accepted from an external-access token (the
   * ingest credential CI pipelines use; its own access restrictions still apply) or from a
   * user granted `permission`. Other plugins' service tokens are refused: a backend module
   * that knows about deployments is a deployment source (the extension point), not an HTTP
   * client, and a plugin token would let any installed plugin write compliance evidence.
   */
  async authorizeIngest(
    permission: BasicPermission,
    credentials: BackstageCredentials,
    what: string,
    /** What a refused user may not do, in words (`report monitoring results`). */
    action = 'report deployments',
  ): Promise<void> {
    const how = `${what} are accepted from the ingest credential (an external-access token, backend.auth.externalAccess) or from users granted the ${permission.name} permission`;
    if (this.auth.isPrincipal(credentials, 'service')) {
      // plugin-to-plugin tokens carry `plugin:<pluginId>`; external-access tokens the
      // subject configured for them (static, legacy) or `external:…` (JWKS)
      if (credentials.principal.subject.startsWith('plugin:')) {
        throw new NotAllowedError(
          `${how}; other plugins' service tokens (${credentials.principal.subject}) may not send them`,
        );
      }
      await this.authorizeBasic(
        permission,
        credentials,
        `${how}; the access restrictions of this token do not include ${permission.name}`,
      );
      return;
    }
    if (!this.auth.isPrincipal(credentials, 'user')) {
      throw new NotAllowedError(how);
    }
    await this.authorizeBasic(
      permission,
      credentials,
      `You are not allowed to ${action}: ${how}`,
    );
  }

  /** The user ref and the groups the user is a member of (from the sign-in resolution). */
  async ownershipEntityRefs(
    credentials: BackstageCredentials,
  ): Promise<string[]> {
    if (!this.auth.isPrincipal(credentials, 'user')) return [];
    const info = await this.userInfo.getUserInfo(credentials);
    return info.ownershipEntityRefs;
  }
}
