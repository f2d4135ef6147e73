import { forbidden, unauthenticated } from '../common/errors';
import type { Viewer } from './viewer';

/** Writes need a signed-in account. */
export function requireViewer(viewer: Viewer | null): Viewer {
  if (!viewer) throw unauthenticated();
  return viewer;
}

/** A profile may be edited by its owner and by admins. */
export function requireEditor(viewer: Viewer | null, person: { subject: string | null; handle: string }): Viewer {
  const signedIn = requireViewer(viewer);
  if (signedIn.admin || (person.subject !== null && person.subject === signedIn.subject)) return signedIn;
  throw forbidden(`Only ${person.handle} and admins may edit this profile`);
}
