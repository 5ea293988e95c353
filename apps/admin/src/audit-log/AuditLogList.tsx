// The audit trail (issue #10): every audited change — policy, rollout, counter work — newest first, with who,
// when, why and the values before and after; filtered on the server (`auditLog`, ADMIN only).
import ExpandMore from '@mui/icons-material/ExpandMore';
import {
  Alert,
  IconButton,
  Link as MuiLink,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { createContext, useContext } from 'react';
import { Link } from 'react-router-dom';
import {
  Datagrid,
  DateInput,
  List,
  SelectInput,
  TextField,
  TextInput,
  useExpanded,
  useListContext,
  useRecordContext,
  useResourceContext,
  useTranslate,
} from 'react-admin';
import { auditDiff } from '../data/policy/policyRules';
import { auditExporter } from './auditExport';
import type { AuditEntryNode } from '../data/policy/policyTypes';
import { currentLocale } from '../i18n/currentLocale';
import { ChinaTimeField } from '../shared/fields';
import {
  AUDIT_ACTIONS,
  AUDIT_ENTITY_TYPES,
  type AuditNames,
  NO_NAMES,
  TECHNICAL_KEYS,
  actionKey,
  describeAuditField,
  entityTarget,
  fieldLabel,
  shortId,
} from './auditTerms';
import { settingDiff } from './auditValues';
import { useAuditNames } from './useAuditNames';
import { responsiveListSx } from '../shared/listLayout';

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

/**
 * The expand control as a real button (audit C #5): focusable, with a Chinese name and aria-expanded, so the values
 * before and after open by keyboard. react-admin's own icon is aria-hidden and out of the tab order (hidden by CSS).
 */
function ExpandToggleField(_props: { label?: string }) {
  const record = useRecordContext<AuditEntryNode>();
  const resource = useResourceContext() ?? 'audit-log';
  const translate = useTranslate();
  const [expanded, toggle] = useExpanded(resource, record?.id ?? '');
  if (!record) return null;
  return (
    <IconButton
      size="small"
      aria-label={translate(expanded ? 'gongji.audit.collapse_row' : 'gongji.audit.expand_row')}
      aria-expanded={expanded}
      aria-controls={`${record.id}-expand`}
      data-testid="audit-expand"
      onClick={(e) => {
        e.stopPropagation();
        toggle();
      }}
      sx={{ transform: expanded ? 'rotate(180deg)' : 'none', transition: 'transform 150ms' }}
    >
      <ExpandMore fontSize="small" />
    </IconButton>
  );
}

/** A value cell: the whole text (the expanded row is the detail view: a batch's refused list is never cut). */
function ValueCell({ text, lines, raw }: { text?: string; lines?: readonly string[]; raw?: string }) {
  if (lines) {
    return (
      <TableCell sx={{ fontSize: 13 }}>
        {lines.map((line) => (
          <div key={line}>{line}</div>
        ))}
      </TableCell>
    );
  }
  return (
    <TableCell title={raw} sx={{ fontSize: 13, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      {text ?? ''}
    </TableCell>
  );
}

/**
 * One line per changed value, in words: names for ids, yuan for money, % for rates; a policy setting's value as
 * labelled lines (only those that changed when both sides exist). Technical values (idempotency key, the row's own
 * transaction id) are folded under 技术信息.
 */
export function AuditDiff() {
  const record = useRecordContext<AuditEntryNode>();
  const translate = useTranslate();
  const names = useContext(NamesContext);
  if (!record) return null;
  const all = auditDiff(record);
  const lines = all.filter((line) => !TECHNICAL_KEYS.has(line.key));
  const technical = all.filter((line) => TECHNICAL_KEYS.has(line.key));
  const context = { entityType: record.entityType, names, translate, language: currentLocale() };
  if (all.length === 0) return <Typography variant="body2">{translate('gongji.audit.no_values')}</Typography>;
  const isObject = (v: unknown) => !!v && typeof v === 'object' && !Array.isArray(v);
  return (
    <>
      <Table size="small" data-testid="audit-diff">
        <TableHead>
          <TableRow>
            <TableCell>{translate('gongji.audit.field')}</TableCell>
            <TableCell>{translate('gongji.audit.before')}</TableCell>
            <TableCell>{translate('gongji.audit.after')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {lines.map((line) => {
            const setting =
              line.key === 'value' && (isObject(line.beforeValue) || isObject(line.afterValue))
                ? settingDiff(line.beforeValue, line.afterValue, translate)
                : null;
            return (
              <TableRow key={line.key} data-testid={`audit-line-${line.key}`}>
                <TableCell sx={{ whiteSpace: 'nowrap', verticalAlign: 'top' }}>
                  {fieldLabel(line.key, record.entityType, translate)}
                </TableCell>
                {setting ? (
                  <>
                    <ValueCell lines={setting.before} />
                    <ValueCell lines={setting.after} />
                  </>
                ) : (
                  <>
                    <ValueCell
                      raw={line.before}
                      text={describeAuditField(line.key, line.beforeValue, context)}
                    />
                    <ValueCell
                      raw={line.after}
                      text={describeAuditField(line.key, line.afterValue, context)}
                    />
                  </>
                )}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      {technical.length > 0 && (
        <details data-testid="audit-technical">
          <summary>
            <Typography variant="caption" component="span">
              {translate('gongji.audit.technical')}
            </Typography>
          </summary>
          {technical.map((line) => (
            <Typography key={line.key} variant="caption" component="div" sx={{ ml: 2 }}>
              {fieldLabel(line.key, record.entityType, translate)}：
              {String(line.afterValue ?? line.beforeValue ?? '—')}
            </Typography>
          ))}
        </details>
      )}
    </>
  );
}

/** Says that some names could not be loaded (the ids stay shown), instead of failing silently. */
function NamesHint({ names }: { names: AuditNames }) {
  const translate = useTranslate();
  if (!names.failed) return null;
  return (
    <Alert severity="warning" data-testid="audit-names-failed" sx={{ m: 1 }}>
      {translate('gongji.audit.names_failed')}
    </Alert>
  );
}

/** The grid, with the names of what the page's entries name looked up once for the whole page. */
function AuditGrid() {
  const { data } = useListContext<AuditEntryNode>();
  const names = useAuditNames(data);
  return (
    <NamesContext.Provider value={names}>
      <NamesHint names={names} />
      <Datagrid
        bulkActionButtons={false}
        rowClick="expand"
        expand={<AuditDiff />}
        sx={{
          '& .RaDatagrid-headerCell': { whiteSpace: 'nowrap' },
          // Replaced by ExpandToggleField (a focusable, named button).
          '& .RaDatagrid-expandIconCell, & .RaDatagrid-expandHeader': { display: 'none' },
        }}
      >
        <ExpandToggleField label="gongji.audit.details" />
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
    <List
      sx={responsiveListSx}
      filters={auditFilters}
      sort={{ field: 'at', order: 'DESC' }}
      perPage={25}
      exporter={auditExporter}
    >
      <AuditGrid />
    </List>
  );
}
