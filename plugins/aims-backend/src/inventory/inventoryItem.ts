import {
  DEFAULT_NAMESPACE,
  RELATION_DEPENDENCY_OF,
  RELATION_OWNED_BY,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  AISystemEntityV1alpha1,
  AISystemStatus,
  ControlCoverageSummary,
  FindingCounts,
  ImpactAssessmentSummary,
  InventoryItem,
  IMPACT_ASSESSMENT_STATUSES,
  MISSING_IMPACT_ASSESSMENT,
  NO_FINDINGS,
  RETIRED_LIFECYCLE,
  SystemControls,
  controlCoverageSummary,
  aiSystemHealth,
  getEuAiActTier,
  impactAssessmentSummaryStanding,
  resolveAISystemRefs,
} from '@aims-backstage/backstage-plugin-aims-common';

function kindOf(ref: string): string | undefined {
  try {
    return parseEntityRef(ref).kind.toLocaleLowerCase('en-US');
  } catch {
    return undefined;
  }
}

function safeResolve(entity: AISystemEntityV1alpha1) {
  try {
    return resolveAISystemRefs(entity);
  } catch {
    return undefined;
  }
}

/** Full lower-case ref (structural, so it takes any entity-like value). */
export function entityRefOf(entity: {
  kind: string;
  metadata: { namespace?: string; name: string };
}): string {
  return stringifyEntityRef({
    kind: entity.kind,
    namespace: entity.metadata.namespace ?? DEFAULT_NAMESPACE,
    name: entity.metadata.name,
  });
}

/**
 * The status the inventory, its counts and its `status` filter use for a system: the stored
 * summary's status through the shared rule (`not-required` for a retired system without an
 * assessment), so filter, counts and items always agree.
 */
export function inventoryStatusOf(
  entity: { spec?: { lifecycle?: unknown } },
  summary: ImpactAssessmentSummary | undefined,
): ImpactAssessmentSummary['status'] {
  const lifecycle = entity.spec?.lifecycle;
  return impactAssessmentSummaryStanding(
    typeof lifecycle === 'string' ? lifecycle : undefined,
    summary ?? MISSING_IMPACT_ASSESSMENT,
  ).status;
}

/**
 * `inventoryStatusOf` for a system known only by whether its lifecycle is one that owes no
 * assessment (the catalog's facets say which systems are retired, not each lifecycle).
 */
export function inventoryStatusOfScoped(
  retired: boolean,
  summary: ImpactAssessmentSummary | undefined,
): ImpactAssessmentSummary['status'] {
  return inventoryStatusOf(
    { spec: { lifecycle: retired ? RETIRED_LIFECYCLE : undefined } },
    summary,
  );
}

/**
 * Whether a system's retirement can decide if it has this status (through the same rule): a
 * status filter that retirement never changes needs no retired systems looked up.
 */
export function retirementDecides(
  status: ImpactAssessmentSummary['status'],
): boolean {
  return IMPACT_ASSESSMENT_STATUSES.some(s => {
    const summary = { ...MISSING_IMPACT_ASSESSMENT, status: s };
    const owing = inventoryStatusOfScoped(false, summary);
    const retired = inventoryStatusOfScoped(true, summary);
    return owing !== retired && (owing === status || retired === status);
  });
}

/**
 * Whether a retired system can have this status (through the same rule). A status only
 * systems that owe an assessment can have (`missing`, `review-overdue`) is looked for among
 * the systems that are not retired, and none of the retired ones needs looking up.
 */
export function retiredCanHave(
  status: ImpactAssessmentSummary['status'],
): boolean {
  // no stored summary is the `missing` one, which the list holds
  return IMPACT_ASSESSMENT_STATUSES.some(
    s =>
      inventoryStatusOfScoped(true, {
        ...MISSING_IMPACT_ASSESSMENT,
        status: s,
      }) === status,
  );
}

/**
 * The catalog facts of an AI system as the inventory shows them. Components are the
 * `dependencyOf` relations to Components (the catalog stitches in those declared by a
 * Component's `spec.dependsOn`), plus the system's own `spec.dependencyOf` in case relations
 * are not processed yet. The owner comes from the `ownedBy` relation, else from `spec.owner`.
 */
export function describeAISystem(entity: AISystemEntityV1alpha1) {
  const resolved = safeResolve(entity);
  const relations = entity.relations ?? [];
  const components = new Set<string>();
  for (const r of relations) {
    if (
      r.type === RELATION_DEPENDENCY_OF &&
      kindOf(r.targetRef) === 'component'
    ) {
      components.add(r.targetRef);
    }
  }
  for (const ref of resolved?.dependencyOf ?? []) {
    if (kindOf(ref) === 'component') components.add(ref);
  }
  const owner =
    relations.find(r => r.type === RELATION_OWNED_BY)?.targetRef ??
    resolved?.owner ??
    '';
  return {
    entityRef: entityRefOf(entity),
    title: entity.metadata.title ?? entity.metadata.name,
    owner,
    lifecycle: entity.spec?.lifecycle ?? '',
    type: entity.spec?.type ?? '',
    euAiActTier: getEuAiActTier(entity),
    components: [...components].sort(),
  };
}

/** A system without mapped or risk-named controls. */
export const NO_CONTROLS: ControlCoverageSummary = {
  applicable: 0,
  implementedWithEvidence: 0,
};

/** A system's control coverage from its evaluated controls (keyed by lower-case ref). */
export function coverageOf(
  controls: ReadonlyMap<string, SystemControls>,
  ref: string,
): ControlCoverageSummary {
  const sc = controls.get(ref.toLocaleLowerCase('en-US'));
  return sc ? controlCoverageSummary(sc.controls) : NO_CONTROLS;
}

export function toInventoryItem(
  entity: AISystemEntityV1alpha1,
  impactAssessment: ImpactAssessmentSummary | undefined,
  findings: FindingCounts | undefined,
  controls: ControlCoverageSummary | undefined,
): InventoryItem {
  const d = describeAISystem(entity);
  return {
    ...d,
    impactAssessment: impactAssessmentSummaryStanding(
      d.lifecycle,
      impactAssessment ?? MISSING_IMPACT_ASSESSMENT,
    ),
    findings: findings ?? NO_FINDINGS,
    controls: controls ?? NO_CONTROLS,
  };
}

export function toAISystemStatus(
  entity: AISystemEntityV1alpha1,
  impactAssessment: ImpactAssessmentSummary | undefined,
  findings: FindingCounts | undefined,
  controls: ControlCoverageSummary | undefined,
): AISystemStatus {
  const d = describeAISystem(entity);
  const ia = impactAssessmentSummaryStanding(
    d.lifecycle,
    impactAssessment ?? MISSING_IMPACT_ASSESSMENT,
  );
  const f = findings ?? NO_FINDINGS;
  return {
    entityRef: d.entityRef,
    kind: 'aisystem',
    title: d.title,
    type: d.type,
    lifecycle: d.lifecycle,
    euAiActTier: d.euAiActTier,
    impactAssessment: ia,
    findings: f,
    controls: controls ?? NO_CONTROLS,
    health: aiSystemHealth({
      lifecycle: d.lifecycle,
      euAiActTier: d.euAiActTier,
      impactAssessmentStatus: ia.status,
      findings: f,
    }),
  };
}
