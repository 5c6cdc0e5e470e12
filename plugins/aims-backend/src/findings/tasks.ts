import {
  AuthService,
  RootConfigService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { readFindingsSchedule } from '../config';
import { ComplianceFindings } from './ComplianceFindings';
import { MonitoringFindings } from '../monitoring/MonitoringFindings';

export const FINDINGS_TASK_ID = 'aims-compliance-findings';

/** Recomputes every AI system's compliance and monitoring findings; global scope: one replica at a time. */
export async function scheduleFindingsTask(options: {
  scheduler: SchedulerService;
  config: RootConfigService;
  auth: AuthService;
  findings: ComplianceFindings;
  /** Monitoring findings go stale with time alone: reconciled on the same schedule. */
  monitoringFindings?: MonitoringFindings;
}) {
  const { scheduler, config, auth, findings, monitoringFindings } = options;
  await scheduler.scheduleTask({
    id: FINDINGS_TASK_ID,
    scope: 'global',
    ...readFindingsSchedule(config),
    fn: async () => {
      const credentials = await auth.getOwnServiceCredentials();
      await findings.recomputeAll(credentials);
      await monitoringFindings?.reconcileAll(credentials);
    },
  });
}
