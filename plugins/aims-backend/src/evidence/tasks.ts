import {
  RootConfigService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { readEvidenceExpirySchedule } from '../config';
import { EvidenceService } from './EvidenceService';

export const EVIDENCE_EXPIRY_TASK_ID = 'aims-evidence-expiry';

/** Marks evidence past its expiry as expired (audit entry each); global scope: one replica at a time. */
export async function scheduleEvidenceExpiryTask(options: {
  scheduler: SchedulerService;
  config: RootConfigService;
  evidence: EvidenceService;
}) {
  const { scheduler, config, evidence } = options;
  await scheduler.scheduleTask({
    id: EVIDENCE_EXPIRY_TASK_ID,
    scope: 'global',
    ...readEvidenceExpirySchedule(config),
    fn: async () => {
      await evidence.expire();
    },
  });
}
