import {
  AuthService,
  LoggerService,
  RootConfigService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { readImportSchedule } from '../config';
import { IMPACT_ASSESSMENT_ANNOTATION } from './importLocation';
import { entityRefOf } from '../inventory/inventoryItem';
import { AISystems } from '../lib/AISystems';
import { ImpactAssessmentService } from './ImpactAssessmentService';

export const IMPORT_TASK_ID = 'aims-impact-assessment-import';

/** The actor the scheduled import writes as (the audit log names it). */
export const IMPORT_ACTOR = 'aims:scheduled-import';

/** Re-imports docs-as-code impact assessments whose file changed; global scope. */
export async function scheduleImportTask(options: {
  scheduler: SchedulerService;
  config: RootConfigService;
  logger: LoggerService;
  auth: AuthService;
  systems: AISystems;
  assessments: ImpactAssessmentService;
}) {
  const { scheduler, config, logger, auth, systems, assessments } = options;

  await scheduler.scheduleTask({
    id: IMPORT_TASK_ID,
    scope: 'global',
    ...readImportSchedule(config),
    fn: async () => {
      const credentials = await auth.getOwnServiceCredentials();
      let imported = 0;
      for await (const page of systems.all(credentials)) {
        for (const system of page) {
          if (!system.metadata.annotations?.[IMPACT_ASSESSMENT_ANNOTATION])
            continue;
          const ref = entityRefOf(system);
          try {
            if (
              (await assessments.importScheduled(system, IMPORT_ACTOR)) ===
              'imported'
            ) {
              imported++;
            }
          } catch (e) {
            // one bad file or a review in progress never stops the others
            logger.warn(
              `AIMS import of ${ref} skipped: ${(e as Error).message}`,
            );
          }
        }
      }
      logger.info(`AIMS impact-assessment import: ${imported} imported`);
    },
  });
}
