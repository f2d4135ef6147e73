import { useApolloClient } from '@apollo/client/react';
import { SkillAutocomplete } from '../components/skill-autocomplete';
import { useEditSession } from './edit-session';
import { SetSkillsMutation } from './mutations';

/** The tech stack in the person's order: add with autocomplete, remove, move; each a setSkills. */
export function SkillsEditor() {
  const client = useApolloClient();
  const { person, run } = useEditSession();
  const names = person.skills.map((skill) => skill.name);
  const save = (next: string[]) =>
    run((version) => client.mutate({ mutation: SetSkillsMutation, variables: { input: { personId: person.id, version, names: next } } }));
  const move = (index: number, to: number) => {
    const next = [...names];
    const [name] = next.splice(index, 1);
    if (name !== undefined) next.splice(to, 0, name);
    return save(next);
  };
  return (
    <fieldset aria-labelledby="skills-title">
      <legend id="skills-title">Tech stack</legend>
      <SkillAutocomplete label="Add a skill" onPick={(skill) => void save([...names, skill.name])} exclude={names} />
      <ol className="skill-editor-list">
        {person.skills.map((skill, index) => (
          <li key={skill.id} className="chip">
            <span>{skill.name}</span>
            <button
              type="button"
              className="link-button"
              aria-label={`Move ${skill.name} earlier`}
              disabled={index === 0}
              onClick={() => void move(index, index - 1)}
            >
              ←
            </button>
            <button
              type="button"
              className="link-button"
              aria-label={`Move ${skill.name} later`}
              disabled={index === names.length - 1}
              onClick={() => void move(index, index + 1)}
            >
              →
            </button>
            <button
              type="button"
              className="chip-remove"
              aria-label={`Remove ${skill.name}`}
              onClick={() => void save(names.filter((name) => name !== skill.name))}
            >
              ×
            </button>
          </li>
        ))}
      </ol>
    </fieldset>
  );
}
