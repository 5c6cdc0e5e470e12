import { useState } from 'react';
import { Box, Grid, TextField } from '@material-ui/core';
import { ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import {
  RISK_BANDS,
  RiskBand,
} from '@aims-backstage/backstage-plugin-aims-common';
import { aimsApiRef, RiskQuery } from '../../api';
import { useOwnershipRefs } from '../common/useCurrentUser';
import { RiskCsvButton, RiskTable } from './RiskTable';
import { RiskHeatMapCard } from './RiskHeatMap';
import { RISK_PAGE_LIMIT } from './EntityRisksContent';

/**
 * The organisation's risk register: the heat map over every AI system and the register with
 * links to each system, filters and CSV export.
 *
 * @public
 */
export function RiskRegisterContent() {
  const aimsApi = useApi(aimsApiRef);
  const ownershipRefs = useOwnershipRefs();
  const [band, setBand] = useState<RiskBand | ''>('');
  const [signOff, setSignOff] = useState<'' | 'true' | 'false'>('');
  const [csvError, setCsvError] = useState<Error>();
  const query: RiskQuery = {
    ...(band ? { band } : {}),
    ...(signOff ? { needsSignOff: signOff === 'true' } : {}),
  };
  const key = JSON.stringify(query);
  const risks = useAsyncRetry(
    () => aimsApi.getRisks({ ...query, limit: RISK_PAGE_LIMIT }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [aimsApi, key],
  );
  const heatMap = useAsyncRetry(() => aimsApi.getRiskHeatMap(), [aimsApi]);
  const filtered = !!(band || signOff);

  return (
    <Grid container spacing={3}>
      <Grid item xs={12} xl={4}>
        <RiskHeatMapCard title="Heat map: all AI systems" state={heatMap} />
      </Grid>
      <Grid item xs={12} xl={8}>
        <Box display="flex" alignItems="flex-end" mb={1} style={{ gap: 16 }}>
          <TextField
            id="risk-register-band"
            select
            label="Residual band"
            SelectProps={{ native: true }}
            value={band}
            onChange={e => setBand(e.target.value as RiskBand | '')}
            InputLabelProps={{ shrink: true }}
            style={{ minWidth: 140 }}
          >
            <option value="">All</option>
            {RISK_BANDS.map(b => (
              <option key={b} value={b}>
                {b}
              </option>
            ))}
          </TextField>
          <TextField
            id="risk-register-sign-off"
            select
            label="Sign-off"
            SelectProps={{ native: true }}
            value={signOff}
            onChange={e => setSignOff(e.target.value as '' | 'true' | 'false')}
            InputLabelProps={{ shrink: true }}
            style={{ minWidth: 160 }}
          >
            <option value="">All</option>
            <option value="true">Needs sign-off</option>
            <option value="false">Accepted or signed off</option>
          </TextField>
          <Box flex={1} />
          <RiskCsvButton query={query} onError={setCsvError} />
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
            showAISystem
            risks={risks.value?.items ?? []}
            totalCount={risks.value?.totalCount ?? 0}
            loading={risks.loading}
            ownershipRefs={ownershipRefs}
            onChanged={() => {
              risks.retry();
              heatMap.retry();
            }}
            emptyText={
              filtered
                ? 'No risks match these filters.'
                : 'No risks recorded yet. Risks are added on each AI system\'s "Risks" tab.'
            }
          />
        )}
      </Grid>
    </Grid>
  );
}
