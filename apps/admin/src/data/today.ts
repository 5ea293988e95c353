import type { IsoDate } from '@gongji/domain';

const CHINA_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today in China Standard Time: rollout dates are Beijing calendar days, whatever the officer's browser zone. */
export function todayInChina(now: Date = new Date()): IsoDate {
  return CHINA_DAY.format(now);
}
