import { Admin, Resource } from 'react-admin';
import { authProvider } from './auth/authProvider';
import { Dashboard } from './dashboard/Dashboard';
import { dataProvider } from './data/dataProvider';
import { i18nProvider } from './i18n/i18nProvider';
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
      <Resource name="regions" {...regions} />
    </Admin>
  );
}
