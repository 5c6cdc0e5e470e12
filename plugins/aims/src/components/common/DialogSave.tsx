import { useState } from 'react';
import { Box, Button, DialogActions, Typography } from '@material-ui/core';
import { ResponseErrorPanel } from '@backstage/core-components';
import { ConflictAlert, isConflict } from './ConflictAlert';

/**
 * The saving state every edit dialog (and workflow action) keeps: busy while the request runs, a 409 kept apart as a
 * conflict (the dialog offers a reload, never an overwrite), any other failure as the error.
 */
export function useDialogSave() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  const [conflict, setConflict] = useState(false);
  /** Runs the request; resolves whether it went through. */
  const run = async (request: () => Promise<void>): Promise<boolean> => {
    setBusy(true);
    setError(undefined);
    try {
      await request();
      return true;
    } catch (e) {
      if (isConflict(e)) setConflict(true);
      else setError(e as Error);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, conflict, run };
}

/** Why the last save did not go through: someone else saved first (with a reload), or the error. */
export function SaveProblems(props: {
  conflict: boolean;
  error?: Error;
  /** what someone else changed, e.g. "risk" */
  what: string;
  /** the error panel's title, e.g. "Could not save the risk" */
  errorTitle: string;
  onReload: () => void;
}) {
  const { conflict, error, what, errorTitle, onReload } = props;
  return (
    <>
      {conflict && (
        <Box mt={2}>
          <ConflictAlert what={what} onReload={onReload} />
        </Box>
      )}
      {error && (
        <Box mt={2}>
          <ResponseErrorPanel error={error} title={errorTitle} />
        </Box>
      )}
    </>
  );
}

/**
 * An edit dialog's footer: what keeps it from saving (when the fields have problems), Cancel and
 * the save button — disabled while saving and after a conflict, until the dialog is reloaded.
 */
export function DialogSaveActions(props: {
  /** shown left of the buttons while the marked fields keep the dialog from saving */
  fixHint?: string;
  saveLabel: string;
  busy: boolean;
  conflict: boolean;
  onCancel: () => void;
  onSave: () => void;
}) {
  const { fixHint, saveLabel, busy, conflict, onCancel, onSave } = props;
  return (
    <DialogActions>
      {fixHint && (
        <Typography
          variant="caption"
          color="error"
          style={{ marginRight: 'auto' }}
        >
          {fixHint}
        </Typography>
      )}
      <Button onClick={onCancel}>Cancel</Button>
      <Button
        color="primary"
        variant="contained"
        onClick={onSave}
        disabled={busy || conflict}
      >
        {saveLabel}
      </Button>
    </DialogActions>
  );
}
