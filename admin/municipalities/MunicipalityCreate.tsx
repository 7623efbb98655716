import { Create } from 'react-admin';
import { MunicipalityForm } from './MunicipalityForm';

export const MunicipalityCreate = () => (
  <Create redirect="show">
    <MunicipalityForm />
  </Create>
);
