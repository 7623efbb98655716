import PeopleIcon from '@mui/icons-material/People';
import { lazyScreen } from '../common/lazyScreen';

const UserList = lazyScreen(() => import('./UserList'), 'UserList');
const UserShow = lazyScreen(() => import('./UserShow'), 'UserShow');
const UserEdit = lazyScreen(() => import('./UserEdit'), 'UserEdit');
const UserCreate = lazyScreen(() => import('./UserCreate'), 'UserCreate');

export default {
  list: UserList,
  show: UserShow,
  edit: UserEdit,
  create: UserCreate,
  icon: PeopleIcon,
  recordRepresentation: 'name',
};
