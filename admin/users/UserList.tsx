// アカウント一覧 (VENDOR: all; CITY: its municipality, printing the letters of its pending accounts)
// and, for an office admin, 職員名簿 (read-only).
import { AutocompleteInput, DataTable, List, ReferenceInput, SearchInput, SelectField, SelectInput } from 'react-admin';
import { noWrap, tableSx } from '../common/tableStyles';
import { choices } from '../common/enums';
import { DateTimeField } from '../common/DateTimeField';
import { StatusField } from '../common/StatusField';
import { useCsvExporter } from '../common/useCsvExporter';
import { useRole } from '../common/useRole';
import { userExportColumns } from './userExport';
import { RequestIdStopButton } from '../applications/RequestIdStopButton';
import { PrintActivationCodesBulkButton } from './ActivationCodes';

const officeFilterToQuery = (q: string) => ({ q });

export const UserList = () => {
  const { isVendor, isOfficeAdmin } = useRole();
  const exporter = useCsvExporter('users', userExportColumns);
  const filters = [
    <SearchInput key="q" source="q" alwaysOn />,
    ...(isOfficeAdmin ? [] : [<SelectInput key="role" source="role" choices={choices.role} alwaysOn />]),
    <SelectInput key="jobType" source="jobType" choices={choices.jobType} alwaysOn />,
    <SelectInput key="status" source="status" choices={choices.userStatus} alwaysOn />,
    ...(isOfficeAdmin
      ? []
      : [
          <ReferenceInput key="officeId" source="officeId" reference="offices" sort={{ field: 'nameKana', order: 'ASC' }}>
            <AutocompleteInput optionText="name" filterToQuery={officeFilterToQuery} sx={{ minWidth: 260 }} />
          </ReferenceInput>,
        ]),
  ];
  return (
    <List title={isOfficeAdmin ? 'app.menu.roster' : undefined} filters={filters} sort={{ field: 'nameKana', order: 'ASC' }} exporter={exporter} perPage={25}>
      <DataTable rowClick="show" bulkActionButtons={isOfficeAdmin ? <RequestIdStopButton /> : <PrintActivationCodesBulkButton />} sx={tableSx}>
        <DataTable.Col source="name" disableSort />
        <DataTable.Col source="nameKana" />
        <DataTable.Col source="loginId" sx={noWrap} />
        {!isOfficeAdmin && (
          <DataTable.Col source="role" disableSort>
            <SelectField source="role" choices={choices.role} />
          </DataTable.Col>
        )}
        <DataTable.Col source="jobType" disableSort>
          <SelectField source="jobType" choices={choices.jobType} />
        </DataTable.Col>
        {!isOfficeAdmin && <DataTable.Col source="office.name" label="resources.users.fields.office" disableSort />}
        {isVendor && <DataTable.Col source="municipality.name" sx={noWrap} label="resources.users.fields.municipality" disableSort />}
        <DataTable.Col source="status" sx={noWrap} disableSort>
          <StatusField enumType="UserStatus" />
        </DataTable.Col>
        <DataTable.Col source="lastSignInAt" sx={noWrap}>
          <DateTimeField source="lastSignInAt" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};
