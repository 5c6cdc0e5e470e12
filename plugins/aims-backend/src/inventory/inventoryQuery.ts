import { QueryEntitiesInitialRequest } from '@backstage/catalog-client';
import { InputError } from '@backstage/errors';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import {
  EU_AI_ACT_TIERS,
  EuAiActTier,
  IMPACT_ASSESSMENT_STATUSES,
  ImpactAssessmentStatus,
  InventoryQuery,
} from '@aims-backstage/backstage-plugin-aims-common';

export const DEFAULT_INVENTORY_LIMIT = 50;
export const MAX_INVENTORY_LIMIT = 1000;

/** The parsed query of `GET /inventory`; `limit` undefined means every matching row. */
export interface ParsedInventoryQuery
  extends Omit<InventoryQuery, 'limit' | 'offset'> {
  limit?: number;
  offset: number;
  format: 'json' | 'csv';
}

function single(
  query: Record<string, unknown>,
  name: string,
): string | undefined {
  const value = query[name];
  if (value === undefined) return undefined;
  // the OpenAPI validator has already coerced numbers (limit, offset)
  if (typeof value === 'number' || typeof value === 'boolean')
    return String(value);
  if (typeof value !== 'string') {
    throw new InputError(
      `Query parameter '${name}' must be given once, as a string`,
    );
  }
  return value;
}

function integer(
  query: Record<string, unknown>,
  name: string,
  min: number,
  max: number,
): number | undefined {
  const raw = single(query, name);
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isInteger(n) || n < min || n > max) {
    throw new InputError(
      `Query parameter '${name}' must be an integer from ${min} to ${max}`,
    );
  }
  return n;
}

function oneOf<T extends string>(
  query: Record<string, unknown>,
  name: string,
  allowed: readonly T[],
): T | undefined {
  const raw = single(query, name);
  if (raw === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new InputError(
      `Query parameter '${name}' must be one of ${allowed.join(', ')}`,
    );
  }
  return raw as T;
}

/**
 * Parses the query of `GET /inventory`. The OpenAPI validator rejects bad input first; this
 * turns the (string) values into typed ones and applies defaults: `limit` 50 for JSON, every
 * row for CSV unless `limit` is given; `owner` is resolved to a full ref (default kind group).
 */
export function parseInventoryQuery(
  query: Record<string, unknown>,
): ParsedInventoryQuery {
  const format = oneOf(query, 'format', ['json', 'csv'] as const) ?? 'json';
  const limit = integer(query, 'limit', 1, MAX_INVENTORY_LIMIT);
  const offset = integer(query, 'offset', 0, Number.MAX_SAFE_INTEGER) ?? 0;
  const ownerRaw = single(query, 'owner');
  let owner: string | undefined;
  if (ownerRaw !== undefined) {
    try {
      owner = stringifyEntityRef(
        parseEntityRef(ownerRaw, {
          defaultKind: 'group',
          defaultNamespace: 'default',
        }),
      );
    } catch (e) {
      throw new InputError(
        `Query parameter 'owner' is not a valid entity ref: ${ownerRaw}`,
      );
    }
  }
  const nonEmpty = (name: string) => {
    const v = single(query, name)?.trim();
    return v ? v : undefined;
  };
  return {
    owner,
    lifecycle: nonEmpty('lifecycle'),
    type: nonEmpty('type'),
    tier: oneOf<EuAiActTier>(query, 'tier', EU_AI_ACT_TIERS),
    status: oneOf<ImpactAssessmentStatus>(
      query,
      'status',
      IMPACT_ASSESSMENT_STATUSES,
    ),
    q: nonEmpty('q'),
    limit: limit ?? (format === 'csv' ? undefined : DEFAULT_INVENTORY_LIMIT),
    offset,
    format,
  };
}

/** Fields of the catalog that the inventory needs (keeps the catalog response small). */
export const INVENTORY_ENTITY_FIELDS = [
  'kind',
  'apiVersion',
  'metadata.namespace',
  'metadata.name',
  'metadata.title',
  'spec.type',
  'spec.lifecycle',
  'spec.owner',
  'spec.dependencyOf',
  'spec.euAiAct',
  'relations',
];

/** Free-text search runs over these fields (the catalog's search index, values ≤ 200 chars). */
export const INVENTORY_TEXT_FIELDS = [
  'metadata.name',
  'metadata.title',
  'spec.purpose',
  'metadata.description',
];

/**
 * The catalog (since the `search` table only holds present fields) orders by one field and
 * drops entities that lack it, so the inventory is ordered by `metadata.name`, which every
 * entity has; the catalog breaks ties by entity id, so paging is stable.
 */
export const INVENTORY_ORDER = {
  field: 'metadata.name',
  order: 'asc' as const,
};

/**
 * The catalog request (filter, predicate, full-text) for the query's catalog-side filters.
 * `tier=unclassified` also matches systems without a `spec.euAiAct` block, which needs the
 * predicate form (`$not`/`$exists`); everything else uses the key/value filter.
 */
export function toCatalogFilter(
  query: ParsedInventoryQuery,
): Pick<QueryEntitiesInitialRequest, 'filter' | 'query' | 'fullTextFilter'> {
  const filter: Record<string, string> = { kind: 'aisystem' };
  if (query.owner) filter['relations.ownedBy'] = query.owner;
  if (query.lifecycle) filter['spec.lifecycle'] = query.lifecycle;
  if (query.type) filter['spec.type'] = query.type;
  let predicate: QueryEntitiesInitialRequest['query'];
  if (query.tier === 'unclassified') {
    predicate = {
      $any: [
        { 'spec.euAiAct.tier': 'unclassified' },
        { $not: { 'spec.euAiAct.tier': { $exists: true } } },
      ],
    };
  } else if (query.tier) {
    filter['spec.euAiAct.tier'] = query.tier;
  }
  return {
    filter,
    ...(predicate ? { query: predicate } : {}),
    ...(query.q
      ? { fullTextFilter: { term: query.q, fields: INVENTORY_TEXT_FIELDS } }
      : {}),
  };
}
