import {
  AuthService,
  RootConfigService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { readFindingsSchedule } from '../config';
import { ComplianceFindings } from './ComplianceFindings';

export const FINDINGS_TASK_ID = 'aims-compliance-findings';

/** Recomputes every AI system's compliance findings; global scope: one replica at a time. */
export async function scheduleFindingsTask(options: {
  scheduler: SchedulerService;
  config: RootConfigService;
  auth: AuthService;
  findings: ComplianceFindings;
}) {
  const { scheduler, config, auth, findings } = options;
  await scheduler.scheduleTask({
    id: FINDINGS_TASK_ID,
    scope: 'global',
    ...readFindingsSchedule(config),
    fn: async () => {
      await findings.recomputeAll(await auth.getOwnServiceCredentials());
    },
  });
}
