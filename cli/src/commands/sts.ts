import { viewCommand } from '../views/viewCommand';

export default viewCommand('sts');
