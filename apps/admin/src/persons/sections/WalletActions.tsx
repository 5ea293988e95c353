// Counter actions on the wallet (ADMIN, COUNTER): 确认使用钱包 — usage region and bound phone (R-WAL-5, a later
// change of region only where the province allows it, R-WAL-2) — and 钱包转账 to a near relative (R-WAL-3..6):
// recipient by ID number, amount, source (own EARMARKED or own WALLET), the verification done (face check by
// default). The transfer sends an idempotency key: the same one only to retry the identical request whose outcome
// is unknown (requestKeys.ts). Refusals are shown in Chinese on their input.
import AccountBalanceWallet from '@mui/icons-material/AccountBalanceWallet';
import SwapHoriz from '@mui/icons-material/SwapHoriz';
import { useMemo } from 'react';
import { useTranslate } from 'react-admin';
import { WALLET_ACTIVATE_MUTATION, WALLET_TRANSFER_MUTATION } from '../../data/counter/personDocuments';
import { newIdempotencyKey, runMutation } from '../../data/counter/runMutation';
import { ActionDialog } from '../../shared/ActionDialog';
import { asFieldsError, fieldsHttpError, moneyInputError, normalizeMoneyText } from '../../shared/moneyInput';
import { formatYuan } from '../../shared/format';
import { isKeyReused, requestKeys } from '../../transactions/requestKeys';
import type { PersonRecord } from '../personTypes';
import { personIdByIdNumber } from './RelationsSections';

export const WALLET_SOURCES = ['EARMARKED', 'WALLET'] as const;
export const WALLET_VERIFICATIONS = ['FACE', 'CODE_PASSWORD'] as const;

export function WalletActions(props: { readonly record: PersonRecord }) {
  const { record } = props;
  const translate = useTranslate();
  const keys = useMemo(() => requestKeys(() => newIdempotencyKey('wallet-transfer')), [record.id]);
  const hasAccount = Boolean(record.account);
  return (
    <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
      <ActionDialog
        label={record.wallet ? 'gongji.wallet_actions.change' : 'gongji.wallet_actions.activate'}
        title="gongji.wallet_actions.activate_title"
        description={translate('gongji.wallet_actions.activate_help')}
        testId="wallet-activate"
        icon={<AccountBalanceWallet />}
        fields={[
          {
            name: 'usageRegionCode',
            label: 'gongji.wallet_actions.usage_region',
            required: true,
            helperText: 'gongji.wallet_actions.usage_region_hint',
            defaultValue: record.wallet?.usageRegionCode ?? record.regionCode ?? '',
          },
          {
            name: 'phone',
            label: 'gongji.wallet_actions.phone',
            required: true,
            defaultValue: record.wallet?.phone ?? record.phone ?? '',
          },
        ]}
        onConfirm={async (values) => {
          try {
            await runMutation(WALLET_ACTIVATE_MUTATION, 'walletActivate', {
              personId: record.id,
              usageRegionCode: values.usageRegionCode.trim(),
              phone: values.phone.trim(),
            });
          } catch (error) {
            throw asFieldsError(error);
          }
          return { message: 'gongji.wallet_actions.activated' };
        }}
      />
      <ActionDialog
        label="gongji.wallet_actions.transfer"
        title="gongji.wallet_actions.transfer_title"
        description={translate('gongji.wallet_actions.transfer_help', { name: record.name })}
        testId="wallet-transfer"
        icon={<SwapHoriz />}
        fields={[
          {
            name: 'toIdNumber',
            label: 'gongji.wallet_actions.recipient_id_number',
            required: true,
            alsoFor: ['toPersonId', 'relation'],
          },
          { name: 'amount', label: 'gongji.wallet_actions.amount', required: true },
          {
            name: 'source',
            label: 'gongji.wallet_actions.source',
            required: true,
            defaultValue: hasAccount ? 'EARMARKED' : 'WALLET',
            choices: WALLET_SOURCES.map((s) => ({ id: s, name: `gongji.wallet_actions.source_${s}` })),
          },
          {
            name: 'verification',
            label: 'gongji.wallet_actions.verification',
            required: true,
            defaultValue: 'FACE',
            choices: WALLET_VERIFICATIONS.map((v) => ({
              id: v,
              name: `gongji.wallet_actions.verification_${v}`,
            })),
          },
        ]}
        onConfirm={async (values) => {
          // Checked on their inputs first: a wrong amount or ID number is never sent.
          const invalid = moneyInputError(values.amount, { grouping: true });
          if (invalid) throw fieldsHttpError({ amount: translate(invalid) });
          const toPersonId = await personIdByIdNumber(
            values.toIdNumber.trim(),
            'toIdNumber',
            translate('gongji.persons.not_found'),
            translate,
          );
          const input = {
            fromPersonId: record.id,
            toPersonId,
            amount: normalizeMoneyText(values.amount),
            source: values.source,
            verification: values.verification,
          };
          let amount: string | undefined;
          try {
            const payload = await runMutation<{
              transaction: { id: string; amount: string } | null;
              userErrors: [];
            }>(WALLET_TRANSFER_MUTATION, 'walletTransfer', {
              ...input,
              idempotencyKey: keys.keyFor(input),
            });
            keys.settle();
            amount = payload.transaction?.amount;
          } catch (error) {
            keys.settle(error);
            if (isKeyReused(error)) throw fieldsHttpError({}, translate('gongji.transactions.key_reused'));
            throw asFieldsError(error);
          }
          return {
            message: translate('gongji.wallet_actions.transferred', {
              amount: formatYuan(amount ?? input.amount, translate),
            }),
          };
        }}
      />
    </div>
  );
}
