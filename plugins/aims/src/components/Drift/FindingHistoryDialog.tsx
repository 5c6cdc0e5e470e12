import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@material-ui/core';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { Finding } from '@aims-backstage/backstage-plugin-aims-common';
import { aimsApiRef } from '../../api';
import { ActorLink } from '../common/ActorLink';
import { formatDate, formatTime } from '../common/labels';
import {
  FINDING_STATUS_LABELS,
  driftSummary,
  isDriftFinding,
} from './driftText';

function statusLabel(s: string | null | undefined) {
  return s
    ? FINDING_STATUS_LABELS[s as keyof typeof FINDING_STATUS_LABELS] ?? s
    : '—';
}

/** The event history of one finding (`GET /findings/:id`), oldest first. */
export function FindingHistoryDialog(props: {
  finding: Finding;
  onClose: () => void;
}) {
  const { finding, onClose } = props;
  const aimsApi = useApi(aimsApiRef);
  const { value, loading, error } = useAsync(
    () => aimsApi.getFinding(finding.id),
    [aimsApi, finding.id],
  );
  return (
    <Dialog
      open
      onClose={onClose}
      fullWidth
      maxWidth="md"
      aria-labelledby="finding-history-title"
    >
      <DialogTitle id="finding-history-title">Finding history</DialogTitle>
      <DialogContent>
        <Typography variant="body2" paragraph>
          {isDriftFinding(finding) ? driftSummary(finding) : finding.type}
        </Typography>
        {loading && <Progress />}
        {error && <ResponseErrorPanel error={error} />}
        {value && value.events.length === 0 && (
          <Typography variant="body2" color="textSecondary">
            No events recorded.
          </Typography>
        )}
        {value && value.events.length > 0 && (
          <Table size="small" data-testid="finding-events">
            <TableHead>
              <TableRow>
                <TableCell>When</TableCell>
                <TableCell>Who</TableCell>
                <TableCell>What</TableCell>
                <TableCell>Status</TableCell>
                <TableCell>Reason</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {value.events.map(e => (
                <TableRow key={e.id}>
                  <TableCell>{formatTime(e.at)}</TableCell>
                  <TableCell>
                    <ActorLink actor={e.actor} hideIcon />
                  </TableCell>
                  <TableCell>{e.action}</TableCell>
                  <TableCell>
                    {statusLabel(e.fromStatus)} → {statusLabel(e.toStatus)}
                    {e.until ? ` until ${formatDate(e.until)}` : ''}
                  </TableCell>
                  <TableCell>{e.reason ?? '—'}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
}
