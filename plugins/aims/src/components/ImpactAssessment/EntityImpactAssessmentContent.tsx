import { useState } from 'react';
import { Box, Button, Grid, Typography } from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import {
  AISystemEntity,
  EU_AI_ACT_TIERS,
  EuAiActTier,
  ImpactAssessmentContent,
  ImpactAssessmentOverview,
  ImpactAssessmentVersion,
  ImpactDimensionAssessment,
  RiskInput,
  aimsAssessmentApprovePermission,
  aimsAssessmentUpdatePermission,
  aimsRiskUpdatePermission,
  emptyImpactAssessmentContent,
  impactAssessmentStanding,
  mayApproveFourEyes,
  owesImpactAssessment,
} from '@aims-backstage/backstage-plugin-aims-common';
import { aimsApiRef } from '../../api';
import { ImpactAssessmentStatusChip } from '../chips';
import { Field } from '../common/Field';
import { StatusError } from '../common/StatusError';
import { ApproveOrReturn } from '../common/ApproveOrReturn';
import { ConflictAlert } from '../common/ConflictAlert';
import { useDialogSave } from '../common/DialogSave';
import { dimensionName, formatDate, formatTime } from '../common/labels';
import { sameRef, useCurrentUser } from '../common/useCurrentUser';
import { RiskDialog } from '../Risks/RiskDialog';
import { ImpactAssessmentContentView } from './ContentView';
import { ImpactAssessmentEditor } from './ImpactAssessmentEditor';
import { SourceNote, VersionHistory } from './VersionHistory';
import { ActorLink } from '../common/ActorLink';

/** Annotation naming the impact-assessment file in the repository (docs-as-code). */
export const IMPACT_ASSESSMENT_ANNOTATION = 'aims.dev/impact-assessment';

function entityTier(entity: Entity): EuAiActTier {
  const tier = (entity as AISystemEntity).spec?.euAiAct?.tier;
  return tier && (EU_AI_ACT_TIERS as readonly string[]).includes(tier)
    ? tier
    : 'unclassified';
}

function entityLifecycle(entity: Entity): string | undefined {
  return (entity as AISystemEntity).spec?.lifecycle;
}

function Summary(props: {
  overview: ImpactAssessmentOverview;
  lifecycle?: string;
  importAction?: JSX.Element;
}) {
  const { overview, lifecycle, importAction } = props;
  const { summary, latest, approved } = overview;
  const standing = impactAssessmentStanding({
    lifecycle,
    status: summary.status,
  });
  return (
    <InfoCard title="Impact assessment" action={importAction}>
      <Grid container spacing={2}>
        <Field label="Status" gridSizes={{ xs: 12, sm: 6, md: 3 }}>
          <ImpactAssessmentStatusChip
            status={summary.status}
            lifecycle={lifecycle}
          />
        </Field>
        <Field
          label="Approved by"
          gridSizes={{ xs: 12, sm: 6, md: 3 }}
          empty="Not approved yet"
        >
          {approved?.approvedBy && <ActorLink actor={approved.approvedBy} />}
        </Field>
        <Field
          label="Approved at"
          gridSizes={{ xs: 12, sm: 6, md: 3 }}
          empty="—"
        >
          {summary.approvedAt && formatTime(summary.approvedAt)}
        </Field>
        <Field
          label="Review due"
          gridSizes={{ xs: 12, sm: 6, md: 3 }}
          empty="—"
        >
          {summary.reviewDue && formatDate(summary.reviewDue)}
        </Field>
        {latest && (
          <Field label="Latest version">
            v{latest.version} ({latest.status}) by{' '}
            <ActorLink actor={latest.author} />, updated{' '}
            {formatTime(latest.updatedAt)}
            <SourceNote source={latest.source} />
          </Field>
        )}
        {overview.fundamentalRightsAssessmentRequired && (
          <Grid item xs={12}>
            <Alert severity="warning" data-testid="fria-notice">
              EU AI Act Art. 27 fundamental rights impact assessment required:
              this high-risk system is deployed by the organisation, so a
              fundamental rights impact assessment must be carried out before it
              is put into use.
            </Alert>
          </Grid>
        )}
        {standing === 'review-overdue' && (
          <Grid item xs={12}>
            <Alert severity="error">
              The approved assessment passed its review date; revise and
              re-approve it.
            </Alert>
          </Grid>
        )}
      </Grid>
    </InfoCard>
  );
}

