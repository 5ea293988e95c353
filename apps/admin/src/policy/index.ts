import Policy from '@mui/icons-material/Policy';
import { PolicyInForcePage } from './PolicyInForcePage';

/** The `policy-in-force` page (issue #10): a resource with only a list view, so it gets a menu entry and a URL. */
export const policyInForce = {
  list: PolicyInForcePage,
  icon: Policy,
};
