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
import { getAnnexAControl } from '@aims-backstage/backstage-plugin-aims-common';
import { aimsApiRef, SoaDocument, SoaOwnControl } from '../../api';
import { ConflictAlert, isConflict } from '../common/ConflictAlert';
import { DocumentsEditor, documentProblems } from './DocumentsEditor';
import {
  IMPLEMENTATION_STATUSES,
  IMPLEMENTATION_STATUS_LABELS,
  SoaImplementationStatus,
} from './labels';

function idProblem(id: string, taken: string[]): string | undefined {
  if (!id) return 'An id is required';
  if (!/^[A-Za-z0-9._-]{1,40}$/.test(id))
    return 'Letters, digits, . - _ only (at most 40)';
  if (getAnnexAControl(id)) return 'That is an Annex A control id';
  if (taken.includes(id)) return 'That id is already used';
  return undefined;
}

/** Add or change one of the organisation's own controls (never counted among the 38). */
export function AdditionalControlDialog(props: {
  control?: SoaOwnControl;
  takenIds: string[];
  revision: number;
  onClose: () => void;
  onReload: () => void;
  onSaved: (soa: SoaDocument) => void;
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

  const idError = control ? undefined : idProblem(id.trim(), props.takenIds);
  const titleError = title.trim() ? undefined : 'A title is required';
  const blocking =
    !!idError ||
    !!titleError ||
    Object.keys(documentProblems(documents)).length > 0;

  const save = async () => {
    if (blocking) {
      setShowErrors(true);
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      props.onSaved(
        await aimsApi.saveSoaAdditionalControl(control?.id ?? id.trim(), {
          revision,
          title: title.trim(),
          applicable,
          justification: justification.trim(),
          implementationStatus: applicable ? status : 'not-applicable',
          owner: owner.trim() || null,
          documents,
        }),
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
              error={showErrors && !!idError}
              helperText={(showErrors && idError) || 'e.g. ORG.1'}
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
              error={showErrors && !!titleError}
              helperText={showErrors ? titleError : undefined}
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
            />
          </Grid>
          <Grid item xs={12}>
            <Typography variant="subtitle2">Documents</Typography>
            <DocumentsEditor
              documents={documents}
              onChange={setDocuments}
              showErrors={showErrors}
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
