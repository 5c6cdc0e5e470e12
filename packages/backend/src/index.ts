/*
 * The AIMS portal backend: a lean Backstage backend with the catalog (plus the AISystem
 * kind), development sign-in (guest engineer or compliance officer), the AIMS permission
 * policy, notifications and the AIMS plugin.
 */
import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));

// auth, local development only: sign in as the guest engineer (guest provider) or as a
// compliance officer (the `compliance` provider in ./modules/complianceAuthProvider)
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
backend.add(import('./modules/complianceAuthProvider'));

// catalog, with the AISystem kind
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));
backend.add(
  import('@aims-backstage/backstage-plugin-catalog-backend-module-aims'),
);

// permissions
backend.add(import('@backstage/plugin-permission-backend'));
// AIMS policy: owners and the compliance group edit assessments/risks, compliance approves
backend.add(import('./modules/permissionPolicy'));

backend.add(import('@backstage/plugin-user-settings-backend'));
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));

// AIMS: inventory, status roll-ups, impact assessments, findings
backend.add(import('@aims-backstage/backstage-plugin-aims-backend'));
// the example organisation's AIMS records (examples/aims), imported at startup through the
// AIMS services as their authors and approvers (config aimsExampleData.directory)
backend.add(import('./modules/aimsExampleData'));

backend.start();
