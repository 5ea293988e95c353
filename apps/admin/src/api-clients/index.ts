import VpnKey from '@mui/icons-material/VpnKey';
import { forRoles } from '../access/AccessDenied';
import { ApiClientCreate } from './ApiClientCreate';
import { ApiClientEdit } from './ApiClientEdit';
import { ApiClientList } from './ApiClientList';

const ADMIN_ONLY = ['ADMIN'] as const;

/** The `api-clients` resource (issue #8 operations): ADMIN only; other roles get the access-denied page. */
export const apiClients = {
  list: forRoles(ADMIN_ONLY, ApiClientList),
  create: forRoles(ADMIN_ONLY, ApiClientCreate),
  edit: forRoles(ADMIN_ONLY, ApiClientEdit),
  icon: VpnKey,
  recordRepresentation: 'name',
  options: { roles: [...ADMIN_ONLY] },
};
