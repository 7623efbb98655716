// Account actions on the show page: ロック解除 (CITY, VENDOR), ID停止 and 利用再開 (VENDOR).
import LockOpenIcon from '@mui/icons-material/LockOpen';
import BlockIcon from '@mui/icons-material/Block';
import RestoreIcon from '@mui/icons-material/Restore';
import { RecordActionButton } from '../common/RecordActionButton';

export const UnlockButton = () => (
  <RecordActionButton access="unlock" label="app.actions.unlock" icon={<LockOpenIcon />} visible={(r) => !!r.locked} run={(dp, r) => dp.unlockUser(r.id)} successMessage="app.actions.unlocked" />
);

export const StopButton = () => (
  <RecordActionButton
    access="delete"
    label="app.actions.stop"
    icon={<BlockIcon />}
    color="error"
    visible={(r) => r.status !== 'STOPPED'}
    confirmTitle="app.actions.stop_title"
    confirmContent="app.actions.stop_content"
    run={(dp, r) => dp.delete('users', { id: r.id, previousData: r })}
    successMessage="app.actions.stopped"
  />
);

export const ReactivateUserButton = () => (
  <RecordActionButton
    access="reactivate"
    label="app.actions.reactivate"
    icon={<RestoreIcon />}
    visible={(r) => r.status === 'STOPPED'}
    confirmTitle="app.actions.reactivate"
    run={(dp, r) => dp.reactivateUser(r)}
    successMessage="app.actions.reactivated"
  />
);
