import { peterCai } from './petercai';
import type { SeedProfile } from './seed-profile';

/** The profiles a new installation starts with. */
export const seedProfiles: readonly SeedProfile[] = [peterCai];
