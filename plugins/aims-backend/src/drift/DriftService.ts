import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { RELATION_DEPENDS_ON } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AISystemEntityV1alpha1,
  DRIFT_FINDING_TYPES,
  DeclaredAISystem,
  DeploymentObservation,
  FindingType,
  declaredAISystemFromEntity,
  isAISystemEntity,
  reconcile,
} from '@aims-backstage/backstage-plugin-aims-common';
import { FindingStore } from '../findings/FindingStore';
import { ImpactAssessmentStore } from '../assessments/ImpactAssessmentStore';
import { ObservationStore } from './ObservationStore';
import { SourceStore } from './SourceStore';
import { normalizeRef } from '../lib/db';
import { AISystems } from '../lib/AISystems';
import { DriftNotifier } from './DriftNotifier';

export const DRIFT_TYPES: readonly FindingType[] = DRIFT_FINDING_TYPES;
export const DRIFT_ACTOR = 'aims:drift-reconcile';

export interface DriftOptions {
  gracePeriodMs: number;
  productionEnvironments?: string[];
}

/**
 * Deployment drift: the inventory (AISystem entities, impact-assessment status) against what
 * deployment sources observe (stored observations and source health), through the pure
 * `reconcile` of aims-common, into FindingStore's scoped reconcile of the drift types only.
 *
 * Snoozes and risk acceptances past their date reopen first. A finding an owner resolved by
 * hand reopens on the next reconcile when the cause is still there (it is keyed by cause).
 */
export class DriftService {
  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      systems: AISystems;
      assessments: ImpactAssessmentStore;
      observations: ObservationStore;
      sources: SourceStore;
      findings: FindingStore;
      notifier: DriftNotifier;
      logger: LoggerService;
      options: DriftOptions;
      clock?: () => Date;
    },
  ) {}

  private now() {
    return this.deps.clock ? this.deps.clock() : new Date();
  }

  private async declare(
    entities: AISystemEntityV1alpha1[],
  ): Promise<DeclaredAISystem[]> {
    const out: DeclaredAISystem[] = [];
    const declared = entities.flatMap(e => {
      try {
        return [declaredAISystemFromEntity(e)];
      } catch {
        return []; // an entity with unparseable refs cannot be compared
      }
    });
    const summaries = await this.deps.assessments.getSummaries(
      declared.map(d => normalizeRef(d.ref)),
    );
    for (const d of declared) {
      out.push({
        ...d,
        impactAssessmentStatus: summaries.get(normalizeRef(d.ref))?.status,
      });
    }
    return out;
  }

  private async run(
    declared: DeclaredAISystem[],
    components?: string[],
    observedInComponents?: DeploymentObservation[],
  ) {
    const { observations, sources, findings, options } = this.deps;
    const now = this.now();
    await findings.reopenExpired(DRIFT_TYPES, DRIFT_ACTOR);
    const observed =
      observedInComponents ?? (await observations.list(components));
    const health = await sources.health(now);
    let drafts = reconcile(declared, observed, health, {
      now,
      gracePeriodMs: options.gracePeriodMs,
      productionEnvironments: options.productionEnvironments,
    });
    if (components) {
      const scope = new Set(components);
      drafts = drafts.filter(d => scope.has(normalizeRef(d.entityRef)));
    }
    const result = await findings.reconcile({
      types: DRIFT_TYPES,
      aiSystemRefs: components,
      drafts,
      actor: DRIFT_ACTOR,
    });
    await this.deps.notifier.notify(result.changes);
    return result;
  }

  /** Every AI system and every observation (the scheduled task). */
  async reconcileAll() {
    const credentials = await this.deps.auth.getOwnServiceCredentials();
    const entities: AISystemEntityV1alpha1[] = [];
    for await (const page of this.deps.systems.all(credentials))
      entities.push(...page);
    const result = await this.run(await this.declare(entities));
    this.deps.logger.info(
      `AIMS drift reconciled: ${result.opened} opened, ${result.reopened} reopened, ${result.resolved} resolved`,
    );
    return result;
  }

  /**
   * Only the given components (after deployment reports): the AI systems they depend on
   * (their `dependsOn` relations, which the AISystem's `spec.dependencyOf` and the component's
   * own `spec.dependsOn` both produce) or that are observed in them. Findings of other
   * components are never touched. A system that names a component only in
   * `spec.deployments[].component` (not in dependencyOf) is compared by the next scheduled
   * `reconcileAll`. Catalog lookups go by refs (POST bodies), so a queue drain of hundreds of
   * components is two catalog requests, not one URL per filter.
   */
  async reconcileFor(componentRefs: readonly string[]) {
    const components = [...new Set(componentRefs.map(normalizeRef))];
    if (!components.length) return undefined;
    const credentials = await this.deps.auth.getOwnServiceCredentials();
    const { catalog, observations } = this.deps;
    const aiRefs = new Set<string>();
    const found = await catalog.getEntitiesByRefs(
      { entityRefs: components, fields: ['kind', 'metadata', 'relations'] },
      { credentials },
    );
    for (const component of found.items) {
      for (const r of component?.relations ?? []) {
        if (
          r.type === RELATION_DEPENDS_ON &&
          r.targetRef.startsWith('aisystem:')
        )
          aiRefs.add(normalizeRef(r.targetRef));
      }
    }
    const observed = await observations.list(components);
    for (const o of observed)
      if (o.aiSystemRef) aiRefs.add(normalizeRef(o.aiSystemRef));
    const entities: AISystemEntityV1alpha1[] = [];
    if (aiRefs.size) {
      const systems = await catalog.getEntitiesByRefs(
        { entityRefs: [...aiRefs] },
        { credentials },
      );
      for (const e of systems.items)
        if (e && isAISystemEntity(e)) entities.push(e);
    }
    return this.run(await this.declare(entities), components, observed);
  }
}