function ReviewActions(props: {
  entityRef: string;
  version: ImpactAssessmentVersion;
  canApprove: boolean;
  /** Why the user may not approve this version (four eyes), if they may not. */
  fourEyes: string | undefined;
  onDone: () => void;
}) {
  const { entityRef, version, canApprove, fourEyes, onDone } = props;
  const aimsApi = useApi(aimsApiRef);
  const { busy, error, conflict, run } = useDialogSave();

  const transition = (action: 'approve' | 'return', reason?: string) =>
    run(async () => {
      await aimsApi.transitionImpactAssessment(entityRef, {
        action,
        revision: version.revision,
        ...(action === 'return' ? { reason } : {}),
      });
      onDone();
    });

  return (
    <Box mt={2}>
      {conflict && <ConflictAlert what="assessment" onReload={onDone} />}
      {error && (
        <ResponseErrorPanel error={error} title="The review action failed" />
      )}
      <Box display="flex" alignItems="center" style={{ gap: 8 }}>
        <ApproveOrReturn
          mayApprove={canApprove}
          fourEyes={fourEyes}
          busy={busy}
          onApprove={() => transition('approve')}
          onReturn={reason => transition('return', reason)}
          reasonFieldId="return-reason"
          reasonHelp="Tell the author what to change."
        />
      </Box>
    </Box>
  );
}

function ImportButton(props: {
  entityRef: string;
  onDone: () => void;
  onError: (e?: Error) => void;
}) {
  const aimsApi = useApi(aimsApiRef);
  const [busy, setBusy] = useState(false);
  return (
    <Button
      variant="outlined"
      color="primary"
      disabled={busy}
      onClick={async () => {
        setBusy(true);
        props.onError(undefined);
        try {
          await aimsApi.importImpactAssessment(props.entityRef);
          props.onDone();
        } catch (e) {
          props.onError(e as Error);
        } finally {
          setBusy(false);
        }
      }}
    >
      {busy ? 'Importing…' : 'Import from repository'}
    </Button>
  );
}

/** A risk prefilled from a negative impact-assessment row. */
function riskFromDimension(
  row: ImpactDimensionAssessment,
  version: number,
): Partial<RiskInput> {
  return {
    title: `${dimensionName(row.dimension)}: ${
      row.description || 'negative impact'
    }`.slice(0, 200),
    description: [
      row.description,
      row.mitigation && `Mitigation: ${row.mitigation}`,
    ]
      .filter(Boolean)
      .join('\n'),
    source: { impactAssessmentVersion: version, dimension: row.dimension },
    ...(row.severity && row.likelihood
      ? { inherent: { likelihood: row.likelihood, impact: row.severity } }
      : {}),
    ...(row.residualSeverity && row.residualLikelihood
      ? {
          residual: {
            likelihood: row.residualLikelihood,
            impact: row.residualSeverity,
          },
        }
      : {}),
  };
}

/**
 * Why the signed-in user may not approve `version`, by the shared four-eyes rule (the backend
 * applies the same one): they wrote part of it or submitted it. While the identity loads the
 * user is unknown, and Approve is not offered yet.
 */
export function approveRefusal(
  user: string | undefined,
  version: ImpactAssessmentVersion,
): string | undefined {
  if (!user) return 'Checking who you are…';
  if (mayApproveFourEyes(user, version)) return undefined;
  return sameRef(user, version.submittedBy)
    ? 'You submitted this version, so another approver must approve it (four-eyes principle).'
    : 'You wrote part of this version, so another approver must approve it (four-eyes principle).';
}

