import { useState } from 'react';
import {
  Dialog,
  DialogContent,
  DialogTitle,
  Grid,
  TextField,
} from '@material-ui/core';
import { Autocomplete } from '@material-ui/lab';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  ANNEX_A_CONTROLS,
  AnnexAControl,
  SystemControl,
  SystemControlInput,
  validateSystemControlInput,
} from '@aims-backstage/backstage-plugin-aims-common';
import { aimsApiRef } from '../../api';
import {
  DialogSaveActions,
  SaveProblems,
  useDialogSave,
} from '../common/DialogSave';
import { problemsByField } from '../common/labels';
import { AppliesAndStatusFields } from '../Soa/ImplementationStatusField';
import { SoaImplementationStatus } from '../Soa/labels';

/**
 * Map an Annex A control to an AI system, or change how a mapped one applies: applicable or
 * not (then `how` says why), how it is implemented for this system, status and owner (the
 * backend defaults it to the system's owner). A stale revision shows the conflict.
 */
export function SystemControlDialog(props: {
  aiSystemRef: string;
  control?: SystemControl;
  mappedIds: string[];
  onClose: () => void;
  onReload: () => void;
  onSaved: (c: SystemControl) => void;
}) {
  const { aiSystemRef, control, mappedIds } = props;
  const aimsApi = useApi(aimsApiRef);
  const [picked, setPicked] = useState<AnnexAControl | null>(
    control
      ? ANNEX_A_CONTROLS.find(c => c.id === control.controlId) ?? null
      : null,
  );
  const [applicable, setApplicable] = useState(control?.applicable ?? true);
  const [how, setHow] = useState(control?.how ?? '');
  const [status, setStatus] = useState<SoaImplementationStatus>(
    control?.implementationStatus ?? 'not-started',
  );
  const [owner, setOwner] = useState(control?.owner ?? '');
  const [showErrors, setShowErrors] = useState(false);
  const { busy, error, conflict, run } = useDialogSave();

  const pickError = picked ? undefined : 'Pick a control';
  const input: SystemControlInput = {
    // a control only a risk names has no mapping yet: revision 0 creates it
    revision: control?.mapped ? control.revision : 0,
    applicable,
    how: how.trim(),
    implementationStatus: applicable ? status : 'not-applicable',
    owner: owner.trim() || null,
  };
  const errors = problemsByField(validateSystemControlInput(input));
  const shown = showErrors ? errors : {};

  const save = async () => {
    if (pickError || Object.keys(errors).length) {
      setShowErrors(true);
      return;
    }
    await run(async () =>
      props.onSaved(
        await aimsApi.saveSystemControl(aiSystemRef, picked!.id, input),
      ),
    );
  };

  return (
    <Dialog
      open
      onClose={props.onClose}
      fullWidth
      maxWidth="sm"
      aria-labelledby="system-control-dialog-title"
    >
      <DialogTitle id="system-control-dialog-title">
        {control
          ? `${control.controlId} ${control.title}`
          : 'Map a control to this AI system'}
      </DialogTitle>
      <DialogContent dividers>
        <Grid container spacing={2}>
          {!control && (
            <Grid item xs={12}>
              <Autocomplete
                id="system-control-pick"
                options={
                  ANNEX_A_CONTROLS.filter(
                    c => !mappedIds.includes(c.id),
                  ) as AnnexAControl[]
                }
                groupBy={c => `${c.categoryId} ${c.categoryTitle}`}
                getOptionLabel={c => `${c.id} ${c.title}`}
                getOptionSelected={(a, b) => a.id === b.id}
                value={picked}
                onChange={(_, v) => setPicked(v)}
                renderInput={params => (
                  <TextField
                    {...params}
                    label="Annex A control"
                    placeholder="Search controls, e.g. A.6.2.4"
                    error={showErrors && !!pickError}
                    helperText={showErrors ? pickError : undefined}
                  />
                )}
              />
            </Grid>
          )}
          <AppliesAndStatusFields
            idPrefix="system-control"
            appliesLabel="Applies to this system"
            applicable={applicable}
            onApplicable={setApplicable}
            status={status}
            onStatus={setStatus}
          />
          <Grid item xs={12}>
            <TextField
              id="system-control-how"
              label={applicable ? 'How it applies' : 'Why it does not apply'}
              fullWidth
              multiline
              minRows={3}
              value={how}
              onChange={e => setHow(e.target.value)}
              error={!!shown.how}
              helperText={
                shown.how ?? 'How the control is implemented for this system'
              }
            />
          </Grid>
          <Grid item xs={12}>
            <TextField
              id="system-control-owner"
              label="Owner"
              placeholder="Defaults to the AI system's owner"
              fullWidth
              value={owner}
              onChange={e => setOwner(e.target.value)}
              error={!!shown.owner}
              helperText={shown.owner}
            />
          </Grid>
        </Grid>
        <SaveProblems
          conflict={conflict}
          error={error}
          what="control mapping"
          errorTitle="Could not save the mapping"
          onReload={props.onReload}
        />
      </DialogContent>
      <DialogSaveActions
        saveLabel={control?.mapped ? 'Save mapping' : 'Map control'}
        busy={busy}
        conflict={conflict}
        onCancel={props.onClose}
        onSave={save}
      />
    </Dialog>
  );
}
