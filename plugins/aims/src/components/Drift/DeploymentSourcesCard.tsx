import {
  InfoCard,
  ResponseErrorPanel,
  Progress,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@material-ui/core';
import useAsync from 'react-use/esm/useAsync';
import { aimsApiRef } from '../../api';
import { formatTime } from '../common/labels';
import { SourceStatusChip } from './FindingChips';

/**
 * "Deployment sources": each source that observes deployments (Kubernetes, CI/CD reports, …)
 * with its health. Visible to everyone.
 *
 * @public
 */
export function DeploymentSourcesCard() {
  const aimsApi = useApi(aimsApiRef);
  const { value, loading, error } = useAsync(
    () => aimsApi.getSources(),
    [aimsApi],
  );
  return (
    <InfoCard title="Deployment sources">
      <Typography variant="body2" color="textSecondary" paragraph>
        Drift is found by comparing what AI systems declare with what these
        sources observe. Observations of failed or stale sources count as
        unknown, never as drift.
      </Typography>
      {loading && <Progress />}
      {error && <ResponseErrorPanel error={error} />}
      {value?.reconcileBacklog && value.reconcileBacklog.waiting > 0 && (
        <Typography variant="body2" paragraph data-testid="reconcile-backlog">
          {value.reconcileBacklog.waiting === 1
            ? '1 component has'
            : `${value.reconcileBacklog.waiting} components have`}{' '}
          deployment reports waiting to be compared with the inventory (oldest{' '}
          {formatTime(value.reconcileBacklog.oldestRequestedAt)}); their drift
          findings follow within moments.
        </Typography>
      )}
      {value && value.items.length === 0 && (
        <Typography variant="body2">
          No deployment sources are configured.
        </Typography>
      )}
      {value && value.items.length > 0 && (
        <Table size="small" data-testid="deployment-sources">
          <TableHead>
            <TableRow>
              <TableCell>Source</TableCell>
              <TableCell>Status</TableCell>
              <TableCell>Last success</TableCell>
              <TableCell>Last error</TableCell>
              <TableCell align="right">Observations</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {value.items.map(s => (
              <TableRow key={s.id} data-testid={`source-${s.id}`}>
                <TableCell>{s.id}</TableCell>
                <TableCell>
                  <SourceStatusChip status={s.status} />
                </TableCell>
                <TableCell>{formatTime(s.lastSuccessAt)}</TableCell>
                <TableCell>
                  {s.lastError ? (
                    <>
                      {s.lastError}
                      <Typography
                        variant="caption"
                        display="block"
                        color="textSecondary"
                      >
                        {formatTime(s.lastFailureAt)}
                      </Typography>
                    </>
                  ) : (
                    '—'
                  )}
                </TableCell>
                <TableCell align="right">{s.observationCount}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </InfoCard>
  );
}
