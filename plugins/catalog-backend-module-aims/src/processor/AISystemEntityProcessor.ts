import {
  Entity,
  RELATION_DEPENDENCY_OF,
  RELATION_DEPENDS_ON,
  RELATION_HAS_PART,
  RELATION_OWNED_BY,
  RELATION_OWNER_OF,
  RELATION_PART_OF,
  parseEntityRef,
} from '@backstage/catalog-model';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  processingResult,
} from '@backstage/plugin-catalog-node';
import { LocationSpec } from '@backstage/plugin-catalog-common';
import {
  AISYSTEM_KIND,
  assertValidAISystemEntity,
  isAISystemEntity,
  resolveAISystemRefs,
} from '@aims-backstage/backstage-plugin-aims-common';

function isAISystemKind(entity: Entity): boolean {
  return (
    entity.kind.toLocaleLowerCase('en-US') ===
    AISYSTEM_KIND.toLocaleLowerCase('en-US')
  );
}

/**
 * Adds the AISystem kind to the catalog: validates AISystem entities against the shared
 * contract (so the catalog, the CLI and the backend agree on what is valid) and emits the
 * built-in relations in both directions, so catalog-graph and "depends on" cards work unchanged.
 */
export class AISystemEntityProcessor implements CatalogProcessor {
  getProcessorName(): string {
    return 'AISystemEntityProcessor';
  }

  async validateEntityKind(entity: Entity): Promise<boolean> {
    if (!isAISystemKind(entity)) return false;
    // Throws an error that names every bad field; the catalog records it as a processing
    // error on this entity only, and keeps ingesting the others.
    assertValidAISystemEntity(entity);
    return true;
  }

  async postProcessEntity(
    entity: Entity,
    _location: LocationSpec,
    emit: CatalogProcessorEmit,
  ): Promise<Entity> {
    if (!isAISystemEntity(entity)) return entity;
    const refs = resolveAISystemRefs(entity);
    const self = parseEntityRef(refs.self);
    const both = (target: string, forward: string, backward: string) => {
      const other = parseEntityRef(target);
      emit(
        processingResult.relation({
          source: self,
          type: forward,
          target: other,
        }),
      );
      emit(
        processingResult.relation({
          source: other,
          type: backward,
          target: self,
        }),
      );
    };

    both(refs.owner, RELATION_OWNED_BY, RELATION_OWNER_OF);
    if (refs.system) both(refs.system, RELATION_PART_OF, RELATION_HAS_PART);
    for (const service of refs.dependencyOf) {
      both(service, RELATION_DEPENDENCY_OF, RELATION_DEPENDS_ON);
    }
    for (const dependency of refs.dependsOn) {
      both(dependency, RELATION_DEPENDS_ON, RELATION_DEPENDENCY_OF);
    }
    return entity;
  }
}
