import MailIcon from '@mui/icons-material/Mail';
import { lazyScreen } from '../common/lazyScreen';

const NotificationList = lazyScreen(() => import('./NotificationList'), 'NotificationList');

export default { list: NotificationList, icon: MailIcon };
