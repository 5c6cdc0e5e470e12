import {
  DEFAULT_NAMESPACE,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { AISystemEntityV1alpha1 } from './AISystemEntityV1alpha1';

/** An AISystem's references resolved to full `kind:namespace/name` refs (lower-case kind). */
export interface ResolvedAISystemRefs {
  self: string;
  owner: string;
  system?: string;
  dependencyOf: string[];
  dependsOn: string[];
  /** Declared deployments with the component(s) each applies to. */
  deployments: Array<{
    environment: string;
    components: string[];
    model?: string;
    version?: string;
  }>;
}

function full(
  ref: string,
  defaultKind: string,
  defaultNamespace: string,
): string {
  return stringifyEntityRef(
    parseEntityRef(ref, { defaultKind, defaultNamespace }),
  );
}

/**
 * Resolves every ref of a *valid* AISystem with the contract's default kinds (owner: Group,
 * system: System, dependencyOf: Component, dependsOn: Resource). One place for these rules so
 * the catalog relations, the inventory and drift reconcile agree.
 */
export function resolveAISystemRefs(
  entity: AISystemEntityV1alpha1,
): ResolvedAISystemRefs {
  const ns = entity.metadata.namespace ?? DEFAULT_NAMESPACE;
  const { spec } = entity;
  const dependencyOf = (spec.dependencyOf ?? []).map(r =>
    full(r, 'component', ns),
  );
  const singleModel = spec.models?.length === 1 ? spec.models[0] : undefined;
  return {
    self: stringifyEntityRef({
      kind: 'aisystem',
      namespace: ns,
      name: entity.metadata.name,
    }),
    owner: full(spec.owner, 'group', ns),
    system: spec.system ? full(spec.system, 'system', ns) : undefined,
    dependencyOf,
    dependsOn: (spec.dependsOn ?? []).map(r => full(r, 'resource', ns)),
    deployments: (spec.deployments ?? []).map(d => ({
      environment: d.environment,
      components: d.component
        ? [full(d.component, 'component', ns)]
        : dependencyOf,
      model: d.model ?? singleModel?.name,
      version:
        d.version ??
        (d.model === undefined
          ? singleModel?.version
          : spec.models?.find(m => m.name === d.model)?.version),
    })),
  };
}
