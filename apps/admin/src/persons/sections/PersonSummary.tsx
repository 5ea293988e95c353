// Identity, account pockets and wallet of the person (R-ACC-2, R-ACC-3, R-WAL-5).
import { Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { usePermissions, useRecordContext, useTranslate } from 'react-admin';
import { canDoCounterWork } from '../../access/roles';
import { formatChinaTime, formatYuan } from '../../shared/fields';
import type { PersonRecord } from '../personTypes';
import { Item, Section } from './Section';
import { WalletActions } from './WalletActions';

export function IdentitySection() {
  const record = useRecordContext<PersonRecord>();
  const translate = useTranslate();
  if (!record) return null;
  const label = (prefix: string, value: string | null) =>
    value ? translate(`${prefix}.${value}`, { _: value }) : '—';
  return (
    <Section title="gongji.persons.sections.identity" testId="person-identity">
      <Item label="resources.persons.fields.name">{record.name}</Item>
      <Item label="resources.persons.fields.idNumber" testId="person-id-number">
        {record.idNumber}
      </Item>
      <Item label="resources.persons.fields.phone">{record.phone ?? '—'}</Item>
      <Item label="resources.persons.fields.birthDate">{record.birthDate ?? '—'}</Item>
      <Item label="resources.persons.fields.region">
        {record.region.name}（{record.regionCode}）
      </Item>
      <Item label="resources.persons.fields.insuranceType">
        {label('gongji.insurance_types', record.insuranceType)}
      </Item>
      <Item label="resources.persons.fields.employmentStatus">
        {label('gongji.employment', record.employmentStatus)}
      </Item>
      <Item label="resources.persons.fields.realNameVerified">
        {translate(record.realNameVerified ? 'gongji.export.yes' : 'gongji.export.no')}
      </Item>
      <Item label="resources.persons.fields.outOfRegionUsePermission">
        {translate(record.outOfRegionUsePermission ? 'gongji.export.yes' : 'gongji.export.no')}
      </Item>
    </Section>
  );
}

export function PocketsSection() {
  const record = useRecordContext<PersonRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Section title="gongji.persons.sections.account" testId="person-pockets">
      {record.account ? (
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{translate('gongji.persons.pocket')}</TableCell>
              <TableCell align="right">{translate('gongji.persons.balance')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {record.account.pockets.map((pocket) => (
              <TableRow key={pocket.kind}>
                <TableCell>{translate(`gongji.pockets.${pocket.kind}`, { _: pocket.kind })}</TableCell>
                <TableCell align="right">{formatYuan(pocket.balance, translate)}</TableCell>
              </TableRow>
            ))}
            <TableRow>
              <TableCell sx={{ fontWeight: 600 }}>{translate('gongji.persons.total')}</TableCell>
              <TableCell align="right" sx={{ fontWeight: 600 }}>
                {formatYuan(record.account.total, translate)}
              </TableCell>
            </TableRow>
          </TableBody>
        </Table>
      ) : (
        <span>{translate('gongji.persons.no_account')}</span>
      )}
    </Section>
  );
}

export function WalletSection() {
  const record = useRecordContext<PersonRecord>();
  const translate = useTranslate();
  const { permissions } = usePermissions();
  if (!record) return null;
  return (
    <Section
      title="gongji.persons.sections.wallet"
      testId="person-wallet"
      action={canDoCounterWork(permissions) ? <WalletActions record={record} /> : undefined}
    >
      {record.wallet ? (
        <>
          <Item label="gongji.persons.wallet_usage_region">{record.wallet.usageRegionCode}</Item>
          <Item label="resources.persons.fields.phone">{record.wallet.phone}</Item>
          <Item label="gongji.persons.wallet_activated_at">{formatChinaTime(record.wallet.activatedAt)}</Item>
        </>
      ) : (
        <span>{translate('gongji.persons.wallet_none')}</span>
      )}
    </Section>
  );
}
