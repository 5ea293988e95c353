// The form toolbar of records the API never deletes (institutions, API clients: they are disabled or revoked, and
// the audit trail keeps them): 保存 only, no 删除 that could only fail.
import { SaveButton, Toolbar } from 'react-admin';

export function SaveOnlyToolbar() {
  return (
    <Toolbar>
      <SaveButton />
    </Toolbar>
  );
}
