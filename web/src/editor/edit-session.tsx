import { useApolloClient } from '@apollo/client/react';
import { createContext, useContext, useState, type ReactNode } from 'react';
import type { ProfileFieldsFragment } from '../gql/graphql';
import { ProfileQuery } from '../profile-fields';
import { firstError } from '../components/states';
import { fieldProblems, hasCode } from './field-problems';

export type Write = (version: number) => Promise<unknown>;

export interface WriteResult {
  ok: boolean;
  problems: Record<string, string>;
}

interface Conflict {
  latest: ProfileFieldsFragment;
  changes: string[];
  retry: Write;
}

interface EditSession {
  person: ProfileFieldsFragment;
  /** Runs a write with the version this page read; CONFLICT and BAD_USER_INPUT come back designed. */
  run: (write: Write) => Promise<WriteResult>;
}

const Session = createContext<EditSession | null>(null);

export function useEditSession(): EditSession {
  const session = useContext(Session);
  if (!session) throw new Error('useEditSession outside <EditSessionProvider>');
  return session;
}

const scalarFields = ['name', 'handle', 'headline', 'summary', 'location', 'availability', 'website', 'email', 'phone'] as const;

/** What someone else changed, in words: the conflict panel's list. */
export function describeChanges(mine: ProfileFieldsFragment, latest: ProfileFieldsFragment): string[] {
  const changes: string[] = [];
  const show = (value: string | null | undefined) => (value === null || value === undefined || value === '' ? '(empty)' : `“${value}”`);
  for (const field of scalarFields) {
    if (mine[field] !== latest[field]) changes.push(`${field}: ${show(mine[field])} → ${show(latest[field])}`);
  }
  for (const field of ['authorizedToWorkIn', 'jobCategories'] as const) {
    if (mine[field].join('|') !== latest[field].join('|'))
      changes.push(`${field}: ${show(mine[field].join(', '))} → ${show(latest[field].join(', '))}`);
  }
  const list = (name: string, a: readonly unknown[], b: readonly unknown[]) => {
    if (JSON.stringify(a) !== JSON.stringify(b))
      changes.push(`${name}: ${a.length} → ${b.length} entries, or their contents or order changed`);
  };
  list('experience', mine.roles, latest.roles);
  list('education', mine.degrees, latest.degrees);
  list(
    'tech stack',
    mine.skills.map((s) => s.name),
    latest.skills.map((s) => s.name),
  );
  return changes;
}

export function EditSessionProvider({ person, children }: { person: ProfileFieldsFragment; children: ReactNode }) {
  const client = useApolloClient();
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  const attempt = async (write: Write, version: number, base: ProfileFieldsFragment): Promise<WriteResult> => {
    setProblem(null);
    setSaved(false);
    try {
      await write(version);
      setConflict(null);
      setSaved(true);
      return { ok: true, problems: {} };
    } catch (error) {
      if (hasCode(error, 'CONFLICT')) {
        // Read what is there now without touching the cache: the page keeps what the user saw
        // until they choose to reload or to re-apply their change on top of it.
        const { data } = await client.query({ query: ProfileQuery, variables: { handle: base.handle }, fetchPolicy: 'no-cache' });
        const latest = data?.person;
        if (latest) setConflict({ latest, changes: describeChanges(base, latest), retry: write });
        else setProblem('This profile was deleted meanwhile.');
        return { ok: false, problems: {} };
      }
      const problems = fieldProblems(error);
      if (Object.keys(problems).length === 0) setProblem(firstError(error).message);
      return { ok: false, problems };
    }
  };

  const reload = async () => {
    if (!conflict) return;
    await client.refetchQueries({ include: [ProfileQuery] });
    setConflict(null);
  };
  const reapply = async () => {
    if (!conflict) return;
    await attempt(conflict.retry, conflict.latest.version, conflict.latest);
  };

  return (
    <Session.Provider value={{ person, run: (write) => attempt(write, person.version, person) }}>
      <div className="editor-status" aria-live="polite">
        {saved && !conflict && <p className="saved">Saved (version {person.version}).</p>}
        {problem && (
          <p className="field-error" role="alert">
            {problem}
          </p>
        )}
      </div>
      {conflict && (
        <section className="conflict" role="alert" aria-labelledby="conflict-title">
          <h2 id="conflict-title">Someone else changed this profile meanwhile</h2>
          <p>
            Your change was not saved: you edited version {person.version}, and the profile is now at version {conflict.latest.version}.
            What changed:
          </p>
          <ul>
            {conflict.changes.length ? (
              conflict.changes.map((change) => <li key={change}>{change}</li>)
            ) : (
              <li>Nothing visible here (a write that changed no field).</li>
            )}
          </ul>
          <div className="row-actions">
            <button type="button" className="secondary" onClick={() => void reload()}>
              Reload (drop my change)
            </button>
            <button type="button" onClick={() => void reapply()}>
              Re-apply my change
            </button>
          </div>
        </section>
      )}
      {children}
    </Session.Provider>
  );
}
