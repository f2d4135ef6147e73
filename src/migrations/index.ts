import { InitialSchema1795769029569 } from './1795769029569-InitialSchema';
import { TightenPartialDateChecks1795780000000 } from './1795780000000-TightenPartialDateChecks';

// In the order they run. A migration missing here shows up as schema drift in the tests.
export const migrations = [InitialSchema1795769029569, TightenPartialDateChecks1795780000000];
