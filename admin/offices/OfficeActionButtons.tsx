// Office actions on the show page (VENDOR): 利用停止 (the panel's "delete") and 利用再開.
import BlockIcon from '@mui/icons-material/Block';
import RestoreIcon from '@mui/icons-material/Restore';
import { RecordActionButton } from '../common/RecordActionButton';

export const DeactivateOfficeButton = () => (
  <RecordActionButton
    access="delete"
    label="app.actions.deactivate"
    icon={<BlockIcon />}
    color="error"
    visible={(r) => r.status === 'ACTIVE'}
    confirmTitle="app.actions.deactivate_title"
    confirmContent="app.actions.deactivate_content"
    run={(dp, r) => dp.delete('offices', { id: r.id, previousData: r })}
    successMessage="app.actions.deactivated"
  />
);

export const ReactivateOfficeButton = () => (
  <RecordActionButton
    access="reactivate"
    label="app.actions.reactivate"
    icon={<RestoreIcon />}
    visible={(r) => r.status === 'INACTIVE'}
    confirmTitle="app.actions.reactivate"
    run={(dp, r) => dp.reactivateOffice(r)}
    successMessage="app.actions.reactivated"
  />
);
