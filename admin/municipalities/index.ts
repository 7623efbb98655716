import LocationCityIcon from '@mui/icons-material/LocationCity';
import { lazyScreen } from '../common/lazyScreen';

const MunicipalityList = lazyScreen(() => import('./MunicipalityList'), 'MunicipalityList');
const MunicipalityShow = lazyScreen(() => import('./MunicipalityShow'), 'MunicipalityShow');
const MunicipalityEdit = lazyScreen(() => import('./MunicipalityEdit'), 'MunicipalityEdit');
const MunicipalityCreate = lazyScreen(() => import('./MunicipalityCreate'), 'MunicipalityCreate');

export default {
  list: MunicipalityList,
  show: MunicipalityShow,
  edit: MunicipalityEdit,
  create: MunicipalityCreate,
  icon: LocationCityIcon,
  recordRepresentation: 'name',
};
