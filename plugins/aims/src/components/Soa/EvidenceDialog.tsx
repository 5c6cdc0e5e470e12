import {
  Evidence,
  EvidenceInput,
  validateEvidenceInput,
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
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { aimsApiRef } from '../../api';
import {
  DialogSaveActions,
  SaveProblems,
  useDialogSave,
} from '../common/DialogSave';
import { problemsByField } from '../common/labels';
import { EVIDENCE_STATUS_LABELS, EvidenceStatus } from './labels';

type Draft = {
  title: string;
  href: string;
  reference: string;
  collectedAt: string;
  expiresAt: string;
  status: Exclude<EvidenceStatus, 'expired'>;
  liveSource: string;
};

function initial(item?: Evidence): Draft {
  return {
    title: item?.title ?? '',
    href: item?.href ?? '',
    reference: item?.reference ?? '',
    collectedAt: (item?.collectedAt ?? new Date().toISOString()).slice(0, 10),
    expiresAt: item?.expiresAt?.slice(0, 10) ?? '',
    // an expired item is sent back as draft: expired is the scheduled job's to set
    status:
      item && item.status !== 'expired' ? item.status : ('draft' as const),
    liveSource: item?.live?.id ?? '',
  };
}

/** What goes over the wire for the form's state. */
function toInput(d: Draft, live: boolean): EvidenceInput {
  return {
    title: d.title.trim(),
    href: d.href.trim() || null,
    reference: d.reference.trim() || null,
    collectedAt: d.collectedAt,
    expiresAt: d.expiresAt || null,
    status: d.status,
    live: live ? { kind: 'deployment-source', id: d.liveSource } : null,
  };
}

/** The shared rules' problems by field, and a live item's missing source. */
function problems(d: Draft, live: boolean): Record<string, string> {
  const p = problemsByField(validateEvidenceInput(toInput(d, live)));
  if (live && !d.liveSource) p.liveSource = 'pick a deployment source';
  return p;
}

/**
 * Add or change an evidence item of a control (organisation-wide, or of one AI system): a
 * link or a reference, when it was collected and expires, its status (approved and rejected
 * need aims.soa.approve), or live evidence — a deployment source that keeps it current while
 * healthy.
 */
export function EvidenceDialog(props: {
  controlId: string;
  controlTitle?: string;
  aiSystemRef?: string | null;
  item?: Evidence;
  mayApprove: boolean;
  onClose: () => void;
  onSaved: (item: Evidence) => void;
}) {
  const { controlId, controlTitle, aiSystemRef, item, mayApprove } = props;
  const aimsApi = useApi(aimsApiRef);
  const [draft, setDraft] = useState<Draft>(() => initial(item));
  const [live, setLive] = useState(!!item?.live);
  const [showErrors, setShowErrors] = useState(false);
  const { busy, error, conflict, run } = useDialogSave();
  const sources = useAsync(
    async () => (live ? (await aimsApi.getSources()).items : []),
    [aimsApi, live],
  );
  const errs = problems(draft, live);
  const err = (field: string) => (showErrors ? errs[field] : undefined);
  const set = (patch: Partial<Draft>) => setDraft(d => ({ ...d, ...patch }));
  const statuses: Draft['status'][] = mayApprove
    ? ['draft', 'in-review', 'approved', 'rejected']
    : ['draft', 'in-review'];
  // an approver's decision stays visible (and kept) for someone who may not change it
  if (!statuses.includes(draft.status)) statuses.push(draft.status);

  const save = async () => {
    if (Object.keys(errs).length) {
      setShowErrors(true);
      return;
    }
    const input = toInput(draft, live);
    await run(async () => {
      const saved = item
        ? await aimsApi.updateEvidence(item.id, {
            ...input,
            revision: item.revision,
          })
        : await aimsApi.createEvidence({
            ...input,
            controlId,
            aiSystemRef: aiSystemRef ?? null,
          });
      props.onSaved(saved);
    });
  };

  return (
    <Dialog
      open
      onClose={props.onClose}
      fullWidth
      maxWidth="sm"
      aria-labelledby="evidence-dialog-title"
    >
      <DialogTitle id="evidence-dialog-title">
        {item ? 'Edit evidence' : 'Add evidence'} — {controlId}
        {controlTitle ? ` ${controlTitle}` : ''}
      </DialogTitle>
      <DialogContent dividers>
        <Grid container spacing={2}>
          <Grid item xs={12}>
            <TextField
              id="evidence-title"
              label="Title"
              fullWidth
              required
              value={draft.title}
              onChange={e => set({ title: e.target.value })}
              error={!!err('title')}
              helperText={err('title')}
            />
          </Grid>
          <Grid item xs={12}>
            <FormControlLabel
              control={
                <Checkbox
                  checked={live}
                  onChange={e => setLive(e.target.checked)}
                  color="primary"
                />
              }
              label="Live evidence: a deployment source (current while it is healthy)"
            />
          </Grid>
          {live ? (
            <Grid item xs={12}>
              {sources.loading && <Progress />}
              {sources.error && (
                <ResponseErrorPanel
                  error={sources.error}
                  title="Could not load the deployment sources"
                />
              )}
              {sources.value && (
                <TextField
                  id="evidence-live-source"
                  select
                  fullWidth
                  SelectProps={{ native: true }}
                  InputLabelProps={{ shrink: true }}
                  label="Deployment source"
                  value={draft.liveSource}
                  onChange={e => set({ liveSource: e.target.value })}
                  error={!!err('liveSource')}
                  helperText={
                    err('liveSource') ??
                    (sources.value.length
                      ? undefined
                      : 'No deployment sources are configured.')
                  }
                >
                  <option value="">—</option>
                  {sources.value.map(s => (
                    <option key={s.id} value={s.id}>
                      {s.id} ({s.status})
                    </option>
                  ))}
                </TextField>
              )}
            </Grid>
          ) : null}
          <Grid item xs={12}>
            <TextField
              id="evidence-href"
              label="Link"
              placeholder="https://…"
              fullWidth
              value={draft.href}
              onChange={e => set({ href: e.target.value })}
              error={!!err('href')}
              helperText={err('href')}
            />
          </Grid>
          <Grid item xs={12}>
            <TextField
              id="evidence-reference"
              label="Reference (when there is no link)"
              placeholder="Ticket, document number, …"
              fullWidth
              value={draft.reference}
              onChange={e => set({ reference: e.target.value })}
            />
          </Grid>
          <Grid item xs={6}>
            <TextField
              id="evidence-collected-at"
              label="Collected at"
              type="date"
              fullWidth
              required
              InputLabelProps={{ shrink: true }}
              value={draft.collectedAt}
              onChange={e => set({ collectedAt: e.target.value })}
              error={!!err('collectedAt')}
              helperText={err('collectedAt')}
            />
          </Grid>
          <Grid item xs={6}>
            <TextField
              id="evidence-expires-at"
              label="Expires at"
              type="date"
              fullWidth
              InputLabelProps={{ shrink: true }}
              value={draft.expiresAt}
              onChange={e => set({ expiresAt: e.target.value })}
              error={!!err('expiresAt')}
              helperText={err('expiresAt') ?? 'Leave empty if it does not'}
            />
          </Grid>
          <Grid item xs={12}>
            <TextField
              id="evidence-status"
              select
              fullWidth
              SelectProps={{ native: true }}
              label="Status"
              value={draft.status}
              onChange={e => set({ status: e.target.value as Draft['status'] })}
              helperText={
                mayApprove
                  ? undefined
                  : 'An approver (aims.soa.approve) approves or rejects evidence.'
              }
              disabled={
                !mayApprove && ['approved', 'rejected'].includes(draft.status)
              }
            >
              {statuses.map(s => (
                <option key={s} value={s}>
                  {EVIDENCE_STATUS_LABELS[s]}
                </option>
              ))}
            </TextField>
          </Grid>
        </Grid>
        <SaveProblems
          conflict={conflict}
          error={error}
          what="evidence"
          errorTitle="Could not save the evidence"
          onReload={props.onClose}
        />
      </DialogContent>
      <DialogSaveActions
        fixHint={
          showErrors && Object.keys(errs).length > 0
            ? 'Fix the marked fields to save.'
            : undefined
        }
        saveLabel={item ? 'Save evidence' : 'Add evidence'}
        busy={busy}
        conflict={conflict}
        onCancel={props.onClose}
        onSave={save}
      />
    </Dialog>
  );
}
