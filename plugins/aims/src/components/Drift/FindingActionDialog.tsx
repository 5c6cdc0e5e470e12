import { useState } from 'react';
import {
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  TextField,
  Typography,
} from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import { useApi } from '@backstage/frontend-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import { ResponseError } from '@backstage/errors';
import {
  Finding,
  FindingActionRequest,
  FindingActionType,
  aimsFindingActPermission,
  allowedFindingActions,
  checkFindingAction,
  earliestFindingActionUntilDate,
  findingActionNeedsUntil,
} from '@aims-backstage/backstage-plugin-aims-common';
import { aimsApiRef } from '../../api';
import {
  FINDING_ACTION_LABELS,
  FORBIDDEN_TEXT,
  driftSummary,
  isDriftFinding,
} from './driftText';

const TITLES: Record<FindingActionType, string> = {
  acknowledge: 'Acknowledge finding',
  snooze: 'Snooze finding',
  'accept-risk': 'Accept the risk',
  resolve: 'Resolve finding',
};

const HINTS: Record<FindingActionType, string> = {
  acknowledge:
    'The finding stays open and counted; everyone sees that someone is on it.',
  snooze:
    'The finding is hidden until the date, then opens again if the cause is still there.',
  'accept-risk':
    'The risk is accepted until the date (recorded in the audit log), then the finding opens again.',
  resolve:
    'The next reconcile opens the finding again if the cause is still there.',
};

function errorText(e: Error): string {
  if (ResponseError.is(e)) {
    if (e.statusCode === 403) return FORBIDDEN_TEXT;
    return e.body?.error?.message ?? e.message;
  }
  return e.message;
}

/**
 * Asks for the reason (and for snooze and accept-risk the date), then
 * `POST /findings/:id/actions`. A 403 says who may act.
 */
export function FindingActionDialog(props: {
  finding: Finding;
  action: FindingActionType;
  onClose: () => void;
  onDone: () => void;
}) {
  const { finding, action, onClose, onDone } = props;
  const aimsApi = useApi(aimsApiRef);
  const [reason, setReason] = useState('');
  const [until, setUntil] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const needsDate = findingActionNeedsUntil(action);
  const now = new Date();
  // the backend's own check of the action: what passes here passes there
  const untilOk = !checkFindingAction(
    { action, status: finding.status, ...(needsDate ? { until } : {}) },
    now,
  ).problem;
  const valid = reason.trim() !== '' && untilOk;

  const submit = async () => {
    if (!valid) return;
    setBusy(true);
    setError(undefined);
    const body: FindingActionRequest = { action, reason: reason.trim() };
    if (needsDate) body.until = until;
    try {
      await aimsApi.actOnFinding(finding.id, body);
      onDone();
    } catch (e) {
      setError(errorText(e as Error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      open
      onClose={onClose}
      fullWidth
      maxWidth="sm"
      aria-labelledby="finding-action-title"
    >
      <DialogTitle id="finding-action-title">{TITLES[action]}</DialogTitle>
      <DialogContent>
        <Typography variant="body2" gutterBottom>
          {isDriftFinding(finding) ? driftSummary(finding) : finding.type}
        </Typography>
        <Typography variant="body2" color="textSecondary" paragraph>
          {HINTS[action]}
        </Typography>
        <TextField
          label="Reason"
          required
          fullWidth
          multiline
          minRows={2}
          value={reason}
          onChange={e => setReason(e.target.value)}
          helperText="Required: it goes to the finding's history and the audit log."
          inputProps={{ 'aria-label': 'Reason' }}
        />
        {needsDate && (
          <Box mt={2}>
            <TextField
              label="Until"
              type="date"
              required
              value={until}
              onChange={e => setUntil(e.target.value)}
              InputLabelProps={{ shrink: true }}
              inputProps={{
                min: earliestFindingActionUntilDate(now),
                'aria-label': 'Until',
              }}
              error={until !== '' && !untilOk}
              helperText={
                until !== '' && !untilOk
                  ? 'Pick today or a later date'
                  : 'Required: it holds to the end of that day (UTC)'
              }
            />
          </Box>
        )}
        {error && (
          <Box mt={2}>
            <Alert severity="error" data-testid="finding-action-error">
              {error}
            </Alert>
          </Box>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button
          color="primary"
          variant="contained"
          onClick={submit}
          disabled={!valid || busy}
        >
          {FINDING_ACTION_LABELS[action].replace(' until…', '')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/**
 * The buttons for the actions a finding's status allows, for users the permission
 * `aims.finding.act` allows on the entity the finding is on (the policy decides: owners and
 * compliance in the example); each opens the dialog.
 */
export function FindingActionButtons(props: {
  finding: Finding;
  onChanged: () => void;
}) {
  const { finding, onChanged } = props;
  const [action, setAction] = useState<FindingActionType>();
  const { allowed } = usePermission({
    permission: aimsFindingActPermission,
    resourceRef: finding.entityRef,
  });
  const actions = allowedFindingActions(finding.status);
  if (!allowed || !actions.length) return null;
  return (
    <>
      {actions.map(a => (
        <Button
          key={a}
          size="small"
          color="inherit"
          variant="outlined"
          onClick={() => setAction(a)}
          style={{ marginRight: 4, marginBottom: 4 }}
        >
          {FINDING_ACTION_LABELS[a]}
        </Button>
      ))}
      {action && (
        <FindingActionDialog
          finding={finding}
          action={action}
          onClose={() => setAction(undefined)}
          onDone={() => {
            setAction(undefined);
            onChanged();
          }}
        />
      )}
    </>
  );
}
