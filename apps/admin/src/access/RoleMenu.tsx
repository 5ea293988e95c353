// The side menu lists only the resources the signed-in role may open (`<Resource options={{ roles }}>`); rendered
// on every page of the layout, it also names the browser tab after the page open.
import { Menu, usePermissions, useResourceDefinitions } from 'react-admin';
import type { Role } from '../data/graphqlTypes';
import { DocumentTitle } from '../shared/DocumentTitle';
import { mayOpen } from './roles';

export function RoleMenu() {
  const resources = useResourceDefinitions();
  const { permissions } = usePermissions();
  return (
    <Menu>
      <DocumentTitle />
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
