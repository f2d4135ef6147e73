import { InitialSchema1795769029569 } from './1795769029569-InitialSchema';
import { TightenPartialDateChecks1795771000000 } from './1795771000000-TightenPartialDateChecks';
import { AddContactAndOwner1795772000000 } from './1795772000000-AddContactAndOwner';
import { AddPersonVersion1795773594646 } from './1795773594646-AddPersonVersion';
import { AddPersonWebsite1795774657793 } from './1795774657793-AddPersonWebsite';
import { MarketplaceSearch1795778576850 } from './1795778576850-MarketplaceSearch';
import { SearchSample1795779000000 } from './1795779000000-SearchSample';

// In the order they run (TypeORM sorts by timestamp: give a hand-written one the time it was written). A migration
// missing here shows up as schema drift in the tests.
export const migrations = [
  InitialSchema1795769029569,
  TightenPartialDateChecks1795771000000,
  AddContactAndOwner1795772000000,
  AddPersonVersion1795773594646,
  AddPersonWebsite1795774657793,
  MarketplaceSearch1795778576850,
  SearchSample1795779000000,
];
