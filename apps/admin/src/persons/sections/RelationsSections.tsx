// Funding sources in registered order (R-KIN-4, reordered with kinRelationsReorder and a reason, R-KIN-5) and the
// relatives who use this person's account, with registration of a new relation (kinRelationRegister, R-KIN-1..3;
// only a person with a personal account can be a provider, R-ACC-1) and revocation (kinRelationRevoke, R-KIN-5).
// The tables fit a 1366 px window: names over ID numbers, actions stacked, no hidden horizontal scroll.
import ArrowDownward from '@mui/icons-material/ArrowDownward';
import ArrowUpward from '@mui/icons-material/ArrowUpward';
import LinkOff from '@mui/icons-material/LinkOff';
import PersonAdd from '@mui/icons-material/PersonAdd';
import { Box, Chip, Table, TableBody, TableCell, TableHead, TableRow, Tooltip } from '@mui/material';
import { HttpError } from 'ra-core';
import { Link, usePermissions, useRecordContext, useTranslate } from 'react-admin';
import { canDoCounterWork } from '../../access/roles';
import { apolloClient } from '../../data/apolloClient';
import {
  KIN_RELATION_REGISTER_MUTATION,
  KIN_RELATION_REVOKE_MUTATION,
  KIN_RELATIONS_REORDER_MUTATION,
  PERSON_BY_ID_NUMBER_QUERY,
} from '../../data/counter/personDocuments';
import { runMutation } from '../../data/counter/runMutation';
import { todayInChina } from '../../data/today';
import { ActionDialog } from '../../shared/ActionDialog';
import { checkIdNumber, maySharePersonalAccount } from '../personForm';
import { choices, KIN_CHANNELS, RELATIONS } from '../personChoices';
import { outOfScope, useMedicalScopesToday } from '../kinScopeToday';
import { moveProvider } from '../providerOrder';
import type { KinRelationRow, PersonRecord, PersonRef } from '../personTypes';
import { Section } from './Section';

/** Name over ID number: the column stays narrow enough for the actions to fit beside it. */
function PersonLink({ person }: { readonly person: PersonRef }) {
  return (
    <Link to={`/persons/${person.id}/show`}>
      <Box component="span" sx={{ display: 'block' }}>
        {person.name}
      </Box>
      <Box component="span" sx={{ display: 'block', fontSize: '0.8em', color: 'text.secondary' }}>
        {person.idNumber}
      </Box>
    </Link>
  );
}

/** Compact cells, dates and headers on one line, the person column free to wrap (see Section). */
const TABLE_SX = {
  '& th, & td': { px: 1 },
  '& td.person-cell': { whiteSpace: 'normal', minWidth: 140 },
  '& td.actions-cell': { width: '1%' },
} as const;

/** Revoked relations stay on record (R-KIN-5): greyed, with the day, and no action. */
const revokedSx = { color: 'text.disabled', '& td, & a': { color: 'text.disabled' } } as const;

/** "已于 … 撤销" under the registration date, for every role: the day in Beijing time, as every date of the console. */
function RevokedNote({ revokedAt }: { readonly revokedAt: string }) {
  const translate = useTranslate();
  return (
    <Box component="span" sx={{ display: 'block', fontSize: '0.85em' }} data-testid="relation-revoked">
      {translate('gongji.persons.revoked_on', { date: todayInChina(new Date(revokedAt)) })}
    </Box>
  );
}

/** The registration day, and for a revoked relation the day it was revoked (R-KIN-5: history is kept). */
function RelationDates({ relation }: { readonly relation: KinRelationRow }) {
  return (
    <>
      {relation.registeredOn}
      {relation.revokedAt ? <RevokedNote revokedAt={relation.revokedAt} /> : null}
    </>
  );
}

