import History from '@mui/icons-material/History';
import { AuditLogList } from './AuditLogList';

/** The `audit-log` resource (issue #10): read-only, ADMIN only (the API's `auditLog`). */
export const auditLog = {
  list: AuditLogList,
  icon: History,
};
