import PeopleIcon from '@mui/icons-material/People';
import { UserList } from './UserList';
import { UserShow } from './UserShow';
import { UserEdit } from './UserEdit';
import { UserCreate } from './UserCreate';

export { UserList, UserShow, UserEdit, UserCreate };

export default {
  list: UserList,
  show: UserShow,
  edit: UserEdit,
  create: UserCreate,
  icon: PeopleIcon,
  recordRepresentation: 'name',
};
