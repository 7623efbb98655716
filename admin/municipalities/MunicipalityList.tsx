// 市町村 (VENDOR): the municipalities this deployment serves.
import { DataTable, EmailField, List, SearchInput } from 'react-admin';
import { noWrap, tableSx } from '../common/tableStyles';
import { useCsvExporter } from '../common/useCsvExporter';

const columns = [{ source: 'code' }, { source: 'prefecture' }, { source: 'name' }, { source: 'contactName' }, { source: 'contactEmail' }];

export const MunicipalityList = () => {
  const exporter = useCsvExporter('municipalities', columns);
  return (
    <List filters={[<SearchInput key="q" source="q" alwaysOn />]} sort={{ field: 'code', order: 'ASC' }} exporter={exporter} pagination={false} perPage={1000}>
      <DataTable rowClick="show" bulkActionButtons={false} sx={tableSx}>
        <DataTable.Col source="code" sx={noWrap} />
        <DataTable.Col source="prefecture" />
        <DataTable.Col source="name" />
        <DataTable.Col source="contactName" />
        <DataTable.Col source="contactEmail">
          <EmailField source="contactEmail" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};
