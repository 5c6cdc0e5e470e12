import { ReactNode } from 'react';
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
import { ServiceMonitoringFindings } from '../Monitoring/ServiceMonitoringFindings';
import { useElementWidth } from '../common/useElementWidth';
import { MonitoringSummaryCell } from '../Monitoring/MonitoringSummaryCell';

// Six columns, type and lifecycle under the name: the card sits in the entity page's content
// column (two thirds of the page), where seven columns ran past its right edge at 1440px.
// Cells wrap between words only, never inside one ("llm-applicati on").
const cellStyle = { wordBreak: 'normal', overflowWrap: 'normal' } as const;
const headerStyle = { wordBreak: 'normal', overflowWrap: 'normal' } as const;

/** "7/12 controls evidenced": applicable controls implemented with current evidence. */
function ControlsEvidenced(props: { controls: AISystemStatus['controls'] }) {
  const { applicable = 0, implementedWithEvidence = 0 } = props.controls ?? {};
  return (
    <Typography
      variant="body2"
      component="span"
      data-testid="ai-system-controls"
      color={applicable ? 'textPrimary' : 'textSecondary'}
      style={{ whiteSpace: 'nowrap' }}
      title={
        applicable
          ? `${implementedWithEvidence} of ${applicable} applicable controls implemented with current evidence`
          : 'No controls mapped to this AI system yet'
      }
    >
      {applicable
        ? `${implementedWithEvidence}/${applicable} controls evidenced`
        : 'No controls mapped'}
    </Typography>
  );
}

const columns: TableColumn<AISystemStatus>[] = [
  {
    title: 'AI system',
    field: 'title',
    highlight: true,
    cellStyle: { ...cellStyle, minWidth: 160 },
    headerStyle,
    render: row => (
      <>
        <EntityRefLink entityRef={row.entityRef} hideIcon>
          {row.title}
        </EntityRefLink>
        <Typography
          variant="caption"
          color="textSecondary"
          display="block"
          data-testid="ai-system-kind"
        >
          {row.type} · {row.lifecycle}
        </Typography>
        <Typography variant="caption" display="block">
          <ControlsEvidenced controls={row.controls} />
        </Typography>
      </>
    ),
  },
  {
    title: 'EU AI Act tier',
    field: 'euAiActTier',
    cellStyle,
    headerStyle,
    render: row => <EuAiActTierChip tier={row.euAiActTier} />,
  },
  {
    title: 'Impact assessment',
    field: 'impactAssessment.status',
    cellStyle,
    headerStyle,
    render: row => (
      <ImpactAssessmentStatusChip
        status={row.impactAssessment.status}
        lifecycle={row.lifecycle}
      />
    ),
  },
  {
    title: 'Open findings',
    field: 'findings.open',
    cellStyle,
    headerStyle,
    render: row => <FindingsCell findings={row.findings} stacked />,
  },
  {
    title: 'Monitoring',
    field: 'monitoring.status',
    cellStyle,
    headerStyle,
    render: row => (
      <MonitoringSummaryCell summary={row.monitoring} showLatest />
    ),
  },
  {
    title: 'Health',
    field: 'health',
    cellStyle,
    headerStyle,
    render: row => <HealthChip health={row.health} />,
  },
];

/** "Label: value" for the one-column layout of a narrow card. */
function Labelled(props: { label: string; children: ReactNode }) {
  return (
    <Box display="inline-flex" alignItems="center" style={{ gap: 4 }}>
      <Typography
        variant="caption"
        color="textSecondary"
        style={{ whiteSpace: 'nowrap' }}
      >
        {props.label}
      </Typography>
      {props.children}
    </Box>
  );
}

/**
 * Below this card width the six columns no longer fit (the card in the service page's
 * two-thirds column at 1440 px is about 780 px: the monitoring sparklines and the health
 * column were cut off there): the status facts then wrap in one column.
 */
export const NARROW_CARD_WIDTH = 1000;

const narrowColumns: TableColumn<AISystemStatus>[] = [
  columns[0],
  {
    title: 'AIMS status',
    field: 'health',
    cellStyle,
    headerStyle,
    render: row => (
      <Box
        display="flex"
        flexWrap="wrap"
        alignItems="center"
        style={{ gap: 8 }}
        data-testid="ai-system-status-facts"
      >
        <Labelled label="EU AI Act">
          <EuAiActTierChip tier={row.euAiActTier} />
        </Labelled>
        <Labelled label="Impact assessment">
          <ImpactAssessmentStatusChip
            status={row.impactAssessment.status}
            lifecycle={row.lifecycle}
          />
        </Labelled>
        <Labelled label="Open findings">
          <FindingsCell findings={row.findings} />
        </Labelled>
        <Labelled label="Monitoring">
          <MonitoringSummaryCell summary={row.monitoring} showLatest />
        </Labelled>
        <Labelled label="Health">
          <HealthChip health={row.health} />
        </Labelled>
      </Box>
    ),
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
        If it does use AI (a model, an LLM API, an agent), register an AISystem
        entity with <code>spec.dependencyOf</code> naming this service, or add{' '}
        <code>aisystem:&lt;name&gt;</code> to this component's{' '}
        <code>spec.dependsOn</code>. See{' '}
        <Link to="https://www.iso.org/standard/81230.html">ISO/IEC 42001</Link>{' '}
        A.4 / A.6 for why the inventory matters.
      </Typography>
    </Box>
  );
}

/** Presentational part: the table for a known status, or the empty state. */
export function AISystemsTable(props: { status: ComponentStatus }) {
  const { status } = props;
  const [measure, width] = useElementWidth<HTMLDivElement>();
  if (!status.aiSystems || status.aiSystems.length === 0) {
    return (
      <InfoCard title={TITLE}>
        <EmptyState />
      </InfoCard>
    );
  }
  const narrow = width > 0 && width < NARROW_CARD_WIDTH;
  return (
    <div ref={measure} data-layout={narrow ? 'narrow' : 'wide'}>
      <Table<AISystemStatus>
        title={TITLE}
        subtitle="Registered AI systems this service uses"
        columns={narrow ? narrowColumns : columns}
        data={status.aiSystems}
        options={{ paging: false, search: false, padding: 'dense' }}
      />
      <ServiceMonitoringFindings aiSystems={status.aiSystems} />
    </div>
  );
}

/**
 * Entity card for Component pages: the AI systems the service uses with their impact
 * assessment status, EU AI Act tier, open findings and monitoring (latest value per metric).
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
