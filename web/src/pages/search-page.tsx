import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { useEffect, useState, type FormEvent } from 'react';
import { Empty, ErrorState, Loading } from '../components/states';
import { SkillAutocomplete } from '../components/skill-autocomplete';
import { graphql } from '../gql';
import { Link, navigate, profilePath } from '../router';
import { readSearch, searchFilter, searchUrl, type Search } from '../search-params';

const pageSize = 20;

const SearchPeopleQuery = graphql(`
  query SearchPeople($first: Int!, $after: String, $filter: PersonFilter, $orderBy: PersonOrder) {
    people(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      totalCountIsExact
      skillFacets(first: 12) {
        count
        isExact
        skill {
          id
          name
          slug
        }
      }
      edges {
        cursor
        node {
          id
          handle
          name
          headline
          location
          availability
          skills(first: 8) {
            id
            name
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const orderLabels = {
  '': 'Best match / newest',
  RELEVANCE: 'Best match',
  NAME: 'Name',
  CREATED_AT: 'Newest',
  UPDATED_AT: 'Recently updated',
};

function count(n: number, exact: boolean): string {
  return `${exact ? '' : '≈ '}${n.toLocaleString('en')}`;
}

function Filters({ search, onChange }: { search: Search; onChange: (next: Search) => void }) {
  const [draft, setDraft] = useState(search);
  // Back, forward and chip clicks change the search under the form: show it.
  const current = searchUrl(search);
  useEffect(() => setDraft(readSearch(new URL(current, window.location.origin).searchParams)), [current]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChange(draft);
  };
  const field = (key: 'location' | 'availability' | 'jobCategory' | 'authorizedToWorkIn', label: string, placeholder: string) => (
    <label>
      {label}
      <input value={draft[key]} placeholder={placeholder} onChange={(e) => setDraft({ ...draft, [key]: e.target.value })} />
    </label>
  );
  return (
    <form className="search-form card" role="search" aria-label="Search people" onSubmit={submit}>
      <div className="search-row">
        <label className="grow">
          <span className="visually-hidden">Search words</span>
          <input
            type="search"
            name="q"
            value={draft.q}
            placeholder='Words, prefixes (kafk), "exact phrases", -exclusions'
            onChange={(e) => setDraft({ ...draft, q: e.target.value })}
          />
        </label>
        <button type="submit">Search</button>
      </div>
      <details
        className="filters"
        open={Boolean(search.location || search.availability || search.jobCategory || search.authorizedToWorkIn)}
      >
        <summary>Filters and order</summary>
        <div className="filter-grid">
          {field('location', 'Location', 'e.g. Canada')}
          {field('availability', 'Availability', 'e.g. Full-time')}
          {field('jobCategory', 'Job category', 'e.g. Data Science')}
          {field('authorizedToWorkIn', 'Authorized to work in', 'e.g. United States')}
          <label>
            Order
            <select value={draft.order} onChange={(e) => onChange({ ...draft, order: e.target.value as Search['order'] })}>
              {Object.entries(orderLabels).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </label>
        </div>
        <button type="submit" className="secondary">
          Apply filters
        </button>
      </details>
    </form>
  );
}

export default function SearchPage({ params }: { params: URLSearchParams }) {
  const search = readSearch(params);
  const go = (next: Search) => navigate(searchUrl(next));
  const filter = searchFilter(search);
  const orderBy = search.order ? { field: search.order } : null;
  const { data, error, networkStatus, fetchMore, refetch } = useQuery(SearchPeopleQuery, {
    variables: { first: pageSize, filter, orderBy },
    notifyOnNetworkStatusChange: true,
  });
  const people = data?.people;
  const loadingMore = networkStatus === NetworkStatus.fetchMore;

  const addSkill = (name: string) => {
    if (!search.skills.some((skill) => skill.toLowerCase() === name.toLowerCase())) go({ ...search, skills: [...search.skills, name] });
  };
  const removeSkill = (name: string) => go({ ...search, skills: search.skills.filter((skill) => skill !== name) });
  const chosen = new Set(search.skills.map((skill) => skill.toLowerCase()));

  return (
    <div className="search-page">
      <h1>Find people</h1>
      <Filters search={search} onChange={go} />
      <div className="skill-filter card">
        <SkillAutocomplete label="Must have skills (all of)" onPick={(skill) => addSkill(skill.name)} exclude={search.skills} />
        {search.skills.length > 0 && (
          <ul className="chips" aria-label="Chosen skills">
            {search.skills.map((skill) => (
              <li key={skill}>
                <span className="chip chip-selected">
                  {skill}
                  <button type="button" className="chip-remove" aria-label={`Remove ${skill}`} onClick={() => removeSkill(skill)}>
                    ×
                  </button>
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>

      {error && !people ? (
        <ErrorState error={error} retry={() => void refetch()} />
      ) : !people ? (
        <Loading label="Searching" />
      ) : (
        <>
          <p className="result-count" role="status" aria-live="polite">
            <strong data-testid="total-count">{count(people.totalCount, people.totalCountIsExact)}</strong>{' '}
            {people.totalCount === 1 ? 'person' : 'people'}
            {!people.totalCountIsExact && <span className="muted"> (estimated)</span>}
          </p>
          {people.skillFacets.length > 0 && (
            <section aria-labelledby="facets-title" className="facets">
              <h2 id="facets-title" className="small-heading">
                Common skills here: add one to narrow
              </h2>
              <ul className="chips">
                {people.skillFacets
                  .filter((facet) => !chosen.has(facet.skill.name.toLowerCase()))
                  .map((facet) => (
                    <li key={facet.skill.id}>
                      <button type="button" className="chip facet" onClick={() => addSkill(facet.skill.name)}>
                        {facet.skill.name} <span className="facet-count">{count(facet.count, facet.isExact)}</span>
                      </button>
                    </li>
                  ))}
              </ul>
            </section>
          )}
          {people.edges.length === 0 ? (
            <Empty title="No one matches this search">
              <p>Remove a skill or a filter, or try other words.</p>
              <Link href="/">Start over</Link>
            </Empty>
          ) : (
            <ol className="results" aria-label="People">
              {people.edges.map(({ node }) => (
                <li key={node.id} className="result card">
                  <h3>
                    <Link href={profilePath(node.handle)}>{node.name}</Link>
                  </h3>
                  <p className="muted">
                    @{node.handle}
                    {node.location && ` · ${node.location}`}
                    {node.availability && ` · ${node.availability}`}
                  </p>
                  {node.headline && <p>{node.headline}</p>}
                  <ul className="chips small" aria-label={`Skills of ${node.name}`}>
                    {node.skills.map((skill) => (
                      <li key={skill.id}>
                        <span className={chosen.has(skill.name.toLowerCase()) ? 'chip chip-selected' : 'chip'}>{skill.name}</span>
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ol>
          )}
          {error && <ErrorState error={error} retry={() => void refetch()} />}
          {people.pageInfo.hasNextPage ? (
            <button
              type="button"
              className="load-more"
              disabled={loadingMore}
              onClick={() => void fetchMore({ variables: { after: people.pageInfo.endCursor } })}
            >
              {loadingMore ? 'Loading…' : `Load more (showing ${people.edges.length})`}
            </button>
          ) : (
            people.edges.length > 0 && (
              <p className="end-of-list muted" data-testid="end-of-results">
                That is everyone: {people.edges.length} shown.
              </p>
            )
          )}
        </>
      )}
    </div>
  );
}
