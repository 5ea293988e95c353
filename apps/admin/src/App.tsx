import { Admin, Layout, type LayoutProps, Resource } from 'react-admin';
import { AccessDenied, forRoles } from './access/AccessDenied';
import { canEditRegions } from './access/roles';
import { RoleMenu } from './access/RoleMenu';
import { apiClients } from './api-clients';
import { auditLog } from './audit-log';
import { authProvider } from './auth/authProvider';
import { GongjiLoginPage } from './auth/GongjiLoginPage';
import { benefitSchedules } from './benefit-schedules';
import { Dashboard } from './dashboard/Dashboard';
import { dataProvider } from './data/dataProvider';
import { i18nProvider } from './i18n/i18nProvider';
import { institutions } from './institutions';
import { kinshipScopes } from './kinship-scopes';
import { persons } from './persons';
import { policyInForce } from './policy';
import { regions } from './regions';
import { transactions } from './transactions';

/** The menu lists only what the signed-in role may open (`options.roles` of each resource). */
function GongjiLayout(props: LayoutProps) {
  // minWidth 0: a wide table scrolls inside its card instead of widening the page past 1440 px (issue #10).
  return <Layout {...props} menu={RoleMenu} sx={{ minWidth: 0, '& .RaLayout-content': { minWidth: 0 } }} />;
}

export function App() {
  return (
    <Admin
      title="共济 Gongji"
      dataProvider={dataProvider}
      authProvider={authProvider}
      i18nProvider={i18nProvider}
      dashboard={Dashboard}
      loginPage={GongjiLoginPage}
      layout={GongjiLayout}
      disableTelemetry
    >
      {(permissions: unknown) => (
        <>
          {/* Only ADMIN edits rollout dates: a typed edit URL shows 无权访问 to the others, not a form. */}
          <Resource
            name="regions"
            {...regions}
            edit={canEditRegions(permissions) ? regions.edit : AccessDenied}
          />
          {/* Policy settings are ADMIN-only in the API: hidden from the menu and 无权访问 for the other roles. */}
          <Resource
            name="kinship-scopes"
            {...kinshipScopes}
            list={forRoles(['ADMIN'], kinshipScopes.list)}
            create={forRoles(['ADMIN'], kinshipScopes.create)}
            options={{ roles: ['ADMIN'] }}
          />
          {/* Issue #10: the policy in force (every role reads effectivePolicy) and the audit trail (ADMIN). */}
          <Resource name="policy-in-force" {...policyInForce} />
          <Resource
            name="benefit-schedules"
            {...benefitSchedules}
            list={forRoles(['ADMIN'], benefitSchedules.list)}
            options={{ roles: ['ADMIN'] }}
          />
          <Resource
            name="audit-log"
            {...auditLog}
            list={forRoles(['ADMIN'], auditLog.list)}
            options={{ roles: ['ADMIN'] }}
          />
          {/* Registering and editing persons is counter work (ADMIN, COUNTER): 无权访问 for analysts. */}
          <Resource
            name="persons"
            {...persons}
            create={forRoles(['ADMIN', 'COUNTER'], persons.create)}
            edit={forRoles(['ADMIN', 'COUNTER'], persons.edit)}
          />
          <Resource name="transactions" {...transactions} />
          <Resource name="institutions" {...institutions} />
          <Resource name="api-clients" {...apiClients} />
        </>
      )}
    </Admin>
  );
}
