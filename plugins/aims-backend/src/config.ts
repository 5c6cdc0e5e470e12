import {
  RootConfigService,
  SchedulerServiceTaskScheduleDefinition,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import {
  DEFAULT_RISK_MATRIX,
  RiskMatrix,
  validateRiskMatrix,
} from '@internal/plugin-aims-common';

/** `aims.risk.matrix`, validated: a bad matrix fails startup naming the config key. */
export function readRiskMatrix(config: RootConfigService): RiskMatrix {
  const c = config.getOptionalConfig('aims.risk.matrix');
  if (!c) return DEFAULT_RISK_MATRIX;
  const matrix: RiskMatrix = {
    likelihoodLevels:
      c.getOptionalNumber('likelihoodLevels') ??
      DEFAULT_RISK_MATRIX.likelihoodLevels,
    impactLevels:
      c.getOptionalNumber('impactLevels') ?? DEFAULT_RISK_MATRIX.impactLevels,
    acceptanceThreshold:
      c.getOptionalNumber('acceptanceThreshold') ??
      DEFAULT_RISK_MATRIX.acceptanceThreshold,
  };
  const problems = validateRiskMatrix(matrix);
  if (problems.length) {
    throw new Error(`Invalid AIMS configuration: ${problems.join('; ')}`);
  }
  return matrix;
}

function readSchedule(
  config: RootConfigService,
  key: string,
  fallback: SchedulerServiceTaskScheduleDefinition,
): SchedulerServiceTaskScheduleDefinition {
  const c = config.getOptionalConfig(key);
  if (!c) return fallback;
  try {
    return readSchedulerServiceTaskScheduleDefinitionFromConfig(c);
  } catch (e) {
    throw new Error(
      `Invalid AIMS configuration: ${key}: ${(e as Error).message}`,
    );
  }
}

/** `aims.impactAssessments.importSchedule`, default every 30 minutes. */
export const readImportSchedule = (config: RootConfigService) =>
  readSchedule(config, 'aims.impactAssessments.importSchedule', {
    frequency: { minutes: 30 },
    timeout: { minutes: 10 },
    initialDelay: { minutes: 1 },
  });

/** `aims.findings.schedule`, default every 10 minutes. */
export const readFindingsSchedule = (config: RootConfigService) =>
  readSchedule(config, 'aims.findings.schedule', {
    frequency: { minutes: 10 },
    timeout: { minutes: 5 },
    initialDelay: { seconds: 30 },
  });
