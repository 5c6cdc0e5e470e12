import { ChangeEvent, ReactNode, useEffect, useState } from 'react';
import {
  Box,
  FormControl,
  InputLabel,
  MenuItem,
  Select,
  TextField,
  makeStyles,
} from '@material-ui/core';
import { parseEntityRef } from '@backstage/catalog-model';
import { humanizeEntityRef } from '@backstage/plugin-catalog-react';
import {
  EU_AI_ACT_TIERS,
  EU_AI_ACT_TIER_LABELS,
  IMPACT_ASSESSMENT_STATUSES,
  IMPACT_ASSESSMENT_STATUS_LABELS,
} from '@aims-backstage/backstage-plugin-aims-common';
import { INVENTORY_MONITORING_FILTERS, InventoryFilters } from './filters';
import { MONITORING_STATUS_LABELS } from '../Monitoring/MonitoringStatusChip';
import { FilterOptions } from './useInventory';

const useStyles = makeStyles(theme => ({
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(2),
    alignItems: 'flex-end',
  },
  select: { minWidth: 160 },
  search: { minWidth: 240, flexGrow: 1 },
}));

const ANY = '';

function FilterSelect(props: {
  id: string;
  label: string;
  value?: string;
  options: Array<{ value: string; label: string }>;
  onChange: (value: string | undefined) => void;
}) {
  const classes = useStyles();
  const { id, label, value, options, onChange } = props;
  return (
    <FormControl className={classes.select} size="small">
      <InputLabel id={`${id}-label`}>{label}</InputLabel>
      <Select
        labelId={`${id}-label`}
        id={id}
        value={value ?? ANY}
        SelectDisplayProps={{ 'data-testid': `filter-${id}` } as any}
        onChange={(e: ChangeEvent<{ value: unknown }>) => {
          const v = e.target.value as string;
          onChange(v === ANY ? undefined : v);
        }}
      >
        <MenuItem value={ANY}>
          <em>Any</em>
        </MenuItem>
        {options.map(o => (
          <MenuItem key={o.value} value={o.value}>
            {o.label}
          </MenuItem>
        ))}
      </Select>
    </FormControl>
  );
}

function ownerLabel(ref: string): string {
  try {
    return humanizeEntityRef(parseEntityRef(ref), { defaultKind: 'group' });
  } catch {
    return ref;
  }
}

/** Owner, lifecycle, tier, type, assessment status and monitoring selects plus a free-text search. */
export function InventoryFilterBar(props: {
  filters: InventoryFilters;
  options: FilterOptions;
  onChange: (filters: InventoryFilters) => void;
  actions?: ReactNode;
}) {
  const { filters, options, onChange, actions } = props;
  const classes = useStyles();
  const [text, setText] = useState(filters.q ?? '');
  const [ownerText, setOwnerText] = useState(filters.owner ?? '');

  // Debounced free-text search: one request after typing stops, not one per key.
  useEffect(() => {
    if ((filters.q ?? '') === text) return undefined;
    const timer = setTimeout(
      () => onChange({ ...filters, q: text || undefined }),
      300,
    );
    return () => clearTimeout(timer);
  }, [text, filters, onChange]);

  const set = (key: keyof InventoryFilters) => (value: string | undefined) =>
    onChange({ ...filters, [key]: value });

  const withCurrent = (values: string[], current?: string) =>
    current && !values.includes(current) ? [current, ...values] : values;

  return (
    <Box className={classes.bar}>
      <TextField
        className={classes.search}
        label="Search"
        placeholder="Name, title, purpose…"
        value={text}
        onChange={e => setText(e.target.value)}
        inputProps={{ 'data-testid': 'filter-q' }}
      />
      {options.owners.length > 0 ? (
        <FilterSelect
          id="owner"
          label="Owner"
          value={filters.owner}
          options={withCurrent(options.owners, filters.owner).map(o => ({
            value: o,
            label: ownerLabel(o),
          }))}
          onChange={set('owner')}
        />
      ) : (
        <TextField
          className={classes.select}
          label="Owner"
          placeholder="group:default/team"
          value={ownerText}
          onChange={e => setOwnerText(e.target.value)}
          onBlur={() => set('owner')(ownerText.trim() || undefined)}
          onKeyDown={e => {
            if (e.key === 'Enter') set('owner')(ownerText.trim() || undefined);
          }}
          inputProps={{ 'data-testid': 'filter-owner-text' }}
        />
      )}
      <FilterSelect
        id="lifecycle"
        label="Lifecycle"
        value={filters.lifecycle}
        options={withCurrent(options.lifecycles, filters.lifecycle).map(v => ({
          value: v,
          label: v,
        }))}
        onChange={set('lifecycle')}
      />
      <FilterSelect
        id="type"
        label="Type"
        value={filters.type}
        options={withCurrent(options.types, filters.type).map(v => ({
          value: v,
          label: v,
        }))}
        onChange={set('type')}
      />
      <FilterSelect
        id="tier"
        label="EU AI Act tier"
        value={filters.tier}
        options={EU_AI_ACT_TIERS.map(t => ({
          value: t,
          label: EU_AI_ACT_TIER_LABELS[t],
        }))}
        onChange={set('tier')}
      />
      <FilterSelect
        id="status"
        label="Impact assessment"
        value={filters.status}
        options={IMPACT_ASSESSMENT_STATUSES.map(s => ({
          value: s,
          label: IMPACT_ASSESSMENT_STATUS_LABELS[s],
        }))}
        onChange={set('status')}
      />
      <FilterSelect
        id="monitoring"
        label="Monitoring"
        value={filters.monitoring}
        options={INVENTORY_MONITORING_FILTERS.map(m => ({
          value: m,
          label: MONITORING_STATUS_LABELS[m],
        }))}
        onChange={set('monitoring')}
      />
      {actions}
    </Box>
  );
}
