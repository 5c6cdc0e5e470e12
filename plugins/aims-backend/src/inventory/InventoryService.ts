import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  InventoryCounts,
  InventoryItem,
  ImpactAssessmentSummary,
  InventoryResponse,
  MISSING_IMPACT_ASSESSMENT,
  getEuAiActTier,
  inventoryCountsFromTierFacet,
  isAISystemEntity,
  tallyInventoryCounts,
} from '@aims-backstage/backstage-plugin-aims-common';
import { FindingStore } from '../findings/FindingStore';
import { normalizeRef } from '../lib/db';
import { EntityVisibility } from '../permissions/EntityVisibility';
import { ControlData } from '../soa/ControlData';
import { ImpactAssessmentStore } from '../assessments/ImpactAssessmentStore';
import { MonitoringService } from '../monitoring/MonitoringService';
import {
  INVENTORY_ENTITY_FIELDS,
  INVENTORY_ORDER,
  MAX_INVENTORY_LIMIT,
  ParsedInventoryQuery,
  toCatalogFilter,
} from './inventoryQuery';
import {
  entityRefOf,
  inventoryStatusOf,
  inventoryStatusOfScoped,
  retiredCanHave,
  retirementDecides,
  toInventoryItem,
} from './inventoryItem';
import { CatalogScope, SystemsInScope } from './catalogScope';

const REF_FIELDS = ['kind', 'metadata.namespace', 'metadata.name'];
/** What the status of a system needs besides its ref: the lifecycle decides `not-required`. */
const STATUS_FIELDS = [...REF_FIELDS, 'spec.lifecycle'];
/** What the `monitoring` filter needs besides: the declared metrics. */
const FILTER_FIELDS = [...STATUS_FIELDS, 'apiVersion', 'spec.monitoring'];
/**
 * Page size of the scans over every AI system in scope (a few small fields each). The
 * catalog evaluates the whole filter and sort for every page it answers, so a scan in pages
 * of 1,000 costs a full pass per thousand systems; 10,000 reads an organisation of 5,000
 * systems in one pass.
 */
const SCAN_PAGE_SIZE = 10_000;

/**
 * Whether the catalog's entity facets can say which systems are in scope. They cannot when
 * the query searches free text (facets take no text filter) or filters by monitoring status
 * (which needs each system's declared metrics). A facet request costs about the same whatever
 * the scope (it groups the search rows of every entity), while a scan costs per system in
 * scope: an owner's systems are few, so the scan is the cheaper read for them.
 */
const facetsCanScope = (query: ParsedInventoryQuery) =>
  !query.q && !query.monitoring && !query.owner;

/**
 * `GET /inventory`: the catalog does the filtering, text search, ordering and paging in one
 * query; our database adds assessment summaries and finding counts for that page only (two
 * batch queries). Only the `status` filter, which lives in our database, needs every matching
 * ref first: the catalog's facets give them without reading entities (CatalogScope).
 */
export class InventoryService {
  constructor(
    private readonly catalog: CatalogService,
    private readonly assessments: ImpactAssessmentStore,
    private readonly findings: FindingStore,
    private readonly visibility: EntityVisibility,
    private readonly controls: ControlData,
    private readonly monitoring?: MonitoringService,
    /**
     * Read scopes from the catalog's entity facets (PostgreSQL). On SQLite the catalog
     * answers a facet by name over 50,000 entities several times slower than a scan of the
     * AI systems themselves (`yarn bench`), so there the scan stays.
     */
    private readonly options: { scopeFromFacets: boolean } = {
      scopeFromFacets: true,
    },
  ) {
    this.scope = new CatalogScope(catalog);
  }

  private readonly scope: CatalogScope;

  private scopedByFacets(query: ParsedInventoryQuery) {
    return this.options.scopeFromFacets && facetsCanScope(query);
  }

