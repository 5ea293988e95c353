import { ACTIVE_CARD, type Card, CardState, REISSUE_FEE, type ReissueChannel } from '@gongji/domain';
import type { CardEntity } from '@gongji/persistence';
import { todayInChina } from '../../common/clock';

/**
 * The stored row → the domain's card (no row = an active card). The table keeps the latest event only: the
 * temporary certificate goes with a formal report, a pending reissue was requested on the row's last change, and its
 * fee is the fixed 工本费.
 */
export function toDomainCard(row: CardEntity | null): Card {
  if (!row) return ACTIVE_CARD;
  const state = row.state as CardState;
  const reported = state === CardState.REPORTED || state === CardState.REISSUE_PENDING;
  return {
    state,
    reportedOn: row.reportedOn,
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
