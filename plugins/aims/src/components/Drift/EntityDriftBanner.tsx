import { useApi } from '@backstage/frontend-plugin-api';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { Box, Typography } from '@material-ui/core';
import { Alert, AlertTitle } from '@material-ui/lab';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import {
  Finding,
  isOpenFinding,
} from '@aims-backstage/backstage-plugin-aims-common';
import { aimsApiRef } from '../../api';
import { FindingActionButtons } from './FindingActionDialog';
import {
  FINDING_STATUS_LABELS,
  driftSummary,
  isDriftFinding,
} from './driftText';

/**
 * Drift banner for Component pages: nothing when the service has no open drift findings;
 * otherwise a warning listing each one in a line, with the actions (Acknowledge, Snooze,
 * Accept risk, Resolve) for those the permission `aims.finding.act` allows on this service.
 *
 * @public
 */
export function EntityDriftBanner() {
  const { entity } = useEntity();
  const ref = stringifyEntityRef(entity).toLocaleLowerCase('en-US');
  const aimsApi = useApi(aimsApiRef);
  const { value, retry } = useAsyncRetry(
    () => aimsApi.getFindings({ entityRef: ref }),
    [aimsApi, ref],
  );
  // a banner stays quiet while loading and on errors: the AI systems card reports those
  const open: Finding[] = (value?.items ?? []).filter(
    f =>
      isDriftFinding(f) &&
      isOpenFinding(f) &&
      f.entityRef.toLocaleLowerCase('en-US') === ref,
  );
  if (!open.length) return null;
  return (
    <Alert severity="warning" data-testid="aims-drift-banner">
      <AlertTitle>
        Deployment drift:{' '}
        {open.length === 1 ? '1 open finding' : `${open.length} open findings`}
      </AlertTitle>
      {open.map(f => (
        <Box key={f.id} mb={1} data-testid="drift-line">
          <Typography variant="body2">
            {driftSummary(f)}
            {f.status !== 'open' && ` (${FINDING_STATUS_LABELS[f.status]})`}
            {f.aiSystemRef && (
              <>
                {' — '}
                <EntityRefLink entityRef={f.aiSystemRef} hideIcon />
              </>
            )}
          </Typography>
          <Box mt={0.5}>
            <FindingActionButtons finding={f} onChanged={retry} />
          </Box>
        </Box>
      ))}
    </Alert>
  );
}
