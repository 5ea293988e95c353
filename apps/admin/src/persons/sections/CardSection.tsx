// Card state and the counter's card actions (R-CARD-1): pre-report and formal report of loss, unlock (解挂),
// reissue. Only the actions the state allows are offered.
import { usePermissions, useRecordContext, useTranslate } from 'react-admin';
import { canDoCounterWork } from '../../access/roles';
import {
  CARD_REISSUE_COMPLETE_MUTATION,
  CARD_RECOVER_MUTATION,
  CARD_REISSUE_MUTATION,
  CARD_REPORT_LOSS_MUTATION,
} from '../../data/counter/personDocuments';
import { runMutation } from '../../data/counter/runMutation';
import { ActionDialog } from '../../shared/ActionDialog';
import type { PersonRecord } from '../personTypes';
import { Item, Section } from './Section';

const REASON = { name: 'reason', label: 'gongji.actions.reason', multiline: true } as const;

function withReason(values: Record<string, string>): { reason?: string } {
  return values.reason?.trim() ? { reason: values.reason.trim() } : {};
}

export function CardSection() {
  const record = useRecordContext<PersonRecord>();
  const translate = useTranslate();
  const { permissions } = usePermissions();
  if (!record) return null;
  const card = record.card;
  const state = card?.state ?? null;
  const staff = canDoCounterWork(permissions);
  const personId = record.id;
  return (
    <Section title="gongji.persons.sections.card" testId="person-card">
      {card ? (
        <>
          <Item label="gongji.card.state" testId="card-state">
            {translate(`gongji.card_states.${card.state}`, { _: card.state })}
          </Item>
          {card.cardNumber ? <Item label="gongji.card.number">{card.cardNumber}</Item> : null}
          <Item label="gongji.card.reported_on">{card.reportedOn ?? '—'}</Item>
          {card.reissueReadyOn ? <Item label="gongji.card.ready_on">{card.reissueReadyOn}</Item> : null}
        </>
      ) : (
        <span>{translate('gongji.card.none')}</span>
      )}
      {staff && card ? (
        <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', marginTop: 12 }}>
          {state === 'ACTIVE' ? (
            <ActionDialog
              label="gongji.card.pre_report"
              title="gongji.card.pre_report_title"
              description={translate('gongji.card.pre_report_help')}
              color="warning"
              testId="card-pre-report"
              fields={[REASON]}
              onConfirm={async (values) => {
                const payload = await runMutation<{ preReportValidUntil: string | null; userErrors: [] }>(
                  CARD_REPORT_LOSS_MUTATION,
                  'cardReportLoss',
                  { personId, stage: 'PRE', ...withReason(values) },
                );
                return {
                  message: translate('gongji.card.pre_reported', {
                    date: payload.preReportValidUntil ?? '—',
                  }),
                };
              }}
            />
          ) : null}
          {state === 'ACTIVE' || state === 'PRE_REPORTED' ? (
            <ActionDialog
              label="gongji.card.formal_report"
              title="gongji.card.formal_report_title"
              description={translate('gongji.card.formal_report_help')}
              color="error"
              testId="card-formal-report"
              fields={[REASON]}
              onConfirm={async (values) => {
                await runMutation(CARD_REPORT_LOSS_MUTATION, 'cardReportLoss', {
                  personId,
                  stage: 'FORMAL',
                  ...withReason(values),
                });
                return { message: 'gongji.card.formally_reported' };
              }}
            />
          ) : null}
          {state === 'PRE_REPORTED' ? (
            <ActionDialog
              label="gongji.card.recover"
              title="gongji.card.recover_title"
              testId="card-recover"
              fields={[REASON]}
              onConfirm={async (values) => {
                await runMutation(CARD_RECOVER_MUTATION, 'cardRecover', { personId, ...withReason(values) });
                return { message: 'gongji.card.recovered' };
              }}
            />
          ) : null}
          {state === 'REPORTED' ? (
            <ActionDialog
              label="gongji.card.reissue"
              title="gongji.card.reissue_title"
              testId="card-reissue"
              fields={[
                {
                  name: 'channel',
                  label: 'gongji.card.reissue_channel',
                  required: true,
                  defaultValue: 'COUNTER',
                  choices: [
                    { id: 'COUNTER', name: 'gongji.card.channel_COUNTER' },
                    { id: 'ONLINE', name: 'gongji.card.channel_ONLINE' },
                  ],
                },
                REASON,
              ]}
              onConfirm={async (values) => {
                const payload = await runMutation<{
                  fee: string | null;
                  readyOn: string | null;
                  userErrors: [];
                }>(CARD_REISSUE_MUTATION, 'cardReissue', {
                  personId,
                  channel: values.channel,
                  ...withReason(values),
                });
                return {
                  message: translate('gongji.card.reissued', {
                    fee: payload.fee ?? '0.00',
                    date: payload.readyOn ?? '—',
                  }),
                };
              }}
            />
          ) : null}
          {state === 'REISSUE_PENDING' ? (
            <ActionDialog
              label="gongji.card.reissue_complete"
              title="gongji.card.reissue_complete_title"
              description={translate('gongji.card.reissue_complete_help')}
              testId="card-reissue-complete"
              fields={[REASON]}
              onConfirm={async (values) => {
                await runMutation(CARD_REISSUE_COMPLETE_MUTATION, 'cardReissueComplete', {
                  personId,
                  ...withReason(values),
                });
                return { message: 'gongji.card.reissue_completed' };
              }}
            />
          ) : null}
        </div>
      ) : null}
    </Section>
  );
}