  async list(
    query: ParsedInventoryQuery,
    credentials: BackstageCredentials,
  ): Promise<InventoryResponse> {
    if (query.status && this.scopedByFacets(query))
      return this.listByStatusFromFacets(query, credentials);
    if (query.status || query.monitoring)
      return this.listByStatus(query, credentials);

    const catalogFilter = toCatalogFilter(query);
    if (query.limit !== undefined) {
      const page = await this.catalog.queryEntities(
        {
          ...catalogFilter,
          fields: INVENTORY_ENTITY_FIELDS,
          orderFields: INVENTORY_ORDER,
          limit: query.limit,
          offset: query.offset,
        },
        { credentials },
      );
      return {
        items: await this.enrich(page.items, credentials),
        totalCount: page.totalItems,
      };
    }

    // Every matching row (CSV export without limit): page through the catalog.
    const entities: Entity[] = [];
    let totalCount = 0;
    for (let offset = query.offset; ; offset += MAX_INVENTORY_LIMIT) {
      const page = await this.catalog.queryEntities(
        {
          ...catalogFilter,
          fields: INVENTORY_ENTITY_FIELDS,
          orderFields: INVENTORY_ORDER,
          limit: MAX_INVENTORY_LIMIT,
          offset,
        },
        { credentials },
      );
      totalCount = page.totalItems;
      entities.push(...page.items);
      if (
        page.items.length < MAX_INVENTORY_LIMIT ||
        offset + page.items.length >= totalCount
      ) {
        break;
      }
    }
    return { items: await this.enrich(entities, credentials), totalCount };
  }

  /**
   * `GET /inventory/counts`. Without a status filter: the catalog's facets (which systems are
   * in scope, which retired, how many per tier) and every stored assessment summary, read at
   * once. A status filter needs each system's tier and status together, and the monitoring
   * and text filters need more than facets: one catalog scan (minimal fields) over the systems
   * in scope and one batch query for their summaries, tallied with faceting.
   */
  async counts(
    query: ParsedInventoryQuery,
    credentials: BackstageCredentials,
  ): Promise<InventoryCounts> {
    if (!query.status && this.scopedByFacets(query))
      return this.countsFromFacets(query, credentials);
    // every AI system the caller may see: the summaries of all stored systems load while the
    // catalog is scanned (a narrower scope reads the summaries of its systems after)
    const everySystem =
      !query.owner && !query.lifecycle && !query.type && !query.q;
    const allSummaries = everySystem
      ? this.assessments.allSummaries()
      : undefined;
    // settled here so a failing scan leaves no unhandled rejection behind
    allSummaries?.catch(() => undefined);
    const systems = [];
    for await (const page of this.catalog.streamEntities(
      {
        ...toCatalogFilter({ ...query, tier: undefined, status: undefined }),
        fields: [
          ...STATUS_FIELDS,
          'apiVersion',
          'spec.euAiAct',
          ...(query.monitoring ? ['spec.monitoring'] : []),
        ],
        pageSize: SCAN_PAGE_SIZE,
      },
      { credentials },
    )) {
      systems.push(...page.filter(isAISystemEntity));
    }
    if (query.monitoring) {
      // the counts of the systems the monitoring filter leaves, as the list shows them
      const matches = await this.monitoringMatcher(systems, query.monitoring);
      systems.splice(0, systems.length, ...systems.filter(matches));
    }
    const refs = systems.map(entityRefOf);
    const summaries = allSummaries
      ? await allSummaries.then(
          all => new Map(refs.map(ref => [ref, all.get(normalizeRef(ref))])),
        )
      : await this.assessments.getSummaries(refs);
    return tallyInventoryCounts(
      systems.map((entity, i) => ({
        status: inventoryStatusOf(entity, summaries.get(refs[i])),
        tier: getEuAiActTier(entity),
      })),
      { status: query.status, tier: query.tier },
    );
  }

