// The audit trail (issue #10): every audited change — policy, rollout, counter work — newest first, with who,
// when, why and the values before and after; filtered on the server (`auditLog`, ADMIN only).
import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import {
  Datagrid,
  DateField,
  DateInput,
  List,
  SelectInput,
  TextField,
  TextInput,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { auditDiff, describeAuditValue } from '../data/policy/policyRules';
import type { AuditEntryNode } from '../data/policy/policyTypes';

const ACTIONS = [
  'regionUpdate',
  'regionsRolloutSet',
  'kinshipScopeSet',
  'benefitScheduleSet',
  'spendingCapsSet',
  'passwordPolicySet',
  'cardRulesSet',
  'hospitalSelectionRulesSet',
  'holidayCalendarSet',
  // Money moved by staff (API.md: every ADMIN/COUNTER change lands in the audit log), written by the ledger writer.
  'settlementConfirm',
  'settlementCancel',
  'refundIssue',
  'walletTransfer',
  'premiumPay',
  'residentContributionPay',
  'contributionsCredit',
  'interestPost',
  'legacyWithdraw',
];
const ENTITY_TYPES = [
  'Region',
  'RegionBatch',
  'PolicySetting',
  'Person',
  'KinRelation',
  'ApiClient',
  'Transaction',
  'InterestRun',
  'Wallet',
];

const auditFilters = [
  <TextInput key="regionCode" source="regionCode" alwaysOn resettable />,
  <SelectInput
    key="action"
    source="action"
    choices={ACTIONS.map((id) => ({ id, name: `gongji.audit.actions.${id}` }))}
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
  return <span>{translate(`gongji.audit.actions.${record.action}`, { _: record.action })}</span>;
}

function EntityField(_props: { label?: string }) {
  const record = useRecordContext<AuditEntryNode>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <span>
      {translate(`gongji.audit.entity_types.${record.entityType}`, { _: record.entityType })} ·{' '}
      {record.entityId}
    </span>
  );
}

/** One line per changed value; long JSON values are cut (the full text is in the title). */
export function AuditDiff() {
  const record = useRecordContext<AuditEntryNode>();
  const translate = useTranslate();
  if (!record) return null;
  const lines = auditDiff(record);
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
              {translate(`gongji.audit.keys.${line.key}`, {
                _: translate(`resources.regions.fields.${line.key}`, { _: line.key }),
              })}
            </TableCell>
            <TableCell title={line.before} sx={{ fontSize: 13 }}>
              {cut(describeAuditValue(line.beforeValue, translate))}
            </TableCell>
            <TableCell title={line.after} sx={{ fontSize: 13 }}>
              {cut(describeAuditValue(line.afterValue, translate))}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

export function AuditLogList() {
  return (
    <List filters={auditFilters} sort={{ field: 'at', order: 'DESC' }} perPage={25} exporter={false}>
      <Datagrid
        bulkActionButtons={false}
        rowClick="expand"
        expand={<AuditDiff />}
        sx={{ '& .RaDatagrid-headerCell': { whiteSpace: 'nowrap' } }}
      >
        <DateField source="at" showTime sortable={false} />
        <TextField source="actorName" sortable={false} />
        <ActionField label="resources.audit-log.fields.action" />
        <EntityField label="resources.audit-log.fields.entity" />
        <TextField source="reason" sortable={false} emptyText="—" />
      </Datagrid>
    </List>
  );
}
