import {
  FindingDraft,
  FindingStatus,
} from '@aims-backstage/backstage-plugin-aims-common';

/** What the reconcile needs of a stored finding. */
export interface StoredFindingState {
  id: string;
  key: string;
  status: FindingStatus;
  occurrences: number;
}

export interface FindingReconcilePlan {
  /** New causes: insert as open. */
  insert: FindingDraft[];
  /** Still present: refresh lastSeenAt, severity and evidence (status unchanged). */
  touch: Array<{ id: string; draft: FindingDraft }>;
  /** Present again after resolution: open again, one more occurrence, firstSeenAt kept. */
  reopen: Array<{ id: string; draft: FindingDraft; occurrences: number }>;
  /** Gone: resolve. */
  resolve: string[];
}

/**
 * Diffs the findings the rules produce now against the stored ones of the same scope (the
 * caller selects stored findings by the type set it owns and the AI systems it covers), by
 * stable key. Pure: the store applies the plan.
 */
export function planFindingReconcile(
  stored: readonly StoredFindingState[],
  drafts: readonly FindingDraft[],
): FindingReconcilePlan {
  const plan: FindingReconcilePlan = {
    insert: [],
    touch: [],
    reopen: [],
    resolve: [],
  };
  const byKey = new Map(stored.map(s => [s.key, s]));
  const seen = new Set<string>();
  for (const draft of drafts) {
    if (seen.has(draft.key)) continue;
    seen.add(draft.key);
    const existing = byKey.get(draft.key);
    if (!existing) plan.insert.push(draft);
    else if (existing.status === 'resolved') {
      plan.reopen.push({
        id: existing.id,
        draft,
        occurrences: existing.occurrences + 1,
      });
    } else plan.touch.push({ id: existing.id, draft });
  }
  for (const s of stored) {
    if (!seen.has(s.key) && s.status !== 'resolved') plan.resolve.push(s.id);
  }
  return plan;
}