  /** Counts without a status filter, from the catalog's facets (see `counts`). */
  private async countsFromFacets(
    query: ParsedInventoryQuery,
    credentials: BackstageCredentials,
  ): Promise<InventoryCounts> {
    // statuses count the systems that pass the tier filter; tiers count the whole scope
    const tierScope = toCatalogFilter({ ...query, status: undefined });
    const wholeScope = toCatalogFilter({
      ...query,
      tier: undefined,
      status: undefined,
    });
    const [[systems, summaries], tiers] = await Promise.all([
      this.systemsWithSummaries(query, tierScope, credentials, {
        withTiers: !query.tier,
      }),
      query.tier ? this.scope.tiers(wholeScope, credentials) : undefined,
    ]);
    return inventoryCountsFromTierFacet(
      systems.refs.map(ref =>
        inventoryStatusOfScoped(systems.retired.has(ref), summaries.get(ref)),
      ),
      tiers ?? systems.tiers!,
    );
  }

  /**
   * The `status` filter: the refs in scope from the catalog's facets and every stored
   * summary, read at once; the matching refs are paged here (in the facets' order by name)
   * and only the page's entities are read.
   */
  private async listByStatusFromFacets(
    query: ParsedInventoryQuery,
    credentials: BackstageCredentials,
  ): Promise<InventoryResponse> {
    const status = query.status!;
    const [systems, stored] = await this.systemsWithSummaries(
      query,
      toCatalogFilter(query),
      credentials,
      retiredCanHave(status)
        ? { withRetired: retirementDecides(status) }
        : { owingOnly: true },
    );
    const matching = systems.refs.filter(
      ref =>
        inventoryStatusOfScoped(systems.retired.has(ref), stored.get(ref)) ===
        query.status,
    );
    const entities = await this.entitiesOfPage(matching, query, credentials);
    const summaries = new Map(
      entities.map(e => [
        entityRefOf(e),
        stored.get(normalizeRef(entityRefOf(e))) ?? MISSING_IMPACT_ASSESSMENT,
      ]),
    );
    return {
      items: await this.enrich(entities, credentials, summaries),
      totalCount: matching.length,
    };
  }

  /**
   * The systems of a scope and their assessment summaries (by lower-case ref). Over every AI
   * system the summaries of all are read while the catalog answers; a scope narrowed by a
   * catalog filter reads only its systems' summaries, after.
   */
  private async systemsWithSummaries(
    query: ParsedInventoryQuery,
    scope: ReturnType<typeof toCatalogFilter>,
    credentials: BackstageCredentials,
    options: {
      withTiers?: boolean;
      withRetired?: boolean;
      /** Only the systems that owe an assessment (`CatalogScope.owingSystems`). */
      owingOnly?: boolean;
    } = {},
  ): Promise<[SystemsInScope, Map<string, ImpactAssessmentSummary>]> {
    const inScope = () =>
      options.owingOnly
        ? this.scope.owingSystems(scope, credentials)
        : this.scope.systems(scope, credentials, options);
    if (!query.owner && !query.lifecycle && !query.type && !query.tier)
      return Promise.all([inScope(), this.assessments.allSummaries()]);
    const systems = await inScope();
    return [systems, await this.assessments.getSummaries(systems.refs)];
  }

  /** The page's slice of matching refs, read from the catalog with the inventory's fields. */
  private async entitiesOfPage(
    matching: string[],
    query: ParsedInventoryQuery,
    credentials: BackstageCredentials,
  ): Promise<Entity[]> {
    const pageRefs = matching.slice(
      query.offset,
      query.limit === undefined ? undefined : query.offset + query.limit,
    );
    const entities: Entity[] = [];
    for (let i = 0; i < pageRefs.length; i += MAX_INVENTORY_LIMIT) {
      const { items } = await this.catalog.getEntitiesByRefs(
        {
          entityRefs: pageRefs.slice(i, i + MAX_INVENTORY_LIMIT),
          fields: INVENTORY_ENTITY_FIELDS,
        },
        { credentials },
      );
      for (const e of items) if (e) entities.push(e);
    }
    return entities;
  }

