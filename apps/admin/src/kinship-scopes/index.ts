import FamilyRestroom from '@mui/icons-material/FamilyRestroom';
import { KinshipScopeCreate } from './KinshipScopeCreate';
import { KinshipScopeList } from './KinshipScopeList';

/** The `kinship-scopes` resource: effective-dated mutual-aid relation scopes per region and purpose (R-KIN-1). */
export const kinshipScopes = {
  list: KinshipScopeList,
  create: KinshipScopeCreate,
  icon: FamilyRestroom,
};
