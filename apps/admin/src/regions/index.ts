import Public from '@mui/icons-material/Public';
import { RegionEdit } from './RegionEdit';
import { RegionList } from './RegionList';
import { RegionShow } from './RegionShow';

/** The `regions` resource: coverage regions (统筹区) and their rollout dates. */
export const regions = {
  list: RegionList,
  edit: RegionEdit,
  show: RegionShow,
  icon: Public,
  recordRepresentation: 'name',
};
