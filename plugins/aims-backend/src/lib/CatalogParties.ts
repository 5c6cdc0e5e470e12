import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { toFullRef } from './ownership';

/**
 * The people AIMS records name as accountable (a risk's owner): catalog Users and Groups.
 *
 * The catalog is asked with the CALLER's credentials: a User or Group the caller cannot see
 * gets the same 400 as one that does not exist, so a request cannot be used to probe whether
 * a hidden person or team exists. The price is that a caller can only name an owner they can
 * see, which is also what the UI's owner picker offers them.
 */
export class CatalogParties {
  constructor(private readonly catalog: CatalogService) {}

  /**
   * The full lower-case ref of the User or Group `value` names (a ref without kind is a
   * user's), or a 400 naming `field` when it is not an entity ref, not a User or Group, or
   * not in the catalog as the caller sees it.
   */
  async requireUserOrGroup(
    value: string,
    field: string,
    credentials: BackstageCredentials,
  ): Promise<string> {
    let ref: string;
    try {
      ref = toFullRef(value, 'user');
    } catch {
      throw new InputError(`${field} must be an entity ref, got "${value}"`);
    }
    const { kind } = parseEntityRef(ref);
    if (kind !== 'user' && kind !== 'group') {
      throw new InputError(
        `${field} must name a User or Group, got "${value}" (a ${kind})`,
      );
    }
    const entity = await this.catalog.getEntityByRef(ref, { credentials });
    if (!entity || entity.kind.toLocaleLowerCase('en-US') !== kind) {
      throw new InputError(
        `${field} must name a User or Group in the catalog; there is no ${ref}`,
      );
    }
    return ref;
  }
}
