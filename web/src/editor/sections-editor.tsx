import { useApolloClient } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { formatRange } from '../dates';
import { useEditSession } from './edit-session';
import { Field, linesOf, orNull } from './field';
import {
  AddDegreeMutation,
  AddRoleMutation,
  RemoveDegreeMutation,
  RemoveRoleMutation,
  ReorderDegreesMutation,
  ReorderRolesMutation,
  UpdateDegreeMutation,
  UpdateRoleMutation,
} from './mutations';

type Draft = Record<string, string>;

function moved<T>(items: readonly T[], from: number, to: number): T[] {
  const copy = [...items];
  const [item] = copy.splice(from, 1);
  if (item !== undefined) copy.splice(to, 0, item);
  return copy;
}

const roleFields = [
  ['title', 'Title'],
  ['company', 'Company'],
  ['location', 'Location'],
  ['startDate', 'Start (YYYY, YYYY-MM or YYYY-MM-DD)'],
  ['endDate', 'End'],
] as const;

const degreeFields = [
  ['institution', 'Institution'],
  ['degree', 'Degree'],
  ['field', 'Field of study'],
  ['startDate', 'Start (YYYY, YYYY-MM or YYYY-MM-DD)'],
  ['endDate', 'End'],
] as const;

type Kind = 'role' | 'degree';

function toRoleInput(draft: Draft) {
  return {
    title: orNull(draft.title ?? ''),
    company: orNull(draft.company ?? ''),
    location: orNull(draft.location ?? ''),
    startDate: orNull(draft.startDate ?? ''),
    endDate: orNull(draft.endDate ?? ''),
    isCurrent: draft.isCurrent === 'true',
    description: orNull(draft.description ?? ''),
    highlights: linesOf(draft.highlights ?? ''),
  };
}

function toDegreeInput(draft: Draft) {
  return {
    institution: (draft.institution ?? '').trim(),
    degree: orNull(draft.degree ?? ''),
    field: orNull(draft.field ?? ''),
    startDate: orNull(draft.startDate ?? ''),
    endDate: orNull(draft.endDate ?? ''),
    description: orNull(draft.description ?? ''),
  };
}

function EntryForm({
  kind,
  initial,
  title,
  submitLabel,
  onSubmit,
  children,
}: {
  kind: Kind;
  initial: Draft;
  title: string;
  submitLabel: string;
  onSubmit: (draft: Draft) => Promise<Record<string, string> | null>;
  children?: React.ReactNode;
}) {
  const [draft, setDraft] = useState(initial);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const fields = kind === 'role' ? roleFields : degreeFields;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await onSubmit(draft);
    setProblems(result ?? {});
    if (result === null && !initial.id) setDraft({});
  };
  return (
    <form className="editor-item" onSubmit={(event) => void submit(event)} aria-label={title} noValidate>
      <h3>{title}</h3>
      <div className="two-columns">
        {fields.map(([key, label]) => (
          <Field
            key={key}
            label={label}
            value={draft[key] ?? ''}
            onChange={(value) => setDraft({ ...draft, [key]: value })}
            error={problems[key]}
          />
        ))}
        {kind === 'role' && (
          <label className="inline">
            <input
              type="checkbox"
              checked={draft.isCurrent === 'true'}
              onChange={(event) => setDraft({ ...draft, isCurrent: String(event.target.checked) })}
            />{' '}
            I still hold this role
          </label>
        )}
      </div>
      <Field
        label="Description"
        value={draft.description ?? ''}
        onChange={(value) => setDraft({ ...draft, description: value })}
        error={problems.description}
        multiline
      />
      {kind === 'role' && (
        <Field
          label="Key accomplishments"
          value={draft.highlights ?? ''}
          onChange={(value) => setDraft({ ...draft, highlights: value })}
          error={problems.highlights}
          multiline
          hint="One per line"
        />
      )}
      {problems.form && <p className="field-error">{problems.form}</p>}
      <div className="row-actions">
        <button type="submit">{submitLabel}</button>
        {children}
      </div>
    </form>
  );
}