/**
 * The "Impact assessment" tab of an AI system: where the assessment stands, the approved
 * version, the draft or review in progress with the workflow actions the user may take, and
 * the version history with a field-level compare.
 */
export function ImpactAssessmentTab(props: { entity: Entity }) {
  const { entity } = props;
  const entityRef = stringifyEntityRef(entity);
  const aimsApi = useApi(aimsApiRef);
  const overview = useAsyncRetry(
    () => aimsApi.getImpactAssessment(entityRef),
    [aimsApi, entityRef],
  );
  const update = usePermission({
    permission: aimsAssessmentUpdatePermission,
    resourceRef: entityRef,
  });
  const approve = usePermission({
    permission: aimsAssessmentApprovePermission,
  });
  const riskUpdate = usePermission({
    permission: aimsRiskUpdatePermission,
    resourceRef: entityRef,
  });
  const user = useCurrentUser();
  const [starting, setStarting] = useState<{
    content: ImpactAssessmentContent;
    revision?: number;
  }>();
  const [importError, setImportError] = useState<Error>();
  const [raise, setRaise] = useState<Partial<RiskInput>>();
  const [raised, setRaised] = useState<string>();
  const [editorKey, setEditorKey] = useState(0);

  const reload = () => {
    setStarting(undefined);
    setEditorKey(k => k + 1);
    overview.retry();
  };

  if (overview.loading && !overview.value) return <Progress />;
  if (overview.error) {
    return (
      <StatusError
        error={overview.error}
        notFoundText="AIMS does not know this AI system yet."
      />
    );
  }
  const value = overview.value!;
  const { latest, approved } = value;
  const canUpdate = update.allowed;
  const hasAnnotation =
    !!entity.metadata.annotations?.[IMPACT_ASSESSMENT_ANNOTATION];
  const importAction =
    canUpdate && hasAnnotation ? (
      <ImportButton
        entityRef={entityRef}
        onDone={reload}
        onError={setImportError}
      />
    ) : undefined;

  const editor = (
    initial: ImpactAssessmentContent,
    revision: number | undefined,
    cancel?: () => void,
  ) => (
    <ImpactAssessmentEditor
      key={`${editorKey}-${revision ?? 'new'}`}
      entityRef={entityRef}
      initial={initial}
      revision={revision}
      draft={latest?.status === 'draft' ? latest : null}
      onSaved={() => {
        setStarting(undefined);
        overview.retry();
      }}
      onReload={reload}
      onCancel={cancel}
    />
  );

  let main: JSX.Element;
  if (starting) {
    main = (
      <InfoCard
        title={
          starting.revision === undefined
            ? 'New impact assessment'
            : `Revision of v${latest?.version}`
        }
      >
        {editor(starting.content, starting.revision, () =>
          setStarting(undefined),
        )}
      </InfoCard>
    );
  } else if (!latest && !owesImpactAssessment(entityLifecycle(entity))) {
    main = (
      <EmptyState
        missing="info"
        title="No impact assessment required"
        description={`This AI system is ${entityLifecycle(
          entity,
        )}: it no longer affects individuals, groups or society, so it owes no impact assessment (ISO/IEC 42001 A.5.2 applies to systems in use).`}
      />
    );
  } else if (!latest) {
    main = (
      <EmptyState
        missing="content"
        title="This AI system has no impact assessment"
        description={
          <>
            ISO/IEC 42001 clause 6.1.4 and control A.5.2 require an assessment
            of the potential consequences of the AI system for individuals,
            groups and society before it is used, reviewed at planned intervals.
            Without one the system is a major nonconformity.{' '}
            {canUpdate
              ? 'Start one here, or import it from the repository if it is kept as code.'
              : 'Ask the owner of the AI system to start one.'}
          </>
        }
        action={
          canUpdate ? (
            <Box display="flex" style={{ gap: 8 }}>
              <Button
                variant="contained"
                color="primary"
                onClick={() =>
                  setStarting({
                    content: emptyImpactAssessmentContent(entityTier(entity)),
                  })
                }
              >
                Start impact assessment
              </Button>
              {importAction}
            </Box>
          ) : undefined
        }
      />
    );
  } else if (latest.status === 'draft') {
    main = (
      <InfoCard
        title={`Draft v${latest.version}`}
        subheader={
          latest.source ? <SourceNote source={latest.source} /> : undefined
        }
      >
        {canUpdate ? (
          editor(latest.content, latest.revision)
        ) : (
          <>
            <Box mb={2}>
              <Alert severity="info">
                This draft is being edited by the system's owners.
              </Alert>
            </Box>
            <ImpactAssessmentContentView content={latest.content} />
          </>
        )}
      </InfoCard>
    );
  } else if (latest.status === 'in-review') {
    main = (
      <InfoCard title={`In review: v${latest.version}`}>
        <Typography variant="body2" color="textSecondary" gutterBottom>
          Submitted by {latest.submittedBy ?? latest.author}
          {latest.submittedAt ? ` at ${formatTime(latest.submittedAt)}` : ''}.
        </Typography>
        <SourceNote source={latest.source} />
        <ImpactAssessmentContentView content={latest.content} />
        <ReviewActions
          entityRef={entityRef}
          version={latest}
          canApprove={approve.allowed}
          fourEyes={approveRefusal(user, latest)}
          onDone={reload}
        />
      </InfoCard>
    );
  } else {
    main = (
      <InfoCard
        title={`Approved version v${latest.version}`}
        subheader={
          latest.source ? <SourceNote source={latest.source} /> : undefined
        }
        action={
          canUpdate ? (
            <Button
              variant="outlined"
              color="primary"
              onClick={() =>
                setStarting({
                  content: latest.content,
                  revision: latest.revision,
                })
              }
            >
              Start a revision
            </Button>
          ) : undefined
        }
      >
        <ImpactAssessmentContentView
          content={latest.content}
          onRaiseRisk={
            riskUpdate.allowed
              ? row => setRaise(riskFromDimension(row, latest.version))
              : undefined
          }
        />
      </InfoCard>
    );
  }

  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <Summary
          overview={value}
          lifecycle={entityLifecycle(entity)}
          importAction={latest ? importAction : undefined}
        />
        {importError && (
          <Box mt={2}>
            <ResponseErrorPanel
              error={importError}
              title="Import from the repository failed"
            />
          </Box>
        )}
        {raised && (
          <Box mt={2}>
            <Alert severity="success" onClose={() => setRaised(undefined)}>
              Risk “{raised}” added to the register (Risks tab).
            </Alert>
          </Box>
        )}
      </Grid>
      <Grid item xs={12}>
        {main}
      </Grid>
      {approved && latest && approved.version !== latest.version && (
        <Grid item xs={12}>
          <InfoCard
            title={`Approved version v${approved.version} (in force)`}
            subheader={<SourceNote source={approved.source} />}
          >
            <ImpactAssessmentContentView
              content={approved.content}
              onRaiseRisk={
                riskUpdate.allowed
                  ? row => setRaise(riskFromDimension(row, approved.version))
                  : undefined
              }
            />
          </InfoCard>
        </Grid>
      )}
      {value.versions.length > 0 && (
        <Grid item xs={12}>
          <VersionHistory entityRef={entityRef} versions={value.versions} />
        </Grid>
      )}
      {raise && (
        <RiskDialog
          open
          aiSystemRef={entityRef}
          prefill={raise}
          onClose={() => setRaise(undefined)}
          onSaved={r => {
            setRaise(undefined);
            setRaised(r.title);
          }}
        />
      )}
    </Grid>
  );
}

/**
 * Entity content for AISystem pages: the impact assessment (ISO/IEC 42001 clause 6.1.4,
 * A.5.2–A.5.5) with its workflow.
 *
 * @public
 */
export function EntityImpactAssessmentContent() {
  const { entity } = useEntity();
  return <ImpactAssessmentTab entity={entity} />;
}
