import type { DataSource } from 'typeorm';
import { requireViewer } from '../auth/authorize';
import { isUniqueViolation, startEdit, type LockedPerson } from '../common/writes';
import { skillNameProblems } from '../skill/skill-names';
import type { Viewer } from '../auth/viewer';
import { conflict, invalidInput, type InputProblem } from '../common/errors';
import type { SeedProfile } from '../seed/seed-profile';
import { writeProfile } from '../seed/load-profile';
import { resumeToProfile, validateResume } from './json-resume';
import type { ImportResumeInput } from './resume.inputs';

// What the schema allows but the profile's columns cannot hold.
function profileProblems(profile: SeedProfile): InputProblem[] {
  const checks: [boolean, string[], string][] = [
    [profile.name.length === 0, ['basics', 'name'], 'is required'],
    [profile.name.length > 200, ['basics', 'name'], 'must be at most 200 characters'],
    [(profile.email ?? '').length > 254, ['basics', 'email'], 'must be at most 254 characters'],
    [(profile.phone ?? '').length > 32, ['basics', 'phone'], 'must be at most 32 characters'],
    [(profile.website ?? '').length > 2048, ['basics', 'url'], 'must be at most 2048 characters'],
    [profile.website !== null && !/^https?:\/\//i.test(profile.website), ['basics', 'url'], 'must be an http or https address'],
    [profile.skills.length > 200, ['skills'], 'at most 200 skills and keywords in all'],
  ];
  return [
    ...checks.filter(([bad]) => bad).map(([, path, message]) => ({ path: ['input', 'resume', ...path], message })),
    ...skillNameProblems(profile.skills, ['input', 'resume', 'skills']),
  ];
}

/** `/work/0/startDate` → ['work', 0, 'startDate'] */
function pointerPath(pointer: string): (string | number)[] {
  return pointer
    .split('/')
    .slice(1)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part.replaceAll('~1', '/').replaceAll('~0', '~')));
}

/**
 * Creates or replaces a whole profile from a JSON Resume document, in one transaction; an invalid
 * document is refused with every problem listed and nothing written. With `version`, a replace is
 * checked like every other edit (startEdit). Returns the person's id.
 */
export async function importResume(db: DataSource, viewer: Viewer | null, input: ImportResumeInput): Promise<number> {
  const signedIn = requireViewer(viewer);
  const validation = validateResume(input.resume);
  if (!validation.ok) {
    throw invalidInput(
      validation.problems.map((problem) => ({ path: ['input', 'resume', ...pointerPath(problem.path)], message: problem.message })),
    );
  }
  const profile = resumeToProfile(input.handle, validation.resume);
  const problems = profileProblems(profile);
  if (problems.length) throw invalidInput(problems);

  return db.transaction(async (manager) => {
    const [existing] = await manager.query<LockedPerson[]>(
      'SELECT id, handle, subject, version FROM person WHERE lower(handle) = lower($1) FOR UPDATE',
      [input.handle],
    );
    if (existing) {
      startEdit(manager, signedIn, existing, input.version);
      // The profile keeps its handle's spelling and its owner.
      return writeProfile(manager, { ...profile, handle: existing.handle }, existing.subject);
    }
    // A version says "replace the profile I read": with no profile there, what was read is gone
    // (deleted or renamed meanwhile). Creating one instead would be a write the client did not ask for.
    if (input.version != null) {
      throw conflict(`No profile has the handle ${JSON.stringify(input.handle)} any more; read it again`, ['input', 'version']);
    }
    const owner = signedIn.admin ? null : signedIn.subject;
    if (owner) {
      const [owned] = await manager.query<{ handle: string }[]>('SELECT handle FROM person WHERE subject = $1', [owner]);
      if (owned) throw conflict(`This account already has a profile (${owned.handle})`, ['input', 'handle']);
    }
    // Claim the handle with a plain INSERT: if someone created it since the SELECT above, this
    // fails (CONFLICT) instead of writeProfile's upsert replacing their new profile.
    try {
      await manager.query('INSERT INTO person (handle, name, subject) VALUES ($1, $2, $3)', [profile.handle, profile.name, owner]);
    } catch (error) {
      if (isUniqueViolation(error, 'person_handle_lower_key'))
        throw conflict(`The handle ${JSON.stringify(profile.handle)} is taken`, ['input', 'handle']);
      if (isUniqueViolation(error, 'person_subject_key')) throw conflict('This account already has a profile', ['input', 'handle']);
      throw error;
    }
    return writeProfile(manager, profile, owner);
  });
}
