import MailIcon from '@mui/icons-material/Mail';
import { NotificationList } from './NotificationList';

export { NotificationList };

export default { list: NotificationList, icon: MailIcon };
