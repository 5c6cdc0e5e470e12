import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  Entity,
  RELATION_DEPENDS_ON,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AISystemEntityV1alpha1,
  AimsStatus,
  ComponentStatus,
  isAISystemEntity,
  rollUpComponent,
} from '@aims-backstage/backstage-plugin-aims-common';
import { FindingStore } from '../findings/FindingStore';
import { EntityVisibility } from '../permissions/EntityVisibility';
import { ControlData } from '../soa/ControlData';
import { ImpactAssessmentStore } from '../assessments/ImpactAssessmentStore';
import { MonitoringService } from '../monitoring/MonitoringService';
import { INVENTORY_ENTITY_FIELDS, INVENTORY_ORDER } from './inventoryQuery';
import { coverageOf, entityRefOf, toAISystemStatus } from './inventoryItem';

/** `GET /status/:kind/:namespace/:name`. */
export class StatusService {
  constructor(
    private readonly catalog: CatalogService,
    private readonly assessments: ImpactAssessmentStore,
    private readonly findings: FindingStore,
    private readonly visibility: EntityVisibility,
    private readonly controls: ControlData,
    private readonly monitoring?: MonitoringService,
  ) {}

  async getStatus(
    ref: { kind: string; namespace: string; name: string },
    credentials: BackstageCredentials,
  ): Promise<AimsStatus> {
    const entityRef = stringifyEntityRef(ref);
    const entity = await this.catalog.getEntityByRef(entityRef, {
      credentials,
    });
    if (!entity) {
      throw new NotFoundError(`No entity ${entityRef} in the catalog`);
    }
    if (isAISystemEntity(entity)) {
      const [status] = await this.statuses([entity], credentials);
      return status;
    }
    return this.rollUp(entity, credentials);
  }

  /**
   * Roll-up over the AI systems an entity uses: AISystems with a `dependencyOf` relation to it
   * (declared on either side; the catalog stitches both) plus AISystems it `dependsOn`.
   */
  private async rollUp(
    entity: Entity,
    credentials: BackstageCredentials,
  ): Promise<ComponentStatus> {
    const entityRef = entityRefOf(entity);
    const { items: dependents } = await this.catalog.queryEntities(
      {
        filter: { kind: 'aisystem', 'relations.dependencyOf': entityRef },
        fields: INVENTORY_ENTITY_FIELDS,
        orderFields: INVENTORY_ORDER,
        limit: 1000,
        totalItems: 'exclude',
      },
      { credentials },
    );
    const systems = dependents.filter(isAISystemEntity);
    const seen = new Set(systems.map(entityRefOf));
    const missing = (entity.relations ?? [])
      .filter(r => r.type === RELATION_DEPENDS_ON)
      .map(r => r.targetRef)
      .filter(r => {
        try {
          return (
            parseEntityRef(r).kind.toLocaleLowerCase('en-US') === 'aisystem' &&
            !seen.has(r)
          );
        } catch {
          return false;
        }
      });
    if (missing.length > 0) {
      const { items } = await this.catalog.getEntitiesByRefs(
        { entityRefs: [...new Set(missing)], fields: INVENTORY_ENTITY_FIELDS },
        { credentials },
      );
      for (const e of items) if (e && isAISystemEntity(e)) systems.push(e);
    }
    const aiSystems = await this.statuses(systems, credentials);
    return {
      entityRef,
      kind: entity.kind.toLocaleLowerCase('en-US'),
      aiSystems,
      ...rollUpComponent(aiSystems),
    };
  }

  /** Finding counts follow the caller's visibility of the entities the findings are on. */
  private async statuses(
    systems: AISystemEntityV1alpha1[],
    credentials: BackstageCredentials,
  ) {
    const refs = systems.map(entityRefOf);
    const [summaries, counts, controls, monitoring] = await Promise.all([
      this.assessments.getSummaries(refs),
      this.findings.countOpen(refs, among =>
        this.visibility.hiddenAmong(among, credentials),
      ),
      // only the coverage counts are read: not the organisation's SoA
      this.controls.systemControls(systems, new Date(), {
        organisation: false,
      }),
      this.monitoring?.summaries(systems),
    ]);
    return systems.map((s, i) => {
      const status = toAISystemStatus(
        s,
        summaries.get(refs[i]),
        counts.get(refs[i]),
        coverageOf(controls, refs[i]),
      );
      const summary = monitoring?.get(refs[i].toLocaleLowerCase('en-US'));
      // a system neither declaring nor reporting metrics has no summary (not monitored)
      return summary?.metrics ? { ...status, monitoring: summary } : status;
    });
  }
}
