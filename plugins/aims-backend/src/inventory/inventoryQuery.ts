import { QueryEntitiesInitialRequest } from '@backstage/catalog-client';
import { InputError } from '@backstage/errors';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { parseValidRef } from '../lib/ownership';
import { InventoryQuery } from '@aims-backstage/backstage-plugin-aims-common';

export const DEFAULT_INVENTORY_LIMIT = 50;
/** The largest page the spec allows, also the page size of catalog reads. */
export const MAX_INVENTORY_LIMIT = 1000;

/** The query of `GET /inventory` as the OpenAPI spec types (and has checked) it. */
export type InventoryQueryParams = Omit<InventoryQuery, 'limit' | 'offset'> & {
  limit?: number;
  offset?: number;
  format?: 'json' | 'csv';
};

/** The parsed query of `GET /inventory`; `limit` undefined means every matching row. */
export interface ParsedInventoryQuery
  extends Omit<InventoryQuery, 'limit' | 'offset'> {
  limit?: number;
  offset: number;
  format: 'json' | 'csv';
}

const nonEmpty = (value: string | undefined) => value?.trim() || undefined;

/**
 * Shapes the query of `GET /inventory`. The OpenAPI validator has already rejected bad input
 * (enums, integer ranges) with a 400 naming the parameter; this applies defaults — `limit` 50
 * for JSON, every row for CSV unless `limit` is given — and resolves `owner` to a full ref
 * (default kind group), which is the one check the spec cannot express.
 */
export function parseInventoryQuery(
  query: InventoryQueryParams,
): ParsedInventoryQuery {
  const format = query.format ?? 'json';
  const ownerRaw = nonEmpty(query.owner);
  let owner: string | undefined;
  if (ownerRaw !== undefined) {
    try {
      owner = stringifyEntityRef(parseValidRef(ownerRaw, 'group'));
    } catch (e) {
      throw new InputError(
        `Query parameter 'owner' is not a valid entity ref: ${ownerRaw}`,
      );
    }
  }
  return {
    owner,
    lifecycle: nonEmpty(query.lifecycle),
    type: nonEmpty(query.type),
    tier: query.tier,
    status: query.status,
    monitoring: query.monitoring,
    q: nonEmpty(query.q),
    limit:
      query.limit ?? (format === 'csv' ? undefined : DEFAULT_INVENTORY_LIMIT),
    offset: query.offset ?? 0,
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
  'spec.monitoring',
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
