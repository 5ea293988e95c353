import PeopleAlt from '@mui/icons-material/PeopleAlt';
import { lazy } from 'react';
import { lazyPage } from '../shared/lazyPage';
import { PersonList } from './PersonList';

/** The `persons` resource: counter search, the person page, registration and edit (lazy: the heaviest pages). */
export const persons = {
  list: PersonList,
  show: lazyPage(lazy(() => import('./PersonShow').then((m) => ({ default: m.PersonShow })))),
  create: lazyPage(lazy(() => import('./PersonCreate').then((m) => ({ default: m.PersonCreate })))),
  edit: lazyPage(lazy(() => import('./PersonEdit').then((m) => ({ default: m.PersonEdit })))),
  icon: PeopleAlt,
  recordRepresentation: 'name',
  options: { roles: ['ADMIN', 'COUNTER', 'ANALYST'] },
};
