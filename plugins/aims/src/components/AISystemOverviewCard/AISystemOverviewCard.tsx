import { InfoCard, Progress, WarningPanel } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  EntityRefLink,
  EntityRefLinks,
  useEntity,
} from '@backstage/plugin-catalog-react';
import {
  Entity,
  RELATION_DEPENDENCY_OF,
  RELATION_DEPENDS_ON,
} from '@backstage/catalog-model';
import {
  Box,
  Grid,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@material-ui/core';
import useAsync from 'react-use/esm/useAsync';
import {
  AISystemEntity,
  AISystemStatus,
  getAnnexIIIArea,
  getEuAiActTier,
  isAISystemEntity,
  resolveAISystemRefs,
} from '@aims-backstage/backstage-plugin-aims-common';
import { aimsApiRef } from '../../api';
import {
  EuAiActTierChip,
  HealthChip,
  ImpactAssessmentStatusChip,
} from '../chips';
import { Field } from '../common/Field';
import { StatusError } from '../common/StatusError';

const ROLE_LABELS: Record<string, string> = {
  provider: 'Provider',
  deployer: 'Deployer',
  'provider-and-deployer': 'Provider and deployer',
};

function relationTargets(
  entity: Pick<Entity, 'relations'>,
  type: string,
): string[] | undefined {
  if (!entity.relations) return undefined;
  return entity.relations.filter(r => r.type === type).map(r => r.targetRef);
}

function LiveStatus(props: { entityRef: string }) {
  const aimsApi = useApi(aimsApiRef);
  const { entityRef } = props;
  const { value, loading, error } = useAsync(
    () => aimsApi.getStatus(entityRef),
    [aimsApi, entityRef],
  );
  if (loading) return <Progress />;
  if (error) {
    return (
      <StatusError
        error={error}
        notFoundText="AIMS has no status for this AI system yet."
      />
    );
  }
  const status = value as AISystemStatus | undefined;
  if (!status || !status.impactAssessment) return null;
  return (
    <Grid container spacing={2}>
      <Field label="Impact assessment" gridSizes={{ xs: 12, sm: 4 }}>
        <ImpactAssessmentStatusChip
          status={status.impactAssessment.status}
          lifecycle={status.lifecycle}
        />
        {status.impactAssessment.reviewDue && (
          <Typography variant="caption" display="block">
            Review due {status.impactAssessment.reviewDue.slice(0, 10)}
          </Typography>
        )}
      </Field>
      <Field label="AIMS health" gridSizes={{ xs: 12, sm: 4 }}>
        <HealthChip health={status.health} />
      </Field>
      <Field label="Open findings" gridSizes={{ xs: 12, sm: 4 }}>
        <span data-testid="open-findings">
          {status.findings.open}
          {status.findings.critical + status.findings.high > 0 &&
            ` (${status.findings.critical} critical, ${status.findings.high} high)`}
        </span>
      </Field>
    </Grid>
  );
}

/** The content of the overview card for a given AISystem entity. */
export function AISystemOverview(props: { entity: AISystemEntity }) {
  const { entity } = props;
  const { spec } = entity;
  const refs = resolveAISystemRefs(entity);
  const tier = getEuAiActTier(entity);
  const annexArea = spec.euAiAct?.annexIIIArea
    ? getAnnexIIIArea(spec.euAiAct.annexIIIArea)
    : undefined;
  const servedBy =
    relationTargets(entity, RELATION_DEPENDENCY_OF) ?? refs.dependencyOf;
  const dependsOn =
    relationTargets(entity, RELATION_DEPENDS_ON) ?? refs.dependsOn;
  const models = spec.models ?? [];

  return (
    <Grid container spacing={2}>
      <Field label="Purpose">{spec.purpose}</Field>
      <Field label="Owner" gridSizes={{ xs: 12, sm: 6, lg: 4 }}>
        <EntityRefLink entityRef={refs.owner} defaultKind="group" />
      </Field>
      <Field label="Role" gridSizes={{ xs: 12, sm: 6, lg: 4 }}>
        {ROLE_LABELS[spec.role] ?? spec.role}
      </Field>
      <Field label="Type" gridSizes={{ xs: 12, sm: 6, lg: 4 }}>
        {spec.type}
      </Field>
      <Field label="Lifecycle" gridSizes={{ xs: 12, sm: 6, lg: 4 }}>
        {spec.lifecycle}
      </Field>
      <Field label="EU AI Act tier" gridSizes={{ xs: 12, sm: 6, lg: 8 }}>
        <EuAiActTierChip tier={tier} />
        {spec.euAiAct?.annexIIIArea && (
          <Typography
            variant="body2"
            component="span"
            data-testid="annex-iii-area"
          >
            {' '}
            Annex III {spec.euAiAct.annexIIIArea}
            {annexArea ? `: ${annexArea.name}` : ''}
          </Typography>
        )}
      </Field>
      <Field label="Human oversight" empty="Not declared">
        {spec.humanOversight}
      </Field>
      <Field label="Models" empty="No models declared">
        {models.length > 0 && (
          <ul style={{ margin: 0, paddingLeft: 20 }}>
            {models.map(m => (
              <li key={`${m.name}@${m.version}`}>
                {m.name}
                {m.version ? ` ${m.version}` : ''}
                {m.provider ? ` (${m.provider})` : ''}
              </li>
            ))}
          </ul>
        )}
      </Field>
      <Field label="Used by services" empty="No services declared">
        {servedBy.length > 0 && (
          <EntityRefLinks entityRefs={servedBy} defaultKind="component" />
        )}
      </Field>
      <Field label="Depends on" empty="No datasets or dependencies declared">
        {dependsOn.length > 0 && (
          <EntityRefLinks entityRefs={dependsOn} defaultKind="resource" />
        )}
      </Field>
      <Field label="Declared deployments" empty="No deployments declared">
        {refs.deployments.length > 0 && (
          <Table size="small" aria-label="Declared deployments">
            <TableHead>
              <TableRow>
                <TableCell>Environment</TableCell>
                <TableCell>Service</TableCell>
                <TableCell>Model</TableCell>
                <TableCell>Version</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {refs.deployments.flatMap((d, i) =>
                (d.components.length > 0 ? d.components : [undefined]).map(
                  c => (
                    <TableRow key={`${i}-${c ?? ''}`}>
                      <TableCell>{d.environment}</TableCell>
                      <TableCell>
                        {c ? <EntityRefLink entityRef={c} /> : '—'}
                      </TableCell>
                      <TableCell>{d.model ?? '—'}</TableCell>
                      <TableCell>{d.version ?? '—'}</TableCell>
                    </TableRow>
                  ),
                ),
              )}
            </TableBody>
          </Table>
        )}
      </Field>
      <Grid item xs={12}>
        <Box mt={1}>
          <Typography variant="h6" gutterBottom>
            AIMS status
          </Typography>
          <LiveStatus entityRef={refs.self} />
        </Box>
      </Grid>
    </Grid>
  );
}

/**
 * Overview card for AISystem entity pages: the inventory record and its live AIMS status.
 *
 * @public
 */
export function AISystemOverviewCard(props: { title?: string }) {
  const { entity } = useEntity();
  return (
    <InfoCard title={props.title ?? 'AI system'}>
      {isAISystemEntity(entity) ? (
        <AISystemOverview entity={entity} />
      ) : (
        <WarningPanel
          title="Not an AI system"
          message={`This card shows AISystem entities; ${entity.kind} ${entity.metadata.name} is not one.`}
        />
      )}
    </InfoCard>
  );
}
