import { Admin, Resource } from 'react-admin';
import { authProvider } from './auth/authProvider';
import { Dashboard } from './dashboard/Dashboard';
import { dataProvider } from './data/dataProvider';
import { i18nProvider } from './i18n/i18nProvider';
import { kinshipScopes } from './kinship-scopes';
import { regions } from './regions';

export function App() {
  return (
    <Admin
      title="共济 Gongji"
      dataProvider={dataProvider}
      authProvider={authProvider}
      i18nProvider={i18nProvider}
      dashboard={Dashboard}
      disableTelemetry
    >
      {(permissions: unknown) => (
        <>
          <Resource name="regions" {...regions} />
          {/* Policy settings are ADMIN-only in the API; other roles do not get the menu entry. */}
          {permissions === 'ADMIN' ? <Resource name="kinship-scopes" {...kinshipScopes} /> : null}
        </>
      )}
    </Admin>
  );
}
