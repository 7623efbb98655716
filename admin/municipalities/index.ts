import LocationCityIcon from '@mui/icons-material/LocationCity';
import { MunicipalityList } from './MunicipalityList';
import { MunicipalityShow } from './MunicipalityShow';
import { MunicipalityEdit } from './MunicipalityEdit';
import { MunicipalityCreate } from './MunicipalityCreate';

export { MunicipalityList, MunicipalityShow, MunicipalityEdit, MunicipalityCreate };

export default {
  list: MunicipalityList,
  show: MunicipalityShow,
  edit: MunicipalityEdit,
  create: MunicipalityCreate,
  icon: LocationCityIcon,
  recordRepresentation: 'name',
};
