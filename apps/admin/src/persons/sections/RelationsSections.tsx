// Funding sources in registered order (R-KIN-4, reordered with kinRelationsReorder, R-KIN-5) and the relatives who
// use this person's account, with registration of a new relation (kinRelationRegister, R-KIN-1..3).
import ArrowDownward from '@mui/icons-material/ArrowDownward';
import ArrowUpward from '@mui/icons-material/ArrowUpward';
import PersonAdd from '@mui/icons-material/PersonAdd';
import { IconButton, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { HttpError } from 'ra-core';
import { useState } from 'react';
import { Link, useNotify, usePermissions, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { canDoCounterWork } from '../../access/roles';
import { apolloClient } from '../../data/apolloClient';
import {
  KIN_RELATION_REGISTER_MUTATION,
  KIN_RELATIONS_REORDER_MUTATION,
  PERSON_BY_ID_NUMBER_QUERY,
} from '../../data/counter/personDocuments';
import { runMutation } from '../../data/counter/runMutation';
import { describeUserError } from '../../data/graphqlErrors';
import { ActionDialog } from '../../shared/ActionDialog';
import { choices, KIN_CHANNELS, RELATIONS } from '../personChoices';
import { moveProvider } from '../providerOrder';
import type { KinRelationRow, PersonRecord, PersonRef } from '../personTypes';
import { Section } from './Section';

function PersonLink({ person }: { readonly person: PersonRef }) {
  return (
    <Link to={`/persons/${person.id}/show`}>
      {person.name}（{person.idNumber}）
    </Link>
  );
}

export function FundingSourcesSection() {
  const record = useRecordContext<PersonRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const { permissions } = usePermissions();
  const [busy, setBusy] = useState(false);
  if (!record) return null;
  const staff = canDoCounterWork(permissions);
  const sources = [...record.fundingSources].sort((a, b) => a.position - b.position);

  const move = async (index: number, step: -1 | 1) => {
    setBusy(true);
    try {
      const providerIds = moveProvider(
        sources.map((s) => s.providerId),
        index,
        step,
      );
      await runMutation(KIN_RELATIONS_REORDER_MUTATION, 'kinRelationsReorder', {
        beneficiaryId: record.id,
        providerIds,
      });
      notify('gongji.persons.reordered', { type: 'success' });
      refresh();
    } catch (error) {
      const body = (error as HttpError).body as { userErrors?: Parameters<typeof describeUserError>[0][] };
      notify(body?.userErrors?.map(describeUserError).join('; ') ?? (error as Error).message, {
        type: 'error',
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section title="gongji.persons.sections.funding_sources" testId="person-funding-sources">
      {sources.length === 0 ? (
        <span>{translate('gongji.persons.none')}</span>
      ) : (
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{translate('gongji.persons.order')}</TableCell>
              <TableCell>{translate('gongji.persons.provider')}</TableCell>
              <TableCell>{translate('gongji.persons.relation_to_provider')}</TableCell>
              <TableCell>{translate('gongji.persons.registered_on')}</TableCell>
              {staff ? <TableCell>{translate('gongji.persons.reorder')}</TableCell> : null}
            </TableRow>
          </TableHead>
          <TableBody>
            {sources.map((source: KinRelationRow, index) => (
              <TableRow key={source.id} data-testid="funding-source-row">
                <TableCell>{source.position}</TableCell>
                <TableCell>
                  <PersonLink person={source.provider} />
                </TableCell>
                <TableCell>
                  {translate(`gongji.relations.${source.relation}`, { _: source.relation })}
                </TableCell>
                <TableCell>{source.registeredOn}</TableCell>
                {staff ? (
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    <IconButton
                      size="small"
                      disabled={busy || index === 0}
                      aria-label={translate('ra.action.move_up')}
                      title={translate('ra.action.move_up')}
                      onClick={() => void move(index, -1)}
                      data-testid="move-up"
                    >
                      <ArrowUpward fontSize="small" />
                    </IconButton>
                    <IconButton
                      size="small"
                      disabled={busy || index === sources.length - 1}
                      aria-label={translate('ra.action.move_down')}
                      title={translate('ra.action.move_down')}
                      onClick={() => void move(index, 1)}
                      data-testid="move-down"
                    >
                      <ArrowDownward fontSize="small" />
                    </IconButton>
                  </TableCell>
                ) : null}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Section>
  );
}

/** Looks a person up by ID number for a counter form; a miss is a field error on that input. */
export async function personIdByIdNumber(idNumber: string, field: string, notFound: string): Promise<string> {
  const result = await apolloClient.query<{ personByIdNumber: PersonRef | null }>({
    query: PERSON_BY_ID_NUMBER_QUERY,
    variables: { idNumber: idNumber.trim().toUpperCase() },
  });
  const found = result.data.personByIdNumber;
  if (!found) throw new HttpError(notFound, 400, { errors: { [field]: notFound } });
  return found.id;
}

export function BeneficiariesSection() {
  const record = useRecordContext<PersonRecord>();
  const translate = useTranslate();
  const { permissions } = usePermissions();
  if (!record) return null;
  const register = canDoCounterWork(permissions) ? (
    <ActionDialog
      label="gongji.persons.register_relation"
      title="gongji.persons.register_relation_title"
      testId="register-relation"
      icon={<PersonAdd />}
      description={translate('gongji.persons.register_relation_help', { name: record.name })}
      fields={[
        {
          name: 'beneficiaryIdNumber',
          label: 'gongji.persons.relative_id_number',
          required: true,
          alsoFor: ['beneficiaryId'],
        },
        {
          name: 'relation',
          label: 'gongji.persons.relative_is',
          required: true,
          choices: choices(RELATIONS, 'gongji.relations'),
        },
        {
          name: 'channel',
          label: 'gongji.persons.channel',
          required: true,
          defaultValue: 'COUNTER',
          choices: choices(KIN_CHANNELS, 'gongji.kin_channels'),
        },
        { name: 'reason', label: 'gongji.actions.reason', multiline: true },
      ]}
      onConfirm={async (values) => {
        const beneficiaryId = await personIdByIdNumber(
          values.beneficiaryIdNumber,
          'beneficiaryIdNumber',
          translate('gongji.persons.not_found'),
        );
        await runMutation(KIN_RELATION_REGISTER_MUTATION, 'kinRelationRegister', {
          providerId: record.id,
          beneficiaryId,
          relation: values.relation,
          channel: values.channel,
          ...(values.reason.trim() ? { reason: values.reason.trim() } : {}),
        });
        return { message: 'gongji.persons.relation_registered' };
      }}
    />
  ) : null;
  return (
    <Section title="gongji.persons.sections.beneficiaries" testId="person-beneficiaries" action={register}>
      {record.beneficiaries.length === 0 ? (
        <span>{translate('gongji.persons.none')}</span>
      ) : (
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{translate('gongji.persons.beneficiary')}</TableCell>
              <TableCell>{translate('gongji.persons.relation_to_this_person')}</TableCell>
              <TableCell>{translate('gongji.persons.channel')}</TableCell>
              <TableCell>{translate('gongji.persons.registered_on')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {record.beneficiaries.map((relation) => (
              <TableRow key={relation.id} data-testid="beneficiary-row">
                <TableCell>
                  <PersonLink person={relation.beneficiary} />
                </TableCell>
                <TableCell>
                  {translate(`gongji.relations.${relation.relation}`, { _: relation.relation })}
                </TableCell>
                <TableCell>
                  {translate(`gongji.kin_channels.${relation.channel}`, { _: relation.channel })}
                </TableCell>
                <TableCell>{relation.registeredOn}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Section>
  );
}
