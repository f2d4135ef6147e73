/** What the writers change on a profile, and what the ledger compares. */
export interface ProfileState {
  version: number;
  headline: string | null;
  location: string | null;
  /** Skill names in profile order. */
  skills: string[];
}

/** The selection that reads a ProfileState (with the id that writes need). */
export const profileStateFields = 'id version headline location skills { name }';

export const readForEditQuery = `query ReadForEdit($handle: String!) { person(handle: $handle) { ${profileStateFields} } }`;

export interface ProfileStateJson {
  id: string;
  version: number;
  headline: string | null;
  location: string | null;
  skills: { name: string }[];
}

export function profileState(json: ProfileStateJson): ProfileState {
  return { version: json.version, headline: json.headline, location: json.location, skills: json.skills.map((skill) => skill.name) };
}

export function sameState(a: ProfileState, b: ProfileState): boolean {
  return (
    a.version === b.version &&
    a.headline === b.headline &&
    a.location === b.location &&
    a.skills.length === b.skills.length &&
    a.skills.every((skill, i) => skill === b.skills[i])
  );
}

export function describeState(state: ProfileState): string {
  return `v${state.version} ${JSON.stringify(state.headline)} ${JSON.stringify(state.location)} [${state.skills.join(', ')}]`;
}