/** 撤销: a confirmation naming both people and a required reason, then kinRelationRevoke (R-KIN-5). */
function RevokeRelationButton({ relation }: { readonly relation: KinRelationRow }) {
  const translate = useTranslate();
  return (
    <ActionDialog
      label="gongji.persons.revoke"
      title="gongji.persons.revoke_title"
      testId="revoke-relation"
      color="error"
      variant="text"
      icon={<LinkOff fontSize="small" />}
      description={translate('gongji.persons.revoke_help', {
        beneficiary: `${relation.beneficiary.name}（${relation.beneficiary.idNumber}）`,
        provider: `${relation.provider.name}（${relation.provider.idNumber}）`,
      })}
      confirmLabel="gongji.persons.revoke"
      fields={[{ name: 'reason', label: 'gongji.persons.revoke_reason', required: true, multiline: true }]}
      onConfirm={async (values) => {
        await runMutation(KIN_RELATION_REVOKE_MUTATION, 'kinRelationRevoke', {
          id: relation.id,
          reason: values.reason.trim(),
        });
        return { message: 'gongji.persons.relation_revoked' };
      }}
    />
  );
}

/** 上移/下移 one place, with the reason every counter action asks for (kinRelationsReorder, R-KIN-5). */
function MoveButton(props: {
  readonly beneficiary: PersonRecord;
  readonly sources: readonly KinRelationRow[];
  readonly index: number;
  readonly step: -1 | 1;
}) {
  const translate = useTranslate();
  const { beneficiary, sources, index, step } = props;
  const up = step === -1;
  return (
    <ActionDialog
      label={up ? 'ra.action.move_up' : 'ra.action.move_down'}
      title={up ? 'gongji.persons.move_up_title' : 'gongji.persons.move_down_title'}
      testId={up ? 'move-up' : 'move-down'}
      iconOnly
      icon={up ? <ArrowUpward fontSize="small" /> : <ArrowDownward fontSize="small" />}
      disabled={up ? index === 0 : index === sources.length - 1}
      description={translate('gongji.persons.reorder_help', {
        provider: sources[index].provider.name,
        beneficiary: beneficiary.name,
        direction: translate(up ? 'gongji.persons.up' : 'gongji.persons.down'),
      })}
      fields={[{ name: 'reason', label: 'gongji.persons.reorder_reason', required: true, multiline: true }]}
      onConfirm={async (values) => {
        await runMutation(KIN_RELATIONS_REORDER_MUTATION, 'kinRelationsReorder', {
          beneficiaryId: beneficiary.id,
          providerIds: moveProvider(
            sources.map((s) => s.providerId),
            index,
            step,
          ),
          reason: values.reason.trim(),
        });
        return { message: 'gongji.persons.reordered' };
      }}
    />
  );
}

