/*
 * The AIMS portal's permission policy (replaces the allow-all policy): the shipped
 * `AimsPermissionPolicy` from @aims-backstage/backstage-plugin-aims-node, which is what an
 * adopter installs too.
 *
 * - `aims.assessment.update`, `aims.risk.update` and `aims.finding.act` (resource permissions
 *   on the catalog entity): members of the compliance group everywhere; everyone else on the
 *   entities they own (a conditional decision the catalog evaluates with isEntityOwner
 *   against the user's ownership refs).
 * - `aims.assessment.approve` and `aims.deployment.report` (reporting deployments as a user;
 *   CI uses the ingest token): only members of the compliance group.
 * - everything else: allowed, so the catalog and the rest of the portal stay usable.
 *
 * The compliance group is `aims.complianceGroup` in app-config (default
 * group:default/ai-governance).
 */
import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import {
  AimsPermissionPolicy,
  readAimsComplianceGroup,
} from '@aims-backstage/backstage-plugin-aims-node';

export const aimsPermissionPolicyModule = createBackendModule({
  pluginId: 'permission',
  moduleId: 'aims-policy',
  register(reg) {
    reg.registerInit({
      deps: {
        policy: policyExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
      },
      async init({ policy, config, logger }) {
        logger.info(
          `AIMS permission policy: ${readAimsComplianceGroup(
            config,
          )} approves impact assessments and holds every AIMS permission; owners edit their own systems and act on their findings`,
        );
        policy.setPolicy(AimsPermissionPolicy.fromConfig(config));
      },
    });
  },
});

export default aimsPermissionPolicyModule;
