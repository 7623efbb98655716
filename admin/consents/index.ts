import AssignmentTurnedInIcon from '@mui/icons-material/AssignmentTurnedIn';
import { ConsentList } from './ConsentList';

export default { list: ConsentList, icon: AssignmentTurnedInIcon };
