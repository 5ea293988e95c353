import Calculate from '@mui/icons-material/Calculate';
import { BenefitSchedulePage } from './BenefitSchedulePage';

/** The `benefit-schedules` page (issue #10): R-SET terms and R-USE-6 caps per region and date, with a calculator. */
export const benefitSchedules = {
  list: BenefitSchedulePage,
  icon: Calculate,
};
