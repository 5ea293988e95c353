// The audit trail (issue #10): every audited change — policy, rollout, counter work — newest first, with who,
// when, why and the values before and after; filtered on the server (`auditLog`, ADMIN only).
import { Link as MuiLink, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { createContext, useContext } from 'react';
import { Link } from 'react-router-dom';
import {
  Datagrid,
  DateInput,
  List,
  SelectInput,
  TextField,
  TextInput,
  useListContext,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { auditDiff } from '../data/policy/policyRules';
import type { AuditEntryNode } from '../data/policy/policyTypes';
import { ChinaTimeField } from '../shared/fields';
import {
  AUDIT_ACTIONS,
  AUDIT_ENTITY_TYPES,
  type AuditNames,
  NO_NAMES,
  actionKey,
  describeAuditField,
  entityTarget,
  fieldLabel,
  shortId,
} from './auditTerms';
import { useAuditNames } from './useAuditNames';

const ACTIONS = AUDIT_ACTIONS;
const ENTITY_TYPES = AUDIT_ENTITY_TYPES;

/** The names of the persons, institutions, regions and API clients the page's entries name (one batch). */
const NamesContext = createContext<AuditNames>(NO_NAMES);

const auditFilters = [
  <TextInput key="regionCode" source="regionCode" alwaysOn resettable />,
  <SelectInput
    key="action"
    source="action"
    choices={ACTIONS.map((id) => ({ id, name: actionKey(id) }))}
    alwaysOn
  />,
  <TextInput key="actorName" source="actorName" alwaysOn resettable />,
  <DateInput key="from" source="from" alwaysOn />,
  <DateInput key="to" source="to" alwaysOn />,
  <SelectInput
    key="entityType"
    source="entityType"
    choices={ENTITY_TYPES.map((id) => ({ id, name: `gongji.audit.entity_types.${id}` }))}
  />,
  <TextInput key="entityId" source="entityId" resettable />,
];

function ActionField(_props: { label?: string }) {
  const record = useRecordContext<AuditEntryNode>();
  const translate = useTranslate();
  if (!record) return null;
  return <span>{translate(actionKey(record.action), { _: record.action })}</span>;
}

function EntityField(_props: { label?: string }) {
  const record = useRecordContext<AuditEntryNode>();
  const translate = useTranslate();
  const names = useContext(NamesContext);
  if (!record) return null;
  const kind = translate(`gongji.audit.entity_types.${record.entityType}`, { _: record.entityType });
  const target = entityTarget(record, names);
  const own = target.name ?? (target.path ? shortId(record.entityId) : null);
  const label = own ? `${kind} · ${own}` : kind;
  if (!target.path) return <span title={record.entityId}>{label}</span>;
  return (
    <MuiLink
      component={Link}
      to={target.path}
      title={record.entityId}
      data-testid="audit-entity-link"
      onClick={(e: React.MouseEvent) => e.stopPropagation()}
    >
      {label}
    </MuiLink>
  );
}

/** One line per changed value; long JSON values are cut (the full text is in the title). */
export function AuditDiff() {
  const record = useRecordContext<AuditEntryNode>();
  const translate = useTranslate();
  const names = useContext(NamesContext);
  if (!record) return null;
  const lines = auditDiff(record);
  const context = { entityType: record.entityType, names, translate };
  if (lines.length === 0)
    return <Typography variant="body2">{translate('gongji.audit.no_values')}</Typography>;
  const cut = (text: string) => (text.length > 160 ? `${text.slice(0, 157)}…` : text);
  return (
    <Table size="small" data-testid="audit-diff">
      <TableHead>
        <TableRow>
          <TableCell>{translate('gongji.audit.field')}</TableCell>
          <TableCell>{translate('gongji.audit.before')}</TableCell>
          <TableCell>{translate('gongji.audit.after')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {lines.map((line) => (
          <TableRow key={line.key}>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>
              {fieldLabel(line.key, record.entityType, translate)}
            </TableCell>
            <TableCell title={line.before} sx={{ fontSize: 13 }}>
              {cut(describeAuditField(line.key, line.beforeValue, context))}
            </TableCell>
            <TableCell title={line.after} sx={{ fontSize: 13 }}>
              {cut(describeAuditField(line.key, line.afterValue, context))}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** The grid, with the names of what the page's entries name looked up once for the whole page. */
function AuditGrid() {
  const { data } = useListContext<AuditEntryNode>();
  const names = useAuditNames(data);
  return (
    <NamesContext.Provider value={names}>
      <Datagrid
        bulkActionButtons={false}
        rowClick="expand"
        expand={<AuditDiff />}
        sx={{ '& .RaDatagrid-headerCell': { whiteSpace: 'nowrap' } }}
      >
        <ChinaTimeField source="at" seconds label="resources.audit-log.fields.at" sortable={false} />
        <TextField source="actorName" sortable={false} />
        <ActionField label="resources.audit-log.fields.action" />
        <EntityField label="resources.audit-log.fields.entity" />
        <TextField source="reason" sortable={false} emptyText="—" />
      </Datagrid>
    </NamesContext.Provider>
  );
}

export function AuditLogList() {
  return (
    <List filters={auditFilters} sort={{ field: 'at', order: 'DESC' }} perPage={25} exporter={false}>
      <AuditGrid />
    </List>
  );
}
