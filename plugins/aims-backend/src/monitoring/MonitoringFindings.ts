import {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  AISystemEntityV1alpha1,
  DEFAULT_PRODUCTION_ENVIRONMENTS,
  FindingDraft,
  FindingType,
  getEuAiActTier,
  monitoringFindingsForAISystem,
} from '@aims-backstage/backstage-plugin-aims-common';
import { FindingStore } from '../findings/FindingStore';
import { entityRefOf } from '../inventory/inventoryItem';
import { AISystems } from '../lib/AISystems';
import { normalizeRef } from '../lib/db';
import { MonitoringStore } from './MonitoringStore';

/** The finding types this reconcile owns (no other reconcile touches them). */
export const MONITORING_RULE_TYPES: readonly FindingType[] = [
  'monitoring-threshold-breached',
  'monitoring-stale',
];

const ACTOR = 'aims:monitoring';

/**
 * Monitoring findings from the latest result of each series and the declaration: after every
 * ingest that stored something (that system), and on the findings schedule for every system
 * (staleness grows with time alone, and systems gone from the catalog resolve theirs).
 */
export class MonitoringFindings {
  constructor(
    private readonly deps: {
      systems: AISystems;
      store: MonitoringStore;
      findings: FindingStore;
      productionEnvironments?: readonly string[];
      logger?: LoggerService;
      clock?: () => Date;
    },
  ) {}

  private async drafts(
    systems: readonly AISystemEntityV1alpha1[],
  ): Promise<FindingDraft[]> {
    const now = this.deps.clock ? this.deps.clock() : new Date();
    const refs = systems.map(s => normalizeRef(entityRefOf(s)));
    const latest = await this.deps.store.latest(refs);
    return systems.flatMap((system, i) =>
      monitoringFindingsForAISystem({
        aiSystemRef: refs[i],
        lifecycle: system.spec.lifecycle,
        tier: getEuAiActTier(system),
        declared: system.spec.monitoring ?? [],
        latest: latest.get(refs[i]) ?? [],
        productionEnvironments:
          this.deps.productionEnvironments ?? DEFAULT_PRODUCTION_ENVIRONMENTS,
        now,
      }),
    );
  }

  async reconcileFor(system: AISystemEntityV1alpha1): Promise<void> {
    await this.deps.findings.reconcile({
      types: MONITORING_RULE_TYPES,
      aiSystemRefs: [normalizeRef(entityRefOf(system))],
      drafts: await this.drafts([system]),
      actor: ACTOR,
    });
  }

  async reconcileAll(credentials: BackstageCredentials): Promise<void> {
    const drafts: FindingDraft[] = [];
    for await (const page of this.deps.systems.all(credentials))
      drafts.push(...(await this.drafts(page)));
    const result = await this.deps.findings.reconcile({
      types: MONITORING_RULE_TYPES,
      drafts,
      actor: ACTOR,
    });
    this.deps.logger?.info(
      `AIMS monitoring findings reconciled: ${result.opened} opened, ${result.reopened} reopened, ${result.resolved} resolved`,
    );
  }
}
