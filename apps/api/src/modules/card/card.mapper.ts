import { ACTIVE_CARD, type Card, CardState, REISSUE_FEE, type ReissueChannel } from '@gongji/domain';
import type { CardEntity } from '@gongji/persistence';
import { todayInChina } from '../../common/clock';

/**
 * The stored row → the domain's card (no row = an active card). The table keeps the latest event only: the
 * temporary certificate goes with a formal report, a pending reissue was requested on the row's last change. The
 * `reissueReadyOn` column holds, for a PRE_REPORTED card, the pre-report's last day fixed when it was made (card
 * rules of that day, R-CARD-1); older rows without it get the default 10 days. The fee actually charged is in the
 * cardReissue payload and its audit row; the row does not keep it, so a pending reissue read back shows the default.
 */
export function toDomainCard(row: CardEntity | null): Card {
  if (!row) return ACTIVE_CARD;
  const state = row.state as CardState;
  const reported = state === CardState.REPORTED || state === CardState.REISSUE_PENDING;
  return {
    state,
    reportedOn: row.reportedOn,
    ...(state === CardState.PRE_REPORTED ? { preReportValidUntil: row.reissueReadyOn } : {}),
    temporaryCertificate: reported,
    reissue:
      state === CardState.REISSUE_PENDING
        ? {
            channel: row.reissueChannel as ReissueChannel,
            requestedOn: todayInChina(row.updatedAt),
            readyOn: row.reissueReadyOn,
            fee: REISSUE_FEE,
          }
        : null,
  };
}
