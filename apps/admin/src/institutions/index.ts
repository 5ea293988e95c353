import LocalHospital from '@mui/icons-material/LocalHospital';
import { forRoles } from '../access/AccessDenied';
import { InstitutionCreate } from './InstitutionCreate';
import { InstitutionEdit } from './InstitutionEdit';
import { InstitutionList } from './InstitutionList';

const STAFF = ['ADMIN', 'COUNTER', 'ANALYST'] as const;
const ADMIN_ONLY = ['ADMIN'] as const;

/** The `institutions` resource: designated hospitals and pharmacies; staff read, ADMIN creates and edits. */
export const institutions = {
  list: forRoles(STAFF, InstitutionList),
  create: forRoles(ADMIN_ONLY, InstitutionCreate),
  edit: forRoles(ADMIN_ONLY, InstitutionEdit),
  icon: LocalHospital,
  recordRepresentation: 'name',
  options: { roles: [...STAFF] },
};
