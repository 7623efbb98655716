import StoreIcon from '@mui/icons-material/Store';
import { OfficeList } from './OfficeList';
import { OfficeShow } from './OfficeShow';
import { OfficeEdit } from './OfficeEdit';
import { OfficeCreate } from './OfficeCreate';

export { OfficeList, OfficeShow, OfficeEdit, OfficeCreate };

export default {
  list: OfficeList,
  show: OfficeShow,
  edit: OfficeEdit,
  create: OfficeCreate,
  icon: StoreIcon,
  recordRepresentation: 'name',
};
