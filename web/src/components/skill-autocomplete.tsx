import { useQuery } from '@apollo/client/react';
import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { graphql } from '../gql';

const SkillSuggestionsQuery = graphql(`
  query SkillSuggestions($search: String!) {
    skills(first: 8, filter: { search: $search }) {
      nodes {
        id
        name
        slug
        category
        peopleCount
      }
    }
  }
`);

export interface SuggestedSkill {
  name: string;
  slug: string;
  category?: string | null;
  peopleCount: number;
}

function useDebounced(value: string, ms: number): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/**
 * A combobox (WAI-ARIA pattern) over the skill directory's typo-tolerant search: `kubernets` finds
 * Kubernetes, `k8s` too. Enter picks the highlighted suggestion, or the text as typed.
 */
export function SkillAutocomplete({
  label,
  onPick,
  placeholder = 'Add a skill',
  exclude = [],
}: {
  label: string;
  onPick: (skill: SuggestedSkill | { name: string; slug?: undefined }) => void;
  placeholder?: string;
  exclude?: readonly string[];
}) {
  const id = useId();
  const [text, setText] = useState('');
  const [active, setActive] = useState(-1);
  const [open, setOpen] = useState(false);
  const search = useDebounced(text.trim(), 150);
  const { data, loading } = useQuery(SkillSuggestionsQuery, { variables: { search }, skip: search === '' });
  const excluded = new Set(exclude.map((name) => name.toLowerCase()));
  const suggestions = search && text.trim() ? (data?.skills.nodes ?? []).filter((skill) => !excluded.has(skill.name.toLowerCase())) : [];
  const expanded = open && suggestions.length > 0;

  const pick = (skill: SuggestedSkill | { name: string }) => {
    onPick(skill);
    setText('');
    setOpen(false);
    setActive(-1);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((index) => Math.min(index + 1, suggestions.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((index) => Math.max(index - 1, 0));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      // Enter without a highlighted suggestion takes the best one: `pythn` means Python.
      const chosen = expanded ? suggestions[Math.max(active, 0)] : undefined;
      if (chosen) pick(chosen);
      else if (text.trim()) pick({ name: text.trim() });
    } else if (event.key === 'Escape') {
      setOpen(false);
    }
  };

  return (
    <div className="autocomplete">
      <label htmlFor={`${id}-input`}>{label}</label>
      <input
        id={`${id}-input`}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={`${id}-list`}
        aria-activedescendant={expanded && active >= 0 ? `${id}-option-${active}` : undefined}
        autoComplete="off"
        value={text}
        placeholder={placeholder}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
      />
      <ul id={`${id}-list`} role="listbox" aria-label={`${label}: suggestions`} className="suggestions" hidden={!expanded}>
        {suggestions.map((skill, index) => (
          <li
            key={skill.id}
            id={`${id}-option-${index}`}
            role="option"
            aria-selected={index === active}
            onMouseDown={(event) => {
              event.preventDefault();
              pick(skill);
            }}
          >
            <span>{skill.name}</span>
            <span className="muted">
              {skill.category ? `${skill.category} · ` : ''}
              {skill.peopleCount.toLocaleString('en')} people
            </span>
          </li>
        ))}
      </ul>
      {loading && open && <span className="visually-hidden">Looking for skills…</span>}
    </div>
  );
}
