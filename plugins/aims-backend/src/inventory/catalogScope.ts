import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { QueryEntitiesInitialRequest } from '@backstage/catalog-client';
import { DEFAULT_NAMESPACE } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  EuAiActTier,
  RETIRED_LIFECYCLE,
  getEuAiActTier,
  owesImpactAssessment,
} from '@aims-backstage/backstage-plugin-aims-common';
import { normalizeRef } from '../lib/db';

/** The catalog-side part of an inventory query: its key/value filter and its predicate. */
export type CatalogScopeFilter = Pick<
  QueryEntitiesInitialRequest,
  'filter' | 'query'
>;

type Predicate = NonNullable<QueryEntitiesInitialRequest['query']>;
type Facet = { value: string; count: number };

const NAMESPACE = 'metadata.namespace';
const NAME = 'metadata.name';
const LIFECYCLE = 'spec.lifecycle';
const TIER = 'spec.euAiAct.tier';

/** The AI systems of a scope as the catalog's facets give them. */
export interface SystemsInScope {
  /** Lower-case refs of the systems the caller may see, ordered by name. */
  refs: string[];
  /** Those whose lifecycle owes no impact assessment (retired). */
  retired: Set<string>;
  /** How many carry each tier, when asked for (`withTiers`). */
  tiers?: TierFacet;
}

/** How many systems of a scope carry each EU AI Act tier (no tier: `unclassified`). */
export type TierFacet = Array<{ tier: EuAiActTier; count: number }>;

/** A scope narrowed by one more condition (a predicate, so that it intersects, never replaces). */
function narrowed(
  scope: CatalogScopeFilter,
  predicate: Predicate,
): CatalogScopeFilter {
  return {
    ...scope,
    query: scope.query ? { $all: [scope.query, predicate] } : predicate,
  };
}

/**
 * Refs from the namespace and name facets of one scope. The facets count names, not pairs, so
 * they make refs only when the scope holds a single namespace; `undefined` otherwise.
 */
export function refsFromFacets(
  facets: Record<string, Facet[]>,
): string[] | undefined {
  const namespaces = facets[NAMESPACE] ?? [];
  if (namespaces.length > 1) return undefined;
  const namespace = namespaces[0]?.value ?? DEFAULT_NAMESPACE;
  return (facets[NAME] ?? []).map(({ value }) =>
    normalizeRef(`aisystem:${namespace}/${value}`),
  );
}

/**
 * The tier facet as the inventory counts tiers: each value through the kind's own rule
 * (`getEuAiActTier`), and the systems without the field as `unclassified`.
 */
export function tierFacetOf(facet: Facet[], total: number): TierFacet {
  const tiers: TierFacet = facet.map(({ value, count }) => ({
    tier: getEuAiActTier({ spec: { euAiAct: { tier: value } } } as Parameters<
      typeof getEuAiActTier
    >[0]),
    count,
  }));
  const withTier = facet.reduce((sum, { count }) => sum + count, 0);
  if (total > withTier)
    tiers.push({ tier: 'unclassified', count: total - withTier });
  return tiers;
}

/**
 * Which AI systems are in an inventory scope, read from the catalog's entity facets: the
 * catalog applies the filter and the caller's read permission and answers with `GROUP BY`
 * counts, reading no entity body. A scan of the same systems (`by-query` with fields) makes
 * the catalog parse every entity in scope, which is what made the status filter and the
 * counts grow with the organisation against a one-page baseline.
 */
export class CatalogScope {
  constructor(private readonly catalog: CatalogService) {}

  private facets(
    scope: CatalogScopeFilter,
    facets: string[],
    credentials: BackstageCredentials,
  ): Promise<Record<string, Facet[]>> {
    return this.catalog
      .getEntityFacets({ ...scope, facets }, { credentials })
      .then(r => r.facets);
  }

  /** Refs of a scope whose facets are known: one more request per namespace when several. */
  private async refsOf(
    scope: CatalogScopeFilter,
    facets: Record<string, Facet[]>,
    credentials: BackstageCredentials,
  ): Promise<string[]> {
    const refs = refsFromFacets(facets);
    if (refs) return refs;
    const perNamespace = await Promise.all(
      facets[NAMESPACE].map(
        async ({ value: namespace }) =>
          refsFromFacets({
            [NAMESPACE]: [{ value: namespace, count: 0 }],
            [NAME]: (
              await this.facets(
                narrowed(scope, { [NAMESPACE]: namespace }),
                [NAME],
                credentials,
              )
            )[NAME],
          })!,
      ),
    );
    // by name, then namespace (each namespace's list is in the catalog's order already)
    const nameOf = (ref: string) => ref.slice(ref.indexOf('/') + 1);
    return perNamespace.flat().sort((a, b) => {
      const [x, y] = [nameOf(a), nameOf(b)];
      if (x !== y) return x < y ? -1 : 1;
      return a < b ? -1 : Number(a > b);
    });
  }

