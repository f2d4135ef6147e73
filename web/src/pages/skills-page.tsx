import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { ErrorState, Loading } from '../components/states';
import { SkillAutocomplete } from '../components/skill-autocomplete';
import { graphql } from '../gql';
import { Link, navigate, profilePath } from '../router';

const SkillDirectoryQuery = graphql(`
  query SkillDirectory($first: Int!, $after: String, $category: String) {
    skillCategories
    skills(first: $first, after: $after, filter: { category: $category }, orderBy: { field: POPULARITY }) {
      totalCount
      edges {
        cursor
        node {
          id
          name
          slug
          category
          peopleCount
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const SkillPeopleQuery = graphql(`
  query SkillPeople($slug: String!, $first: Int!, $after: String) {
    skill(slug: $slug) {
      id
      name
      peopleCount
      people(first: $first, after: $after) {
        totalCount
        edges {
          cursor
          node {
            id
            handle
            name
            headline
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

function skillsUrl(category: string, skill: string): string {
  const params = new URLSearchParams();
  if (category) params.set('category', category);
  if (skill) params.set('skill', skill);
  const query = params.toString();
  return query ? `/skills?${query}` : '/skills';
}

function SkillPeople({ slug }: { slug: string }) {
  const { data, error, networkStatus, fetchMore, refetch } = useQuery(SkillPeopleQuery, {
    variables: { slug, first: 10 },
    notifyOnNetworkStatusChange: true,
  });
  if (error && !data) return <ErrorState error={error} retry={() => void refetch()} />;
  if (!data) return <Loading label="Loading people" />;
  const skill = data.skill;
  if (!skill) return <p role="alert">No skill is called “{slug}”.</p>;
  return (
    <section className="skill-people card" aria-labelledby="skill-people-title">
      <h2 id="skill-people-title">People with {skill.name}</h2>
      <p className="muted">
        {skill.people.totalCount.toLocaleString('en')} people, newest first ·{' '}
        <Link href={`/?skill=${encodeURIComponent(skill.name)}`}>Search among them</Link>
      </p>
      <ul className="people-list">
        {skill.people.edges.map(({ node }) => (
          <li key={node.id}>
            <Link href={profilePath(node.handle)}>{node.name}</Link>
            {node.headline && <span className="muted"> — {node.headline}</span>}
          </li>
        ))}
      </ul>
      {skill.people.pageInfo.hasNextPage && (
        <button
          type="button"
          className="secondary"
          disabled={networkStatus === NetworkStatus.fetchMore}
          onClick={() => void fetchMore({ variables: { after: skill.people.pageInfo.endCursor } })}
        >
          More people
        </button>
      )}
    </section>
  );
}

export default function SkillsPage({ params }: { params: URLSearchParams }) {
  const category = params.get('category') ?? '';
  const selected = params.get('skill') ?? '';
  const { data, error, networkStatus, fetchMore, refetch } = useQuery(SkillDirectoryQuery, {
    variables: { first: 60, category: category || null },
    notifyOnNetworkStatusChange: true,
  });

  return (
    <div className="skills-page">
      <h1>Skill directory</h1>
      <p className="muted">Most popular first. Pick a skill to see who has it.</p>
      <div className="card skills-tools">
        <SkillAutocomplete
          label="Find a skill"
          placeholder="e.g. kubernets, k8s, pyt"
          onPick={(skill) => skill.slug && navigate(skillsUrl(category, skill.slug))}
        />
        <label>
          Category
          <select value={category} onChange={(e) => navigate(skillsUrl(e.target.value, ''))}>
            <option value="">All categories</option>
            {data?.skillCategories.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
      </div>
      {selected && <SkillPeople key={selected} slug={selected} />}
      {error && !data ? (
        <ErrorState error={error} retry={() => void refetch()} />
      ) : !data ? (
        <Loading label="Loading skills" />
      ) : (
        <>
          <p className="result-count" role="status">
            {data.skills.totalCount.toLocaleString('en')} skills{category && ` in ${category}`}
          </p>
          <ol className="skill-grid" aria-label="Skills, most popular first">
            {data.skills.edges.map(({ node }) => (
              <li key={node.id}>
                <Link
                  className="skill-tile"
                  href={skillsUrl(category, node.slug)}
                  aria-current={node.slug === selected ? 'true' : undefined}
                >
                  <span className="skill-name">{node.name}</span>
                  <span className="muted">{node.category ?? 'Uncategorised'}</span>
                  <span className="skill-count">{node.peopleCount.toLocaleString('en')} people</span>
                </Link>
              </li>
            ))}
          </ol>
          {data.skills.pageInfo.hasNextPage && (
            <button
              type="button"
              className="load-more"
              disabled={networkStatus === NetworkStatus.fetchMore}
              onClick={() => void fetchMore({ variables: { after: data.skills.pageInfo.endCursor } })}
            >
              Load more skills
            </button>
          )}
        </>
      )}
    </div>
  );
}
