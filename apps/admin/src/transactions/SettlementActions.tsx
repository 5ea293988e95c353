// Cancel or refund a settlement (R-USE-5) for ADMIN and COUNTER, after a confirmation. Each dialog sends an
// idempotency key: the same one only to retry the identical request after a lost connection (a double click or a
// retry moves no money twice), a new one for a corrected amount or after an answer (see requestKeys.ts).
// A partly refunded settlement cannot be cancelled as a whole: the button is disabled and says why.
import Undo from '@mui/icons-material/Undo';
import { Tooltip, Typography } from '@mui/material';
import { useMemo } from 'react';
import { usePermissions, useRecordContext, useTranslate } from 'react-admin';
import { canDoCounterWork } from '../access/roles';
import { type Payload, newIdempotencyKey, runMutation } from '../data/counter/runMutation';
import { REFUND_ISSUE_MUTATION, SETTLEMENT_CANCEL_MUTATION } from '../data/counter/transactionDocuments';
import { ActionDialog } from '../shared/ActionDialog';
import { formatYuan } from '../shared/format';
import { asFieldsError, fieldsHttpError, moneyInputError, normalizeMoneyText } from '../shared/moneyInput';
import { isKeyReused, requestKeys } from './requestKeys';
import type { TransactionRecord } from './transactionFields';
import { cancelBlockedReason, isCancellable, isReversible } from './transactionKinds';

interface RefundPayload extends Payload {
  readonly refund?: { readonly remaining: string } | null;
}

export function SettlementActions() {
  const record = useRecordContext<TransactionRecord>();
  const translate = useTranslate();
  const { permissions } = usePermissions();
  const keys = useMemo(
    () => ({
      cancel: requestKeys(() => newIdempotencyKey('cancel')),
      refund: requestKeys(() => newIdempotencyKey('refund')),
    }),
    [record?.id],
  );
  if (!record || !canDoCounterWork(permissions) || !isReversible(record.kind, record.status)) return null;
  const blocked = cancelBlockedReason(record.kind, record.status);
  return (
    <>
      <Tooltip title={blocked ? translate(blocked) : ''}>
        {/* A disabled button gets no hover events: the span carries the reason. */}
        <span
          data-testid={blocked ? 'settlement-cancel-blocked' : undefined}
          aria-label={blocked ? translate(blocked) : undefined}
        >
          <ActionDialog
            label="gongji.transactions.cancel"
            title="gongji.transactions.cancel_title"
            description={translate('gongji.transactions.cancel_help', { amount: record.amount })}
            color="error"
            testId="settlement-cancel"
            icon={<Undo />}
            disabled={!isCancellable(record.kind, record.status)}
            // Why, as every counter action asks: kept in the audit row written with the money.
            fields={[
              { name: 'reason', label: 'gongji.transactions.reason', required: true, multiline: true },
            ]}
            onConfirm={async (values) => {
              const input = { transactionId: record.id };
              try {
                await runMutation(SETTLEMENT_CANCEL_MUTATION, 'settlementCancel', {
                  ...input,
                  idempotencyKey: keys.cancel.keyFor(input),
                  reason: values.reason.trim(),
                });
                keys.cancel.settle();
              } catch (error) {
                keys.cancel.settle(error);
                throw error;
              }
              return { message: 'gongji.transactions.cancelled' };
            }}
          />
        </span>
      </Tooltip>
      {blocked ? (
        <Typography variant="caption" color="text.secondary" data-testid="settlement-cancel-why">
          {translate('gongji.transactions.cancel_blocked_short')}
        </Typography>
      ) : null}
      <ActionDialog
        label="gongji.transactions.refund"
        title="gongji.transactions.refund_title"
        description={translate('gongji.transactions.refund_help')}
        color="warning"
        testId="refund-issue"
        fields={[
          { name: 'amount', label: 'gongji.transactions.refund_amount', required: true },
          { name: 'reason', label: 'gongji.transactions.reason', required: true, multiline: true },
        ]}
        onConfirm={async (values) => {
          // The amount is checked on its field first: a wrong one is never sent.
          const invalid = moneyInputError(values.amount, { grouping: true });
          if (invalid) throw fieldsHttpError({ amount: translate(invalid) });
          const input = { transactionId: record.id, amount: normalizeMoneyText(values.amount) };
          let payload: RefundPayload;
          try {
            payload = await runMutation<RefundPayload>(REFUND_ISSUE_MUTATION, 'refundIssue', {
              ...input,
              idempotencyKey: keys.refund.keyFor(input),
              reason: values.reason.trim(),
            });
            keys.refund.settle();
          } catch (error) {
            keys.refund.settle(error);
            if (isKeyReused(error)) throw fieldsHttpError({}, translate('gongji.transactions.key_reused'));
            throw asFieldsError(error);
          }
          const remaining = payload.refund?.remaining;
          return {
            message: remaining
              ? translate('gongji.transactions.refunded_remaining', {
                  remaining: formatYuan(remaining, translate),
                })
              : 'gongji.transactions.refunded',
          };
        }}
      />
    </>
  );
}