export function RolesEditor() {
  const client = useApolloClient();
  const { person, run } = useEditSession();
  const problemsOf = (result: { ok: boolean; problems: Record<string, string> }) => (result.ok ? null : result.problems);
  const reorder = (from: number, to: number) =>
    run((version) =>
      client.mutate({
        mutation: ReorderRolesMutation,
        variables: { input: { personId: person.id, version, roleIds: moved(person.roles, from, to).map((role) => role.id) } },
      }),
    );
  return (
    <fieldset aria-labelledby="roles-title">
      <legend id="roles-title">Experience</legend>
      <details>
        <summary>Add a role</summary>
        <EntryForm
          kind="role"
          initial={{}}
          title="New role"
          submitLabel="Add role"
          onSubmit={async (draft) =>
            problemsOf(
              await run((version) =>
                client.mutate({
                  mutation: AddRoleMutation,
                  variables: { input: { personId: person.id, version, position: 0, ...toRoleInput(draft) } },
                }),
              ),
            )
          }
        />
      </details>
      {person.roles.map((role, index) => (
        <EntryForm
          key={`${role.id}:${person.version}`}
          kind="role"
          title={`${role.title ?? role.company ?? 'Role'}${formatRange(role.startDate, role.endDate, role.isCurrent) ? ` (${formatRange(role.startDate, role.endDate, role.isCurrent)})` : ''}`}
          submitLabel="Save role"
          initial={{
            id: role.id,
            title: role.title ?? '',
            company: role.company ?? '',
            location: role.location ?? '',
            startDate: role.startDate ?? '',
            endDate: role.endDate ?? '',
            isCurrent: String(role.isCurrent),
            description: role.description ?? '',
            highlights: role.highlights.join('\n'),
          }}
          onSubmit={async (draft) =>
            problemsOf(
              await run((version) =>
                client.mutate({ mutation: UpdateRoleMutation, variables: { input: { id: role.id, version, ...toRoleInput(draft) } } }),
              ),
            )
          }
        >
          <button type="button" className="secondary" disabled={index === 0} onClick={() => void reorder(index, index - 1)}>
            Move up
          </button>
          <button
            type="button"
            className="secondary"
            disabled={index === person.roles.length - 1}
            onClick={() => void reorder(index, index + 1)}
          >
            Move down
          </button>
          <button
            type="button"
            className="danger"
            onClick={() =>
              void run((version) => client.mutate({ mutation: RemoveRoleMutation, variables: { input: { id: role.id, version } } }))
            }
          >
            Remove role
          </button>
        </EntryForm>
      ))}
    </fieldset>
  );
}

export function DegreesEditor() {
  const client = useApolloClient();
  const { person, run } = useEditSession();
  const problemsOf = (result: { ok: boolean; problems: Record<string, string> }) => (result.ok ? null : result.problems);
  const reorder = (from: number, to: number) =>
    run((version) =>
      client.mutate({
        mutation: ReorderDegreesMutation,
        variables: { input: { personId: person.id, version, degreeIds: moved(person.degrees, from, to).map((degree) => degree.id) } },
      }),
    );
  return (
    <fieldset aria-labelledby="degrees-title">
      <legend id="degrees-title">Education</legend>
      <details>
        <summary>Add a degree</summary>
        <EntryForm
          kind="degree"
          initial={{}}
          title="New degree"
          submitLabel="Add degree"
          onSubmit={async (draft) =>
            problemsOf(
              await run((version) =>
                client.mutate({
                  mutation: AddDegreeMutation,
                  variables: { input: { personId: person.id, version, position: person.degrees.length, ...toDegreeInput(draft) } },
                }),
              ),
            )
          }
        />
      </details>
      {person.degrees.map((degree, index) => (
        <EntryForm
          key={`${degree.id}:${person.version}`}
          kind="degree"
          title={degree.institution}
          submitLabel="Save degree"
          initial={{
            id: degree.id,
            institution: degree.institution,
            degree: degree.degree ?? '',
            field: degree.field ?? '',
            startDate: degree.startDate ?? '',
            endDate: degree.endDate ?? '',
            description: degree.description ?? '',
          }}
          onSubmit={async (draft) =>
            problemsOf(
              await run((version) =>
                client.mutate({
                  mutation: UpdateDegreeMutation,
                  variables: { input: { id: degree.id, version, ...toDegreeInput(draft) } },
                }),
              ),
            )
          }
        >
          <button type="button" className="secondary" disabled={index === 0} onClick={() => void reorder(index, index - 1)}>
            Move up
          </button>
          <button
            type="button"
            className="secondary"
            disabled={index === person.degrees.length - 1}
            onClick={() => void reorder(index, index + 1)}
          >
            Move down
          </button>
          <button
            type="button"
            className="danger"
            onClick={() =>
              void run((version) => client.mutate({ mutation: RemoveDegreeMutation, variables: { input: { id: degree.id, version } } }))
            }
          >
            Remove degree
          </button>
        </EntryForm>
      ))}
    </fieldset>
  );
}
