/** Who is asking: the verified token's subject, and whether it carries the admin scope. */
export interface Viewer {
  subject: string;
  admin: boolean;
}

/** Contact details are for the person themselves and for admins. */
export function mayReadContactDetails(viewer: Viewer | null, person: { subject: string | null }): boolean {
  return viewer !== null && (viewer.admin || (person.subject !== null && person.subject === viewer.subject));
}
