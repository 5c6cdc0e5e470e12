import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AISystemEntityV1alpha1,
  isAISystemEntity,
} from '@aims-backstage/backstage-plugin-aims-common';
import { toFullRef } from './ownership';

/** Looks up AI systems in the catalog (with the caller's credentials). */
export class AISystems {
  constructor(private readonly catalog: CatalogService) {}

  /** Parses a ref given by a client (default kind aisystem); 400 naming the field. */
  static parseRef(ref: unknown, field: string): string {
    if (typeof ref !== 'string' || !ref.trim()) {
      throw new InputError(`${field} is required`);
    }
    try {
      return toFullRef(ref, 'aisystem');
    } catch {
      throw new InputError(`${field} must be an entity ref, got "${ref}"`);
    }
  }

  /** The AISystem, or 404 when the ref is not an AISystem in the catalog. */
  async get(
    ref: string,
    credentials: BackstageCredentials,
  ): Promise<AISystemEntityV1alpha1> {
    const entity = await this.catalog.getEntityByRef(ref, { credentials });
    if (!entity || !isAISystemEntity(entity)) {
      throw new NotFoundError(`No AISystem ${ref} in the catalog`);
    }
    return entity;
  }

  /** Every AISystem (minimal fields plus annotations), page by page. */
  async *all(
    credentials: BackstageCredentials,
  ): AsyncGenerator<AISystemEntityV1alpha1[]> {
    for await (const page of this.catalog.streamEntities(
      {
        filter: { kind: 'aisystem' },
        fields: [
          'apiVersion',
          'kind',
          'metadata.namespace',
          'metadata.name',
          'metadata.annotations',
          'spec',
        ],
        pageSize: 500,
      },
      { credentials },
    )) {
      yield page.filter(isAISystemEntity);
    }
  }
}
