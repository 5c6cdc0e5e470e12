import { useState } from 'react';
import { Box, Button, Grid } from '@material-ui/core';
import AddIcon from '@material-ui/icons/Add';
import { ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import {
  Risk,
  aimsRiskUpdatePermission,
} from '@aims-backstage/backstage-plugin-aims-common';
import { aimsApiRef, RiskQuery } from '../../api';
import { useOwnershipRefs } from '../common/useCurrentUser';
import { RiskCsvButton, RiskTable } from './RiskTable';
import { RiskHeatMapCard } from './RiskHeatMap';
import { RiskDialog } from './RiskDialog';

/** How many risks a register view loads; the CSV has all of them. */
export const RISK_PAGE_LIMIT = 100;

/** The "Risks" tab of an AI system: its heat map and register, with create/edit and sign-off. */
export function RisksTab(props: { entity: Entity }) {
  const entityRef = stringifyEntityRef(props.entity);
  const aimsApi = useApi(aimsApiRef);
  const query: RiskQuery = { aiSystemRef: entityRef };
  const risks = useAsyncRetry(
    () => aimsApi.getRisks({ ...query, limit: RISK_PAGE_LIMIT }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [aimsApi, entityRef],
  );
  const heatMap = useAsyncRetry(
    () => aimsApi.getRiskHeatMap(entityRef),
    [aimsApi, entityRef],
  );
  const canEdit = usePermission({
    permission: aimsRiskUpdatePermission,
    resourceRef: entityRef,
  }).allowed;
  const ownershipRefs = useOwnershipRefs();
  const [dialog, setDialog] = useState<{ risk?: Risk }>();
  const [csvError, setCsvError] = useState<Error>();

  const reload = () => {
    risks.retry();
    heatMap.retry();
  };

  return (
    <Grid container spacing={3}>
      <Grid item xs={12} xl={4}>
        <RiskHeatMapCard title="Risk heat map" state={heatMap} />
      </Grid>
      <Grid item xs={12} xl={8}>
        <Box display="flex" justifyContent="flex-end" mb={1} style={{ gap: 8 }}>
          <RiskCsvButton query={query} onError={setCsvError} />
          {canEdit && (
            <Button
              variant="contained"
              color="primary"
              startIcon={<AddIcon />}
              onClick={() => setDialog({})}
            >
              Add risk
            </Button>
          )}
        </Box>
        {csvError && (
          <Box mb={2}>
            <ResponseErrorPanel error={csvError} title="CSV export failed" />
          </Box>
        )}
        {risks.error ? (
          <ResponseErrorPanel error={risks.error} />
        ) : (
          <RiskTable
            title="Risk register"
            risks={risks.value?.items ?? []}
            totalCount={risks.value?.totalCount ?? 0}
            loading={risks.loading}
            ownershipRefs={ownershipRefs}
            onEdit={canEdit ? risk => setDialog({ risk }) : undefined}
            onChanged={reload}
            emptyText={
              canEdit
                ? 'No risks recorded for this AI system yet. Add the risks found in its impact assessment (clause 6.1.2) with "Add risk".'
                : 'No risks recorded for this AI system yet.'
            }
          />
        )}
      </Grid>
      {dialog && (
        <RiskDialog
          open
          aiSystemRef={entityRef}
          risk={dialog.risk}
          matrix={risks.value?.matrix ?? heatMap.value?.matrix}
          onClose={() => {
            setDialog(undefined);
            reload();
          }}
          onSaved={() => {
            setDialog(undefined);
            reload();
          }}
        />
      )}
    </Grid>
  );
}

/**
 * Entity content for AISystem pages: the AI system's risks (clause 6.1.2/6.1.3, 8.2/8.3).
 *
 * @public
 */
export function EntityRisksContent() {
  const { entity } = useEntity();
  return <RisksTab entity={entity} />;
}
