import StoreIcon from '@mui/icons-material/Store';
import { lazyScreen } from '../common/lazyScreen';

const OfficeList = lazyScreen(() => import('./OfficeList'), 'OfficeList');
const OfficeShow = lazyScreen(() => import('./OfficeShow'), 'OfficeShow');
const OfficeEdit = lazyScreen(() => import('./OfficeEdit'), 'OfficeEdit');
const OfficeCreate = lazyScreen(() => import('./OfficeCreate'), 'OfficeCreate');

export default {
  list: OfficeList,
  show: OfficeShow,
  edit: OfficeEdit,
  create: OfficeCreate,
  icon: StoreIcon,
  recordRepresentation: 'name',
};
