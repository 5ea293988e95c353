import PeopleAlt from '@mui/icons-material/PeopleAlt';
import { lazy } from 'react';
import { lazyPage } from '../shared/lazyPage';
import { PersonList } from './PersonList';

/** The `persons` resource: counter search and the person page (lazy: it is the heaviest page of the console). */
export const persons = {
  list: PersonList,
  show: lazyPage(lazy(() => import('./PersonShow').then((m) => ({ default: m.PersonShow })))),
  icon: PeopleAlt,
  recordRepresentation: 'name',
  options: { roles: ['ADMIN', 'COUNTER', 'ANALYST'] },
};
