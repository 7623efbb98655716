import AssignmentIcon from '@mui/icons-material/Assignment';
import type { RaRecord } from 'react-admin';
import { lazyScreen } from '../common/lazyScreen';

const ApplicationList = lazyScreen(() => import('./ApplicationList'), 'ApplicationList');
const ApplicationShow = lazyScreen(() => import('./ApplicationShow'), 'ApplicationShow');
const ApplicationCreate = lazyScreen(() => import('./ApplicationCreate'), 'ApplicationCreate');
const ApplicationEdit = lazyScreen(() => import('./ApplicationEdit'), 'ApplicationEdit');

export default {
  list: ApplicationList,
  show: ApplicationShow,
  create: ApplicationCreate,
  edit: ApplicationEdit,
  icon: AssignmentIcon,
  recordRepresentation: (r: RaRecord) => String(r.summary ?? ''),
};
