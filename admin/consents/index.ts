import AssignmentTurnedInIcon from '@mui/icons-material/AssignmentTurnedIn';
import { lazyScreen } from '../common/lazyScreen';

const ConsentList = lazyScreen(() => import('./ConsentList'), 'ConsentList');

export default { list: ConsentList, icon: AssignmentTurnedInIcon };
