import {
  InfoCard,
  Link,
  Progress,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { Box, Typography } from '@material-ui/core';
import useAsync from 'react-use/esm/useAsync';
import {
  AISystemStatus,
  ComponentStatus,
  NO_FINDINGS,
} from '@aims-backstage/backstage-plugin-aims-common';
import { aimsApiRef } from '../../api';
import {
  EuAiActTierChip,
  HealthChip,
  ImpactAssessmentStatusChip,
} from '../chips';
import { StatusError } from '../common/StatusError';
import { FindingsCell } from '../common/FindingsCell';

const columns: TableColumn<AISystemStatus>[] = [
  {
    title: 'AI system',
    field: 'title',
    highlight: true,
    // names wrap between words, never inside them
    cellStyle: { minWidth: 180, wordBreak: 'normal' },
    render: row => (
      <EntityRefLink entityRef={row.entityRef} hideIcon>
        {row.title}
      </EntityRefLink>
    ),
  },
  { title: 'Type', field: 'type' },
  {
    title: 'EU AI Act tier',
    field: 'euAiActTier',
    render: row => <EuAiActTierChip tier={row.euAiActTier} />,
  },
  { title: 'Lifecycle', field: 'lifecycle' },
  {
    title: 'Impact assessment',
    field: 'impactAssessment.status',
    render: row => (
      <ImpactAssessmentStatusChip status={row.impactAssessment.status} />
    ),
  },
  {
    title: 'Open findings',
    field: 'findings.open',
    type: 'numeric',
    render: row => <FindingsCell findings={row.findings} />,
  },
  {
    title: 'Health',
    field: 'health',
    render: row => <HealthChip health={row.health} />,
  },
];

const TITLE = 'AI systems';

function EmptyState() {
  return (
    <Box data-testid="aims-no-ai-systems">
      <Typography variant="body1" gutterBottom>
        This service uses no registered AI systems.
      </Typography>
      <Typography variant="body2" color="textSecondary">
        If it does use AI (a model, an LLM API, an agent), register an AISystem entity with{' '}
        <code>spec.dependencyOf</code> naming this service, or add{' '}
        <code>aisystem:&lt;name&gt;</code> to this component's{' '}
        <code>spec.dependsOn</code>. See{' '}
        <Link to="https://www.iso.org/standard/81230.html">ISO/IEC 42001</Link> A.4 / A.6
        for why the inventory matters.
      </Typography>
    </Box>
  );
}

/** Presentational part: the table for a known status, or the empty state. */
export function AISystemsTable(props: { status: ComponentStatus }) {
  const { status } = props;
  if (!status.aiSystems || status.aiSystems.length === 0) {
    return (
      <InfoCard title={TITLE}>
        <EmptyState />
      </InfoCard>
    );
  }
  return (
    <Table<AISystemStatus>
      title={TITLE}
      subtitle="Registered AI systems this service uses"
      columns={columns}
      data={status.aiSystems}
      options={{ paging: false, search: false, padding: 'dense' }}
    />
  );
}

/**
 * Entity card for Component pages: the AI systems the service uses with their impact
 * assessment status, EU AI Act tier and open findings.
 *
 * @public
 */
export function EntityAISystemsCard() {
  const { entity } = useEntity();
  const aimsApi = useApi(aimsApiRef);
  const entityRef = stringifyEntityRef(entity);
  const { value, loading, error } = useAsync(
    () => aimsApi.getStatus(entityRef),
    [aimsApi, entityRef],
  );

  if (loading) {
    return (
      <InfoCard title={TITLE}>
        <Progress />
      </InfoCard>
    );
  }
  if (error) {
    return (
      <InfoCard title={TITLE}>
        <StatusError
          error={error}
          notFoundText="AIMS does not know this entity yet."
        />
      </InfoCard>
    );
  }
  const status = value as ComponentStatus | undefined;
  return (
    <AISystemsTable
      status={
        status ?? {
          entityRef,
          kind: entity.kind,
          aiSystems: [],
          findings: NO_FINDINGS,
          health: 'not-applicable',
        }
      }
    />
  );
}
