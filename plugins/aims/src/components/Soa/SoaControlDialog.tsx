import {
  Soa,
  SoaControlInput,
  SoaControlRow,
  validateSoaControlInput,
} from '@aims-backstage/backstage-plugin-aims-common';
import { useState } from 'react';
import {
  Checkbox,
  Dialog,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  Grid,
  TextField,
} from '@material-ui/core';
import { useApi } from '@backstage/frontend-plugin-api';
import { aimsApiRef } from '../../api';
import {
  DialogSaveActions,
  SaveProblems,
  useDialogSave,
} from '../common/DialogSave';
import { DocumentsEditor } from './DocumentsEditor';
import { problemsByField } from '../common/labels';
import { ImplementationStatusField } from './ImplementationStatusField';
import { SoaImplementationStatus } from './labels';

type Applicability = 'yes' | 'no' | 'undecided';

function toApplicability(a: boolean | null): Applicability {
  if (a === null) return 'undecided';
  return a ? 'yes' : 'no';
}

/**
 * Edit one Annex A control of the SoA: applicability with its justification (an exclusion
 * needs one and a review-by date before the SoA can be submitted), the contractual and
 * good-practice marks, implementation status, owner and documents. Saves to the draft (an
 * edit over an approved SoA starts a new draft); a stale revision shows the conflict.
 */
export function SoaControlDialog(props: {
  row: SoaControlRow;
  revision: number;
  onClose: () => void;
  onReload: () => void;
  onSaved: (soa: Soa) => void;
}) {
  const { row, revision } = props;
  const aimsApi = useApi(aimsApiRef);
  const [applicable, setApplicable] = useState<Applicability>(
    toApplicability(row.applicable),
  );
  const [justification, setJustification] = useState(row.justification);
  const [contractual, setContractual] = useState(row.contractual);
  const [goodPractice, setGoodPractice] = useState(row.goodPractice);
  const [status, setStatus] = useState<SoaImplementationStatus>(
    row.implementationStatus,
  );
  const [owner, setOwner] = useState(row.owner ?? '');
  const [reviewBy, setReviewBy] = useState(row.reviewBy ?? '');
  const [documents, setDocuments] = useState(row.documents);
  const [showErrors, setShowErrors] = useState(false);
  const { busy, error, conflict, run } = useDialogSave();

  const excluded = applicable === 'no';
  const input: SoaControlInput = {
    revision,
    applicable: applicable === 'undecided' ? null : applicable === 'yes',
    justification: justification.trim(),
    contractual,
    goodPractice,
    implementationStatus: excluded ? 'not-applicable' : status,
    owner: owner.trim() || null,
    reviewBy: excluded && reviewBy ? reviewBy : null,
    documents: documents.map(d => ({
      title: d.title.trim(),
      href: d.href.trim(),
    })),
  };
  const errors = problemsByField(validateSoaControlInput(input));
  const shown = showErrors ? errors : {};

  const save = async () => {
    if (Object.keys(errors).length) {
      setShowErrors(true);
      return;
    }
    await run(async () =>
      props.onSaved(await aimsApi.saveSoaControl(row.controlId, input)),
    );
  };

  return (
    <Dialog
      open
      onClose={props.onClose}
      fullWidth
      maxWidth="md"
      aria-labelledby="soa-control-dialog-title"
    >
      <DialogTitle id="soa-control-dialog-title">
        {row.controlId} {row.title}
      </DialogTitle>
      <DialogContent dividers>
        <Grid container spacing={2}>
          <Grid item xs={12} sm={4}>
            <TextField
              id="soa-applicable"
              select
              fullWidth
              SelectProps={{ native: true }}
              label="Applicable"
              value={applicable}
              onChange={e => setApplicable(e.target.value as Applicability)}
            >
              <option value="undecided">Undecided</option>
              <option value="yes">Yes</option>
              <option value="no">No (excluded)</option>
            </TextField>
          </Grid>
          <Grid item xs={12} sm={4}>
            <ImplementationStatusField
              id="soa-status"
              applicable={!excluded}
              value={status}
              onChange={setStatus}
            />
          </Grid>
          <Grid item xs={12} sm={4}>
            <TextField
              id="soa-review-by"
              label="Review exclusion by"
              type="date"
              fullWidth
              InputLabelProps={{ shrink: true }}
              value={reviewBy}
              disabled={!excluded}
              onChange={e => setReviewBy(e.target.value)}
              helperText={
                excluded && !reviewBy
                  ? 'Needed before the SoA can be submitted'
                  : undefined
              }
            />
          </Grid>
          <Grid item xs={12}>
            <TextField
              id="soa-justification"
              label={excluded ? 'Justification for excluding' : 'Justification'}
              fullWidth
              multiline
              minRows={3}
              value={justification}
              onChange={e => setJustification(e.target.value)}
              helperText={
                excluded && !justification.trim()
                  ? 'An exclusion needs a justification before the SoA can be submitted (ISO/IEC 42001 6.1.3 d)'
                  : 'Why the control is included or excluded'
              }
            />
          </Grid>
          <Grid item xs={12} sm={6}>
            <FormControlLabel
              control={
                <Checkbox
                  checked={contractual}
                  onChange={e => setContractual(e.target.checked)}
                  color="primary"
                />
              }
              label="Contractual or legal requirement"
            />
          </Grid>
          <Grid item xs={12} sm={6}>
            <FormControlLabel
              control={
                <Checkbox
                  checked={goodPractice}
                  onChange={e => setGoodPractice(e.target.checked)}
                  color="primary"
                />
              }
              label="Good practice"
            />
          </Grid>
          <Grid item xs={12}>
            <TextField
              id="soa-owner"
              label="Owner"
              placeholder="group:default/compliance"
              fullWidth
              value={owner}
              onChange={e => setOwner(e.target.value)}
              error={!!shown.owner}
              helperText={
                shown.owner ??
                'The catalog user or group that owns the control (they may edit its row and evidence)'
              }
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
        saveLabel="Save control"
        busy={busy}
        conflict={conflict}
        onCancel={props.onClose}
        onSave={save}
      />
    </Dialog>
  );
}
