import type { DataSource } from 'typeorm';
import type { Viewer } from '../auth/viewer';
import { invalidInput } from '../common/errors';
import { idOf, lockPersonForEdit, touchPerson } from '../common/writes';
import { skillNameProblems } from './skill-names';
import type { PersonSkillsInput } from './skill.inputs';
import { appendSkillLinks, findSkillIds, replaceSkillLinks, resolveSkillIds } from './skill-links';

export type SkillsChange = 'set' | 'add' | 'remove';

/**
 * Changes a person's skills in one transaction: `set` replaces them with the names in the order
 * given, `add` appends the ones not listed yet, `remove` takes the named ones off. Returns the
 * person's id.
 */
export async function changeSkills(db: DataSource, viewer: Viewer | null, change: SkillsChange, input: PersonSkillsInput): Promise<number> {
  const personId = idOf(input.personId, 'Person', ['input', 'personId']);
  const problems = skillNameProblems(input.names, ['input', 'names']);
  if (problems.length) throw invalidInput(problems);
  await db.transaction(async (manager) => {
    await lockPersonForEdit(manager, viewer, personId, input.version);
    if (change === 'remove') {
      const named = await findSkillIds(manager, input.names);
      await manager.query('DELETE FROM person_skill WHERE "personId" = $1 AND "skillId" = ANY($2::int[])', [personId, named]);
    } else {
      const skillIds = await resolveSkillIds(manager, input.names);
      if (change === 'set') await replaceSkillLinks(manager, personId, skillIds);
      else await appendSkillLinks(manager, personId, skillIds);
    }
    await touchPerson(manager, personId);
  });
  return personId;
}
