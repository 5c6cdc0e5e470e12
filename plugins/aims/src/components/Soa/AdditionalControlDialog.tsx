import { useState } from 'react';
import {
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Grid,
  TextField,
  Typography,
} from '@material-ui/core';
import { ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  Soa,
  SoaAdditionalControl,
  SoaAdditionalControlInput,
  validateAdditionalControl,
} from '@aims-backstage/backstage-plugin-aims-common';
import { aimsApiRef } from '../../api';
import { ConflictAlert, isConflict } from '../common/ConflictAlert';
import { DocumentsEditor } from './DocumentsEditor';
import { problemsByField } from '../common/labels';
import {
  IMPLEMENTATION_STATUSES,
  IMPLEMENTATION_STATUS_LABELS,
  SoaImplementationStatus,
} from './labels';

/** Add or change one of the organisation's own controls (never counted among the 38). */
export function AdditionalControlDialog(props: {
  control?: SoaAdditionalControl;
  takenIds: string[];
  revision: number;
  onClose: () => void;
  onReload: () => void;
  onSaved: (soa: Soa) => void;
}) {
  const { control, revision } = props;
  const aimsApi = useApi(aimsApiRef);
  const [id, setId] = useState(control?.id ?? '');
  const [title, setTitle] = useState(control?.title ?? '');
  const [applicable, setApplicable] = useState(control?.applicable ?? true);
  const [justification, setJustification] = useState(
    control?.justification ?? '',
  );
  const [status, setStatus] = useState<SoaImplementationStatus>(
    control?.implementationStatus ?? 'not-started',
  );
  const [owner, setOwner] = useState(control?.owner ?? '');
  const [documents, setDocuments] = useState(control?.documents ?? []);
  const [showErrors, setShowErrors] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  const [conflict, setConflict] = useState(false);

  const input: SoaAdditionalControlInput = {
    revision,
    title: title.trim(),
    applicable,
    justification: justification.trim(),
    implementationStatus: applicable ? status : 'not-applicable',
    owner: owner.trim() || null,
    documents,
  };
  const errors = problemsByField(
    validateAdditionalControl(control?.id ?? id.trim(), input),
  );
  if (!control && !errors.id && props.takenIds.includes(id.trim()))
    errors.id = 'is already used by another own control';
  const shown = showErrors ? errors : {};
  const blocking = Object.keys(errors).length > 0;

  const save = async () => {
    if (blocking) {
      setShowErrors(true);
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      props.onSaved(
        await aimsApi.saveSoaAdditionalControl(control?.id ?? id.trim(), input),
      );
    } catch (e) {
      if (isConflict(e)) setConflict(true);
      else setError(e as Error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      open
      onClose={props.onClose}
      fullWidth
      maxWidth="md"
      aria-labelledby="additional-control-dialog-title"
    >
      <DialogTitle id="additional-control-dialog-title">
        {control ? `Edit ${control.id} ${control.title}` : 'Add own control'}
      </DialogTitle>
      <DialogContent dividers>
        <Grid container spacing={2}>
          <Grid item xs={12} sm={4}>
            <TextField
              id="additional-control-id"
              label="Id"
              fullWidth
              required
              value={id}
              disabled={!!control}
              onChange={e => setId(e.target.value)}
              error={!!shown.id}
              helperText={shown.id ?? 'e.g. ORG.1'}
            />
          </Grid>
          <Grid item xs={12} sm={8}>
            <TextField
              id="additional-control-title"
              label="Title"
              fullWidth
              required
              value={title}
              onChange={e => setTitle(e.target.value)}
              error={!!shown.title}
              helperText={shown.title}
            />
          </Grid>
          <Grid item xs={12} sm={6}>
            <TextField
              id="additional-control-applicable"
              select
              fullWidth
              SelectProps={{ native: true }}
              label="Applicable"
              value={applicable ? 'yes' : 'no'}
              onChange={e => setApplicable(e.target.value === 'yes')}
            >
              <option value="yes">Yes</option>
              <option value="no">No</option>
            </TextField>
          </Grid>
          <Grid item xs={12} sm={6}>
            <TextField
              id="additional-control-status"
              select
              fullWidth
              SelectProps={{ native: true }}
              label="Implementation status"
              value={applicable ? status : 'not-applicable'}
              disabled={!applicable}
              onChange={e =>
                setStatus(e.target.value as SoaImplementationStatus)
              }
            >
              {IMPLEMENTATION_STATUSES.map(s => (
                <option key={s} value={s}>
                  {IMPLEMENTATION_STATUS_LABELS[s]}
                </option>
              ))}
            </TextField>
          </Grid>
          <Grid item xs={12}>
            <TextField
              id="additional-control-justification"
              label="Justification"
              fullWidth
              multiline
              minRows={2}
              value={justification}
              onChange={e => setJustification(e.target.value)}
              error={!!shown.justification}
              helperText={shown.justification}
            />
          </Grid>
          <Grid item xs={12}>
            <TextField
              id="additional-control-owner"
              label="Owner"
              placeholder="group:default/compliance"
              fullWidth
              value={owner}
              onChange={e => setOwner(e.target.value)}
              error={!!shown.owner}
              helperText={shown.owner}
            />
          </Grid>
          <Grid item xs={12}>
            <Typography variant="subtitle2">Documents</Typography>
            <DocumentsEditor
              documents={documents}
              onChange={setDocuments}
              errors={shown}
            />
          </Grid>
        </Grid>
        {conflict && (
          <Box mt={2}>
            <ConflictAlert
              what="Statement of Applicability"
              onReload={props.onReload}
            />
          </Box>
        )}
        {error && (
          <Box mt={2}>
            <ResponseErrorPanel
              error={error}
              title="Could not save the control"
            />
          </Box>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Cancel</Button>
        <Button
          color="primary"
          variant="contained"
          onClick={save}
          disabled={busy || conflict}
        >
          {control ? 'Save control' : 'Add control'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
