// The side menu lists only the resources the signed-in role may open (`<Resource options={{ roles }}>`).
import { Menu, usePermissions, useResourceDefinitions } from 'react-admin';
import type { Role } from '../data/graphqlTypes';
import { mayOpen } from './roles';

export function RoleMenu() {
  const resources = useResourceDefinitions();
  const { permissions } = usePermissions();
  return (
    <Menu>
      <Menu.DashboardItem />
      {Object.values(resources)
        .filter((r) => r.hasList)
        .filter((r) => mayOpen(permissions, (r.options as { roles?: Role[] } | undefined)?.roles))
        .map((r) => (
          <Menu.ResourceItem key={r.name} name={r.name} />
        ))}
    </Menu>
  );
}
