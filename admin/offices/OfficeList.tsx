// 事業所一覧: VENDOR all municipalities (with a municipality filter and column), CITY its own.
import { DataTable, List, ReferenceInput, SearchInput, SelectField, SelectInput } from 'react-admin';
import { noWrap, tableSx } from '../common/tableStyles';
import { choices } from '../common/enums';
import { StatusField } from '../common/StatusField';
import { useCsvExporter } from '../common/useCsvExporter';
import { useRole } from '../common/useRole';
import { officeExportColumns } from './officeExport';

export const OfficeList = () => {
  const { isVendor } = useRole();
  const exporter = useCsvExporter('offices', officeExportColumns);
  const filters = [
    <SearchInput key="q" source="q" alwaysOn />,
    <SelectInput key="kind" source="kind" choices={choices.officeKind} alwaysOn />,
    <SelectInput key="status" source="status" choices={choices.officeStatus} alwaysOn />,
    ...(isVendor
      ? [
          <ReferenceInput key="municipalityId" source="municipalityId" reference="municipalities" alwaysOn>
            <SelectInput optionText="name" />
          </ReferenceInput>,
        ]
      : []),
  ];
  return (
    <List filters={filters} sort={{ field: 'nameKana', order: 'ASC' }} exporter={exporter} perPage={25}>
      <DataTable rowClick="show" bulkActionButtons={false} sx={tableSx}>
        <DataTable.Col source="name" disableSort />
        <DataTable.Col source="nameKana" />
        <DataTable.Col source="kind" disableSort>
          <SelectField source="kind" choices={choices.officeKind} />
        </DataTable.Col>
        <DataTable.Col source="officeNumber" sx={noWrap} />
        {isVendor && <DataTable.Col source="municipality.name" sx={noWrap} label="resources.offices.fields.municipality" disableSort />}
        <DataTable.Col source="phone" sx={noWrap} disableSort />
        <DataTable.Col source="status" sx={noWrap} disableSort>
          <StatusField enumType="OfficeStatus" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};
