import AssignmentIcon from '@mui/icons-material/Assignment';
import type { RaRecord } from 'react-admin';
import { ApplicationList } from './ApplicationList';
import { ApplicationShow } from './ApplicationShow';
import { ApplicationCreate } from './ApplicationCreate';
import { ApplicationEdit } from './ApplicationEdit';

export { ApplicationList, ApplicationShow, ApplicationCreate, ApplicationEdit };

export default {
  list: ApplicationList,
  show: ApplicationShow,
  create: ApplicationCreate,
  edit: ApplicationEdit,
  icon: AssignmentIcon,
  recordRepresentation: (r: RaRecord) => String(r.summary ?? ''),
};
