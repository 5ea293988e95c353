// Payment password (R-ACC-7: reset with an identity check, unlock after 5 failures) and relationship attestations
// (R-WAL-4 evidence for wallet transfers). ADMIN and COUNTER only: analysts never get these sections.
import { Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { Link, useGetOne, useRecordContext, useTranslate } from 'react-admin';
import { PERSON_STAFF } from '../../data/counter/buildPersonQuery';
import {
  PAYMENT_PASSWORD_RESET_MUTATION,
  PAYMENT_PASSWORD_UNLOCK_MUTATION,
  RELATIONSHIP_ATTESTATION_RECORD_MUTATION,
  RELATIONSHIP_ATTESTATION_REVOKE_MUTATION,
} from '../../data/counter/personDocuments';
import { runMutation } from '../../data/counter/runMutation';
import { ActionDialog } from '../../shared/ActionDialog';
import { formatChinaTime, formatYuan } from '../../shared/fields';
import { choices, EVIDENCE_KINDS, IDENTITY_DOCUMENTS, RELATIONS } from '../personChoices';
import type { PersonRecord, PersonStaffRecord } from '../personTypes';
import { personIdByIdNumber } from './RelationsSections';
import { Item, Section } from './Section';

export function StaffSections() {
  const record = useRecordContext<PersonRecord>();
  const translate = useTranslate();
  const { data } = useGetOne<PersonStaffRecord>(
    PERSON_STAFF,
    { id: record?.id ?? '' },
    { enabled: !!record },
  );
  if (!record) return null;
  const password = data?.paymentPassword ?? null;
  const personId = record.id;
  return (
    <>
      <Section
        title="gongji.persons.sections.password"
        testId="person-password"
        action={
          <div style={{ display: 'flex', gap: 8 }}>
            <ActionDialog
              label="gongji.password.reset"
              title="gongji.password.reset_title"
              description={translate('gongji.password.reset_help')}
              testId="password-reset"
              fields={[
                {
                  name: 'identityCheck.document',
                  label: 'gongji.password.document',
                  required: true,
                  defaultValue: 'ID_CARD',
                  choices: choices(IDENTITY_DOCUMENTS, 'gongji.identity_documents'),
                },
                {
                  name: 'identityCheck.idNumber',
                  label: 'gongji.password.presented_id_number',
                  required: true,
                },
                { name: 'reason', label: 'gongji.actions.reason', required: true, multiline: true },
              ]}
              onConfirm={async (values) => {
                const payload = await runMutation<{ newPaymentPassword: string | null; userErrors: [] }>(
                  PAYMENT_PASSWORD_RESET_MUTATION,
                  'paymentPasswordReset',
                  {
                    personId,
                    identityCheck: {
                      document: values['identityCheck.document'],
                      idNumber: values['identityCheck.idNumber'].trim().toUpperCase(),
                    },
                    reason: values.reason.trim(),
                  },
                );
                return payload.newPaymentPassword
                  ? {
                      message: 'gongji.password.reset_done',
                      reveal: { label: 'gongji.password.new_password', value: payload.newPaymentPassword },
                    }
                  : { message: 'gongji.password.reset_sent' };
              }}
            />
            {password?.lockedAt ? (
              <ActionDialog
                label="gongji.password.unlock"
                title="gongji.password.unlock_title"
                testId="password-unlock"
                fields={[{ name: 'reason', label: 'gongji.actions.reason', required: true, multiline: true }]}
                onConfirm={async (values) => {
                  await runMutation(PAYMENT_PASSWORD_UNLOCK_MUTATION, 'paymentPasswordUnlock', {
                    personId,
                    reason: values.reason.trim(),
                  });
                  return { message: 'gongji.password.unlocked' };
                }}
              />
            ) : null}
          </div>
        }
      >
        {password ? (
          <>
            <Item label="gongji.password.set">
              {translate(password.set ? 'gongji.password.set_yes' : 'gongji.password.set_no')}
            </Item>
            <Item label="gongji.password.set_at">{formatChinaTime(password.setAt)}</Item>
            <Item label="gongji.password.failures">{password.failures}</Item>
            <Item label="gongji.password.locked" testId="password-locked">
              {password.lockedAt
                ? translate('gongji.password.locked_since', { at: formatChinaTime(password.lockedAt) })
                : translate('gongji.password.not_locked')}
            </Item>
            <Item label="gongji.password.free_limit">
              {formatYuan(password.passwordFreeLimit, translate)}
            </Item>
          </>
        ) : (
          <span>—</span>
        )}
      </Section>
      <Section
        title="gongji.persons.sections.attestations"
        testId="person-attestations"
        action={
          <ActionDialog
            label="gongji.attestations.record"
            title="gongji.attestations.record_title"
            description={translate('gongji.attestations.help')}
            testId="attestation-record"
            fields={[
              {
                name: 'relativeIdNumber',
                label: 'gongji.persons.relative_id_number',
                required: true,
                alsoFor: ['relativePersonId'],
              },
              {
                name: 'relation',
                label: 'gongji.persons.relative_is',
                required: true,
                choices: choices(RELATIONS, 'gongji.relation_one'),
              },
              {
                name: 'evidenceKind',
                label: 'gongji.attestations.evidence',
                required: true,
                defaultValue: 'HOUSEHOLD_REGISTER',
                choices: choices(EVIDENCE_KINDS, 'gongji.evidence_kinds'),
              },
              { name: 'evidenceRef', label: 'gongji.attestations.evidence_ref' },
              { name: 'reason', label: 'gongji.actions.reason', required: true, multiline: true },
            ]}
            onConfirm={async (values) => {
              const relativePersonId = await personIdByIdNumber(
                values.relativeIdNumber,
                'relativeIdNumber',
                translate('gongji.persons.not_found'),
                translate,
              );
              await runMutation(RELATIONSHIP_ATTESTATION_RECORD_MUTATION, 'relationshipAttestationRecord', {
                personId,
                relativePersonId,
                relation: values.relation,
                evidenceKind: values.evidenceKind,
                ...(values.evidenceRef.trim() ? { evidenceRef: values.evidenceRef.trim() } : {}),
                reason: values.reason.trim(),
              });
              return { message: 'gongji.attestations.recorded' };
            }}
          />
        }
      >
        {data && data.attestations.length > 0 ? (
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{translate('gongji.attestations.relative')}</TableCell>
                <TableCell>{translate('gongji.persons.relative_is')}</TableCell>
                <TableCell>{translate('gongji.attestations.evidence')}</TableCell>
                <TableCell>{translate('gongji.attestations.checked_by')}</TableCell>
                <TableCell>{translate('gongji.attestations.checked_at')}</TableCell>
                <TableCell>{translate('gongji.attestations.status')}</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {data.attestations.map((a) => (
                <TableRow key={a.id}>
                  <TableCell>
                    <Link to={`/persons/${a.relativePersonId}/show`}>
                      {translate('gongji.attestations.open_relative')}
                    </Link>
                  </TableCell>
                  <TableCell>{translate(`gongji.relation_one.${a.relation}`, { _: a.relation })}</TableCell>
                  <TableCell>
                    {translate(`gongji.evidence_kinds.${a.evidenceKind}`, { _: a.evidenceKind })}
                    {a.evidenceRef ? `（${a.evidenceRef}）` : ''}
                  </TableCell>
                  <TableCell>{a.checkedByName}</TableCell>
                  <TableCell>{formatChinaTime(a.checkedAt)}</TableCell>
                  <TableCell>
                    {translate(a.revokedAt ? 'gongji.attestations.revoked' : 'gongji.attestations.in_force')}
                  </TableCell>
                  <TableCell>
                    {a.revokedAt ? null : (
                      <ActionDialog
                        label="gongji.attestations.revoke"
                        title="gongji.attestations.revoke_title"
                        description={translate('gongji.attestations.revoke_help')}
                        color="error"
                        variant="text"
                        testId={`attestation-revoke-${a.id}`}
                        fields={[
                          { name: 'reason', label: 'gongji.actions.reason', required: true, multiline: true },
                        ]}
                        onConfirm={async (values) => {
                          await runMutation(
                            RELATIONSHIP_ATTESTATION_REVOKE_MUTATION,
                            'relationshipAttestationRevoke',
                            {
                              id: a.id,
                              reason: values.reason.trim(),
                            },
                          );
                          return { message: 'gongji.attestations.revoked_done' };
                        }}
                      />
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ) : (
          <span>{translate('gongji.persons.none')}</span>
        )}
      </Section>
    </>
  );
}
