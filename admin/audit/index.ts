import PolicyIcon from '@mui/icons-material/Policy';
import { AuditList } from './AuditList';

export { AuditList };

export default { list: AuditList, icon: PolicyIcon };
