import { useState } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  TextField,
  Typography,
} from '@material-ui/core';

/**
 * What can be done with a version in review: an approver approves it (unless the four-eyes
 * rule says why they may not) or returns it to draft with a reason for its authors; anyone
 * else waits. Laid out as siblings, for the caller's row of actions.
 */
export function ApproveOrReturn(props: {
  mayApprove: boolean;
  /** why this approver may not approve the version (four eyes), if they may not */
  fourEyes: string | undefined;
  busy: boolean;
  onApprove: () => void;
  /** returns the version to draft; resolves whether it was returned */
  onReturn: (reason: string) => Promise<boolean>;
  reasonFieldId: string;
  reasonHelp: string;
}) {
  const { mayApprove, fourEyes, busy } = props;
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');
  return (
    <>
      {mayApprove && !fourEyes && (
        <Button
          variant="contained"
          color="primary"
          disabled={busy}
          onClick={props.onApprove}
        >
          Approve
        </Button>
      )}
      {mayApprove && (
        <Button
          variant="outlined"
          disabled={busy}
          onClick={() => setReturning(true)}
        >
          Return with reason
        </Button>
      )}
      {mayApprove && fourEyes && (
        <Typography variant="body2" color="textSecondary">
          {fourEyes}
        </Typography>
      )}
      {!mayApprove && (
        <Typography variant="body2" color="textSecondary">
          Waiting for an approver to approve it or return it to draft.
        </Typography>
      )}
      <Dialog
        open={returning}
        onClose={() => setReturning(false)}
        fullWidth
        maxWidth="sm"
      >
        <DialogTitle>Return to draft</DialogTitle>
        <DialogContent>
          <TextField
            id={props.reasonFieldId}
            label="Reason"
            value={reason}
            onChange={e => setReason(e.target.value)}
            multiline
            minRows={3}
            fullWidth
            required
            helperText={props.reasonHelp}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setReturning(false)}>Cancel</Button>
          <Button
            color="primary"
            variant="contained"
            disabled={busy || !reason.trim()}
            onClick={async () => {
              if (await props.onReturn(reason.trim())) setReturning(false);
            }}
          >
            Return to draft
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