export function FundingSourcesSection() {
  const record = useRecordContext<PersonRecord>();
  const translate = useTranslate();
  const { permissions } = usePermissions();
  const scopes = useMedicalScopesToday(
    (record?.fundingSources ?? []).flatMap((s) => (s.provider.regionCode ? [s.provider.regionCode] : [])),
  );
  if (!record) return null;
  const staff = canDoCounterWork(permissions);
  const active = record.fundingSources.filter((s) => !s.revokedAt).sort((a, b) => a.position - b.position);
  const revoked = record.fundingSources.filter((s) => s.revokedAt);

  return (
    <Section title="gongji.persons.sections.funding_sources" testId="person-funding-sources">
      {active.length + revoked.length === 0 ? (
        <span>{translate('gongji.persons.none')}</span>
      ) : (
        <Table size="small" sx={TABLE_SX}>
          <TableHead>
            <TableRow>
              <TableCell>{translate('gongji.persons.order')}</TableCell>
              <TableCell>{translate('gongji.persons.provider')}</TableCell>
              <TableCell>{translate('gongji.persons.relation_to_provider')}</TableCell>
              <TableCell>{translate('gongji.persons.registered_on')}</TableCell>
              {staff ? <TableCell>{translate('gongji.persons.reorder')}</TableCell> : null}
              {staff ? <TableCell>{translate('gongji.persons.actions')}</TableCell> : null}
            </TableRow>
          </TableHead>
          <TableBody>
            {active.map((source: KinRelationRow, index) => (
              <TableRow key={source.id} data-testid="funding-source-row">
                <TableCell>{source.position}</TableCell>
                <TableCell className="person-cell">
                  <PersonLink person={source.provider} />
                </TableCell>
                <TableCell>
                  {translate(`gongji.relation_one.${source.relation}`, { _: source.relation })}
                  {outOfScope(source.relation, source.provider.regionCode, scopes) ? (
                    <Tooltip title={translate('gongji.persons.out_of_scope_help')}>
                      <Chip
                        size="small"
                        color="warning"
                        variant="outlined"
                        label={translate('gongji.persons.out_of_scope')}
                        data-testid="funding-source-out-of-scope"
                        sx={{ ml: 0.5 }}
                      />
                    </Tooltip>
                  ) : null}
                </TableCell>
                <TableCell>{source.registeredOn}</TableCell>
                {staff ? (
                  <TableCell className="actions-cell">
                    <Box sx={{ display: 'flex', gap: 0.5 }}>
                      <MoveButton beneficiary={record} sources={active} index={index} step={-1} />
                      <MoveButton beneficiary={record} sources={active} index={index} step={1} />
                    </Box>
                  </TableCell>
                ) : null}
                {staff ? (
                  <TableCell className="actions-cell">
                    <RevokeRelationButton relation={source} />
                  </TableCell>
                ) : null}
              </TableRow>
            ))}
            {revoked.map((source) => (
              <TableRow key={source.id} data-testid="funding-source-row-revoked" sx={revokedSx}>
                <TableCell>—</TableCell>
                <TableCell className="person-cell">
                  <PersonLink person={source.provider} />
                </TableCell>
                <TableCell>
                  {translate(`gongji.relation_one.${source.relation}`, { _: source.relation })}
                </TableCell>
                <TableCell>
                  <RelationDates relation={source} />
                </TableCell>
                {staff ? <TableCell /> : null}
                {staff ? <TableCell /> : null}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Section>
  );
}

/**
 * Looks a person up by ID number for a counter form; a miss is a field error on that input. A number that is not
 * a valid ID number (GB 11643 check digit, birth date, province: R-ACC-2) is said to be so, not "not found".
 */
export async function personIdByIdNumber(
  idNumber: string,
  field: string,
  notFound: string,
  translate: (key: string) => string,
): Promise<string> {
  const check = checkIdNumber(idNumber, todayInChina());
  if (!check.ok) {
    const message = translate(check.problem);
    throw new HttpError(message, 400, { errors: { [field]: message } });
  }
  const result = await apolloClient.query<{ personByIdNumber: PersonRef | null }>({
    query: PERSON_BY_ID_NUMBER_QUERY,
    variables: { idNumber: check.idNumber },
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
  const staff = canDoCounterWork(permissions);
  // Only an employee participant has a personal account, so only they can share one (R-ACC-1).
  const register =
    staff && maySharePersonalAccount(record) ? (
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
            choices: choices(RELATIONS, 'gongji.relation_one'),
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
            translate,
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
        <Table size="small" sx={TABLE_SX}>
          <TableHead>
            <TableRow>
              <TableCell>{translate('gongji.persons.beneficiary')}</TableCell>
              <TableCell>{translate('gongji.persons.relation_to_this_person')}</TableCell>
              <TableCell>{translate('gongji.persons.channel')}</TableCell>
              <TableCell>{translate('gongji.persons.registered_on')}</TableCell>
              {staff ? <TableCell>{translate('gongji.persons.actions')}</TableCell> : null}
            </TableRow>
          </TableHead>
          <TableBody>
            {record.beneficiaries.map((relation) => (
              <TableRow
                key={relation.id}
                data-testid={relation.revokedAt ? 'beneficiary-row-revoked' : 'beneficiary-row'}
                sx={relation.revokedAt ? revokedSx : undefined}
              >
                <TableCell className="person-cell">
                  <PersonLink person={relation.beneficiary} />
                </TableCell>
                <TableCell>
                  {translate(`gongji.relation_one.${relation.relation}`, { _: relation.relation })}
                </TableCell>
                <TableCell>
                  {translate(`gongji.kin_channels.${relation.channel}`, { _: relation.channel })}
                </TableCell>
                <TableCell>
                  <RelationDates relation={relation} />
                </TableCell>
                {staff ? (
                  <TableCell className="actions-cell">
                    {relation.revokedAt ? null : <RevokeRelationButton relation={relation} />}
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
