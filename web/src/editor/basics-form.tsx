import { useApolloClient } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import type { UpdatePersonInput } from '../gql/graphql';
import { useEditSession } from './edit-session';
import { Field, listOf, orNull } from './field';
import { UpdatePersonMutation } from './mutations';

const textFields = [
  ['name', 'Name'],
  ['handle', 'Handle'],
  ['headline', 'Headline'],
  ['location', 'Location'],
  ['availability', 'Availability'],
  ['website', 'Website'],
] as const;

export function BasicsForm() {
  const client = useApolloClient();
  const { person, run } = useEditSession();
  const initial = {
    name: person.name,
    handle: person.handle,
    headline: person.headline ?? '',
    summary: person.summary ?? '',
    location: person.location ?? '',
    availability: person.availability ?? '',
    website: person.website ?? '',
    email: person.email ?? '',
    phone: person.phone ?? '',
    authorizedToWorkIn: person.authorizedToWorkIn.join(', '),
    jobCategories: person.jobCategories.join(', '),
  };
  const [draft, setDraft] = useState(initial);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const set = (key: keyof typeof initial) => (value: string) => setDraft({ ...draft, [key]: value });

  const save = async (event: FormEvent) => {
    event.preventDefault();
    // Only what changed: a field left alone is not sent, so it cannot overwrite someone else's edit.
    const changes: Omit<UpdatePersonInput, 'id' | 'version'> = {};
    if (draft.name !== initial.name) changes.name = draft.name.trim();
    if (draft.handle !== initial.handle) changes.handle = draft.handle.trim();
    for (const key of ['headline', 'summary', 'location', 'availability', 'website', 'email', 'phone'] as const) {
      if (draft[key] !== initial[key]) changes[key] = orNull(draft[key]);
    }
    if (draft.authorizedToWorkIn !== initial.authorizedToWorkIn) changes.authorizedToWorkIn = listOf(draft.authorizedToWorkIn);
    if (draft.jobCategories !== initial.jobCategories) changes.jobCategories = listOf(draft.jobCategories);
    if (Object.keys(changes).length === 0) return;
    const result = await run((version) =>
      client.mutate({ mutation: UpdatePersonMutation, variables: { input: { id: person.id, version, ...changes } } }),
    );
    setProblems(result.problems);
  };

  return (
    <form className="editor-form" onSubmit={(event) => void save(event)} aria-labelledby="basics-title" noValidate>
      <fieldset>
        <legend id="basics-title">Profile</legend>
        <div className="two-columns">
          {textFields.map(([key, label]) => (
            <Field
              key={key}
              label={label}
              value={draft[key]}
              onChange={set(key)}
              error={problems[key]}
              type={key === 'website' ? 'url' : 'text'}
            />
          ))}
        </div>
        <Field
          label="What I'm looking for"
          value={draft.summary}
          onChange={set('summary')}
          error={problems.summary}
          multiline
          hint="Each line is a paragraph."
        />
        <div className="two-columns">
          <Field
            label="Authorized to work in"
            value={draft.authorizedToWorkIn}
            onChange={set('authorizedToWorkIn')}
            error={problems.authorizedToWorkIn}
            hint="Comma-separated"
          />
          <Field
            label="Job categories"
            value={draft.jobCategories}
            onChange={set('jobCategories')}
            error={problems.jobCategories}
            hint="Comma-separated"
          />
        </div>
        <div className="two-columns">
          <Field
            label="Email (only you and admins see it)"
            value={draft.email}
            onChange={set('email')}
            error={problems.email}
            type="email"
          />
          <Field label="Phone (only you and admins see it)" value={draft.phone} onChange={set('phone')} error={problems.phone} type="tel" />
        </div>
        {problems.form && <p className="field-error">{problems.form}</p>}
        <div className="row-actions">
          <button type="submit">Save profile</button>
        </div>
      </fieldset>
    </form>
  );
}