  /**
   * The systems in scope and which of them are retired: one facet request (namespace, name,
   * lifecycle), one more for the retired ones when the scope has any, one per namespace when
   * several. `withTiers` adds the tier facet to the first request; `withRetired: false`
   * leaves the retired systems out (the set is empty) when they cannot matter.
   */
  async systems(
    scope: CatalogScopeFilter,
    credentials: BackstageCredentials,
    options: { withTiers?: boolean; withRetired?: boolean } = {},
  ): Promise<SystemsInScope> {
    const withRetired = options.withRetired ?? true;
    // The retired systems are asked for at the same time, by the lifecycle `retired` (the
    // catalog matches values case-insensitively); only lifecycle values that spell it with
    // spaces need one more request, after.
    const spelt = withRetired
      ? this.retiredRefs(scope, [RETIRED_LIFECYCLE], credentials)
      : Promise.resolve([]);
    spelt.catch(() => undefined); // settled below, or left when the first request fails
    const facets = await this.facets(
      scope,
      [
        NAMESPACE,
        NAME,
        ...(withRetired ? [LIFECYCLE] : []),
        ...(options.withTiers ? [TIER] : []),
      ],
      credentials,
    );
    // lifecycle is a free string: the facet's values through the obligation rule
    const retiredValues = (facets[LIFECYCLE] ?? [])
      .map(f => f.value)
      .filter(value => !owesImpactAssessment(value));
    const asSpelt = retiredValues.every(
      v => v.toLocaleLowerCase('en-US') === RETIRED_LIFECYCLE,
    );
    const [refs, retired] = await Promise.all([
      this.refsOf(scope, facets, credentials),
      asSpelt ? spelt : this.retiredRefs(scope, retiredValues, credentials),
    ]);
    return {
      refs,
      retired: new Set(retired),
      ...(options.withTiers
        ? { tiers: tierFacetOf(facets[TIER] ?? [], refs.length) }
        : {}),
    };
  }

  /** Refs of the systems of a scope whose lifecycle is one of `values`. */
  private async retiredRefs(
    scope: CatalogScopeFilter,
    values: string[],
    credentials: BackstageCredentials,
  ): Promise<string[]> {
    const retiredScope = narrowed(scope, { [LIFECYCLE]: { $in: values } });
    const facets = await this.facets(
      retiredScope,
      [NAMESPACE, NAME],
      credentials,
    );
    return this.refsOf(retiredScope, facets, credentials);
  }

  /**
   * The systems of a scope that owe an impact assessment, for a status only they can have:
   * one facet request over the scope without the lifecycle `retired`, instead of the whole
   * scope beside a second request for its retired systems. Its lifecycle facet shows any
   * retired system spelt with spaces (which that filter keeps); only then does one more
   * request find those, to leave them out. `retired` is empty: every ref returned owes.
   */
  async owingSystems(
    scope: CatalogScopeFilter,
    credentials: BackstageCredentials,
  ): Promise<SystemsInScope> {
    const owing = narrowed(scope, {
      $not: { [LIFECYCLE]: RETIRED_LIFECYCLE },
    });
    const facets = await this.facets(
      owing,
      [NAMESPACE, NAME, LIFECYCLE],
      credentials,
    );
    const spaced = (facets[LIFECYCLE] ?? [])
      .map(f => f.value)
      .filter(value => !owesImpactAssessment(value));
    const [refs, retired] = await Promise.all([
      this.refsOf(owing, facets, credentials),
      spaced.length ? this.retiredRefs(owing, spaced, credentials) : [],
    ]);
    const left = new Set(retired);
    return { refs: refs.filter(ref => !left.has(ref)), retired: new Set() };
  }

  /** How many systems of a scope carry each tier (one facet request). */
  async tiers(
    scope: CatalogScopeFilter,
    credentials: BackstageCredentials,
  ): Promise<TierFacet> {
    // every entity has a namespace: its facet's counts add up to the systems in scope
    const facets = await this.facets(scope, [NAMESPACE, TIER], credentials);
    const total = (facets[NAMESPACE] ?? []).reduce((s, f) => s + f.count, 0);
    return tierFacetOf(facets[TIER] ?? [], total);
  }
}
