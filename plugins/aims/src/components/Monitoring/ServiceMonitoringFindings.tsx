import { useApi, useRouteRef } from '@backstage/frontend-plugin-api';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { parseEntityRef } from '@backstage/catalog-model';
import { Link } from '@backstage/core-components';
import { Box, Typography } from '@material-ui/core';
import { Alert, AlertTitle } from '@material-ui/lab';
import useAsync from 'react-use/esm/useAsync';
import {
  AISystemStatus,
  Finding,
  isOpenFinding,
} from '@aims-backstage/backstage-plugin-aims-common';
import { aimsApiRef } from '../../api';
import {
  isMonitoringFinding,
  monitoringFindingText,
} from './monitoringFindingText';

/**
 * Under the AI systems card of a service: the open monitoring findings of the AI systems it
 * uses (a metric outside its threshold, a metric not reported), each linking to the system's
 * Monitoring tab. Only systems whose summary is breached or stale are asked about, so a
 * healthy service costs no request. Quiet while loading and on errors (the card shows those).
 */
export function ServiceMonitoringFindings(props: {
  aiSystems: readonly AISystemStatus[];
}) {
  const aimsApi = useApi(aimsApiRef);
  const entityRoute = useRouteRef(entityRouteRef);
  const flagged = props.aiSystems
    .filter(
      s =>
        s.monitoring?.status === 'breached' || s.monitoring?.status === 'stale',
    )
    .map(s => s.entityRef)
    .join('\n');
  const { value } = useAsync(async () => {
    const refs = flagged ? flagged.split('\n') : [];
    const pages = await Promise.all(
      refs.map(ref => aimsApi.getFindings({ aiSystemRef: ref })),
    );
    return pages
      .flatMap(p => p.items)
      .filter(f => isMonitoringFinding(f) && isOpenFinding(f));
  }, [aimsApi, flagged]);
  const findings: Finding[] = value ?? [];
  if (!findings.length) return null;
  const monitoringTab = (ref: string) => {
    const { kind, namespace, name } = parseEntityRef(ref);
    return entityRoute
      ? `${entityRoute({
          kind: kind.toLocaleLowerCase('en-US'),
          namespace,
          name,
        })}/monitoring`
      : undefined;
  };
  const breached = findings.some(
    f => f.type === 'monitoring-threshold-breached',
  );
  return (
    <Box mt={2}>
      <Alert
        severity={breached ? 'error' : 'warning'}
        data-testid="aims-monitoring-findings"
      >
        <AlertTitle>
          Monitoring:{' '}
          {findings.length === 1
            ? '1 open finding'
            : `${findings.length} open findings`}
        </AlertTitle>
        {findings.map(f => {
          const to = f.aiSystemRef ? monitoringTab(f.aiSystemRef) : undefined;
          const system = f.aiSystemRef
            ? parseEntityRef(f.aiSystemRef).name
            : '';
          return (
            <Typography
              key={f.id}
              variant="body2"
              data-testid="monitoring-finding"
              data-type={f.type}
            >
              {to ? <Link to={to}>{system}</Link> : system}
              {': '}
              {monitoringFindingText(f)} — {f.severity}
            </Typography>
          );
        })}
      </Alert>
    </Box>
  );
}
