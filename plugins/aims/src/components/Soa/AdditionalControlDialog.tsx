import { useState } from 'react';
import {
  Dialog,
  DialogContent,
  DialogTitle,
  Grid,
  TextField,
} from '@material-ui/core';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  Soa,
  SoaAdditionalControl,
  SoaAdditionalControlInput,
  validateAdditionalControl,
} from '@aims-backstage/backstage-plugin-aims-common';
import { aimsApiRef } from '../../api';
import {
  DialogSaveActions,
  SaveProblems,
  useDialogSave,
} from '../common/DialogSave';
import { DocumentsEditor } from './DocumentsEditor';
import { problemsByField } from '../common/labels';
import { AppliesAndStatusFields } from './ImplementationStatusField';
import { SoaImplementationStatus } from './labels';

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
  const { busy, error, conflict, run } = useDialogSave();

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
    await run(async () =>
      props.onSaved(
        await aimsApi.saveSoaAdditionalControl(control?.id ?? id.trim(), input),
      ),
    );
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
          <AppliesAndStatusFields
            idPrefix="additional-control"
            appliesLabel="Applicable"
            applicable={applicable}
            onApplicable={setApplicable}
            status={status}
            onStatus={setStatus}
          />
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
            <DocumentsEditor
              documents={documents}
              onChange={setDocuments}
              errors={shown}
            />
          </Grid>
        </Grid>
        <SaveProblems
          conflict={conflict}
          error={error}
          what="Statement of Applicability"
          errorTitle="Could not save the control"
          onReload={props.onReload}
        />
      </DialogContent>
      <DialogSaveActions
        saveLabel={control ? 'Save control' : 'Add control'}
        busy={busy}
        conflict={conflict}
        onCancel={props.onClose}
        onSave={save}
      />
    </Dialog>
  );
}