  /**
   * The `status` filter with free text, and the `monitoring` filter: every matching ref
   * (minimal fields), filter in our DB (in bulk), then page.
   */
  private async listByStatus(
    query: ParsedInventoryQuery,
    credentials: BackstageCredentials,
  ): Promise<InventoryResponse> {
    const scanned: Entity[] = [];
    for await (const page of this.catalog.streamEntities(
      {
        ...toCatalogFilter(query),
        fields: query.monitoring ? FILTER_FIELDS : STATUS_FIELDS,
        orderFields: INVENTORY_ORDER,
        pageSize: SCAN_PAGE_SIZE,
      },
      { credentials },
    )) {
      scanned.push(...page);
    }
    const refs = scanned.map(entityRefOf);
    const summaries = await this.assessments.getSummaries(refs);
    // the same status as the items and the counts show (inventoryStatusOf)
    const monitoring = query.monitoring
      ? await this.monitoringMatcher(scanned, query.monitoring)
      : undefined;
    const matching = refs.filter(
      (ref, i) =>
        (!query.status ||
          inventoryStatusOf(scanned[i], summaries.get(ref)) === query.status) &&
        (!monitoring || monitoring(scanned[i])),
    );
    const entities = await this.entitiesOfPage(matching, query, credentials);
    return {
      items: await this.enrich(entities, credentials, summaries),
      totalCount: matching.length,
    };
  }

  /** Finding counts follow the caller's visibility of the entities the findings are on. */
  private async enrich(
    entities: Entity[],
    credentials: BackstageCredentials,
    knownSummaries?: Map<string, InventoryItem['impactAssessment']>,
  ): Promise<InventoryItem[]> {
    const systems = entities.filter(isAISystemEntity);
    const refs = systems.map(entityRefOf);
    // the catalog has just returned these systems for the caller: only the other entities
    // findings are on (the components of drift findings) need asking about
    const visible = new Set(refs.map(normalizeRef));
    const [summaries, counts, controls, monitoring] = await Promise.all([
      knownSummaries ?? this.assessments.getSummaries(refs),
      this.findings.countOpen(refs, among =>
        this.visibility.hiddenAmong(
          among.filter(r => !visible.has(r)),
          credentials,
        ),
      ),
      // the page's systems in bulk: one query each for mappings, approved evidence and
      // risks; the coverage counts read nothing of the organisation's SoA
      this.controls.coverage(systems, new Date()),
      // the latest result per series and the recent values: one query each for the page
      this.monitoringSummaries(systems),
    ]);
    return systems.map((entity, i) => {
      const item = toInventoryItem(
        entity,
        summaries.get(refs[i]),
        counts.get(refs[i]),
        controls.get(normalizeRef(refs[i])),
      );
      const summary = monitoring?.get(refs[i].toLocaleLowerCase('en-US'));
      // a system neither declaring nor reporting metrics has no summary (not monitored)
      return summary?.metrics ? { ...item, monitoring: summary } : item;
    });
  }

  /** Whether an entity's monitoring summary has the status of the `monitoring` filter. */
  private async monitoringMatcher(
    entities: Entity[],
    filter: NonNullable<ParsedInventoryQuery['monitoring']>,
  ): Promise<(entity: Entity) => boolean> {
    const summaries = await this.monitoringSummaries(entities);
    return entity =>
      (summaries?.get(entityRefOf(entity).toLocaleLowerCase('en-US'))?.status ??
        'not-monitored') === filter;
  }

  private async monitoringSummaries(entities: Entity[]) {
    // the inventory column shows the status only (the service-page card has the sparklines)
    return this.monitoring?.summaries(entities.filter(isAISystemEntity), {
      sparklines: false,
    });
  }
}
