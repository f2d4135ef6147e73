import type { Random } from '../../src/synthetic/prng';
import { profileStateFields, type ProfileState } from './profile-state';

// The edits the writers make, each on top of a state they read, and what that state must become.

export const editKinds = ['updatePerson', 'setSkills', 'addSkills', 'removeSkills'] as const;
export type EditKind = (typeof editKinds)[number];

export interface Edit {
  kind: EditKind;
  variables: { input: Record<string, unknown> };
  /** The state the edit must leave, given the one it was made on (the version it names). */
  expected: ProfileState;
}

const payload = `{ person { ${profileStateFields} } }`;
export const editQueries: Record<EditKind, string> = {
  updatePerson: `mutation updatePerson($input: UpdatePersonInput!) { updatePerson(input: $input) ${payload} }`,
  setSkills: `mutation setSkills($input: PersonSkillsInput!) { setSkills(input: $input) ${payload} }`,
  addSkills: `mutation addSkills($input: PersonSkillsInput!) { addSkills(input: $input) ${payload} }`,
  removeSkills: `mutation removeSkills($input: PersonSkillsInput!) { removeSkills(input: $input) ${payload} }`,
};

// Skills the synthetic people have already, and new ones that the first writer to name one creates
// (writers on other profiles may be creating the same one at that moment). All are written as the
// service spells them, so that the expected lists can be worked out here.
const skillNames = [...Array.from({ length: 40 }, (_, k) => `Skill ${k}`), ...Array.from({ length: 12 }, (_, k) => `Soak ${k}`)];
const locations = ['Lisbon', 'Porto', 'Remote', 'Berlin', null];

function someSkills(random: Random, min: number, max: number): string[] {
  return Array.from({ length: random.int(min, max) }, () => random.pick(skillNames));
}

const unique = (names: readonly string[]) => [...new Set(names)];

/** An edit of the profile `id`, read in `state`; `label` makes the written text unique. */
export function planEdit(random: Random, kind: EditKind, id: string, state: ProfileState, label: string): Edit {
  const next = { ...state, version: state.version + 1 };
  const version = state.version;
  if (kind === 'removeSkills' && state.skills.length === 0) kind = 'addSkills';
  switch (kind) {
    case 'updatePerson': {
      const headline = `Edited by ${label}`;
      const location = random.pick(locations);
      return { kind, variables: { input: { id, version, headline, location } }, expected: { ...next, headline, location } };
    }
    case 'setSkills': {
      const names = someSkills(random, 2, 6);
      return { kind, variables: { input: { personId: id, version, names } }, expected: { ...next, skills: unique(names) } };
    }
    case 'addSkills': {
      const names = someSkills(random, 1, 3);
      return {
        kind,
        variables: { input: { personId: id, version, names } },
        expected: { ...next, skills: unique([...state.skills, ...names]) },
      };
    }
    case 'removeSkills': {
      // One the person has, and sometimes one they do not (which changes nothing but the version).
      const names = [random.pick(state.skills), ...(random.chance(0.3) ? [random.pick(skillNames)] : [])];
      const removed = new Set(names);
      return {
        kind,
        variables: { input: { personId: id, version, names } },
        expected: { ...next, skills: state.skills.filter((name) => !removed.has(name)) },
      };
    }
  }
}
