/*
 * The domain vocabulary (finding types, severities, statuses, tiers, …) is the product's; the
 * OpenAPI spec repeats each list as an enum so the validator can answer 400 naming the field.
 * These checks fail to compile when a list and its enum differ in either direction.
 */
import type { AimsApiComponents, AimsApiOperations } from './client';
import { AIMS_HEALTH, IMPACT_ASSESSMENT_STATUSES } from './types';
import { FINDING_ACTION_TYPES } from './driftTypes';
import { EU_AI_ACT_TIERS } from '../domain/euAiAct';
import {
  FINDING_SEVERITIES,
  FINDING_STATUSES,
  FINDING_TYPES,
} from '../findings/vocabulary';
import { RISK_BANDS, RISK_TREATMENTS } from '../risk/model';
import {
  IMPACT_ASSESSMENT_ACTIONS,
  IMPACT_ASSESSMENT_STORED_STATUSES,
} from '../impactAssessment/workflow';

type Schemas = AimsApiComponents['schemas'];

/** `true` only when the two unions have exactly the same members. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

type Member<T extends readonly unknown[]> = T[number];

describe('the spec enums and the domain vocabulary', () => {
  it('have the same members', () => {
    const same: Array<true> = [
      true as Same<Member<typeof FINDING_TYPES>, Schemas['FindingType']>,
      true as Same<
        Member<typeof FINDING_SEVERITIES>,
        Schemas['FindingSeverity']
      >,
      true as Same<Member<typeof FINDING_STATUSES>, Schemas['FindingStatus']>,
      true as Same<
        Member<typeof FINDING_ACTION_TYPES>,
        Schemas['FindingActionType']
      >,
      true as Same<Member<typeof EU_AI_ACT_TIERS>, Schemas['EuAiActTier']>,
      true as Same<
        Member<typeof IMPACT_ASSESSMENT_STATUSES>,
        Schemas['ImpactAssessmentStatus']
      >,
      true as Same<
        Member<typeof IMPACT_ASSESSMENT_STORED_STATUSES>,
        Schemas['ImpactAssessmentStoredStatus']
      >,
      true as Same<
        Member<typeof IMPACT_ASSESSMENT_ACTIONS>,
        AimsApiOperations['TransitionImpactAssessment']['requestBody']['content']['application/json']['action']
      >,
      true as Same<Member<typeof AIMS_HEALTH>, Schemas['AimsHealth']>,
      true as Same<Member<typeof RISK_BANDS>, Schemas['RiskBand']>,
      true as Same<Member<typeof RISK_TREATMENTS>, Schemas['RiskTreatment']>,
    ];
    expect(same.every(Boolean)).toBe(true);
  });
});
