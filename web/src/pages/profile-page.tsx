import { useQuery } from '@apollo/client/react';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useToken } from '../auth';
import { ErrorState, Loading } from '../components/states';
import { formatRange } from '../dates';
import type { ProfileFieldsFragment } from '../gql/graphql';
import { ProfileQuery } from '../profile-fields';
import { Link } from '../router';
import { tokenClaims } from '../token-claims';
import { NotFoundPage } from './not-found-page';

const ProfileEditor = lazy(() => import('../editor/profile-editor'));

const notSpecified = <span className="not-specified">Not specified</span>;

function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n+/)
        .filter((paragraph) => paragraph.trim())
        .map((paragraph, index) => (
          <p key={index}>{paragraph}</p>
        ))}
    </>
  );
}

function Section({ id, title, subtitle, children }: { id: string; title: string; subtitle?: string; children: React.ReactNode }) {
  return (
    <section className="profile-section card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {subtitle && <p className="muted section-subtitle">{subtitle}</p>}
      {children}
    </section>
  );
}

function Facts({ person }: { person: ProfileFieldsFragment }) {
  const list = (items: readonly string[]) => (items.length ? items.join(', ') : notSpecified);
  return (
    <section className="profile-section card facts" aria-label="Details">
      <dl>
        <div>
          <dt>Availability</dt>
          <dd>{person.availability ?? notSpecified}</dd>
        </div>
        <div>
          <dt>Location</dt>
          <dd>{person.location ?? notSpecified}</dd>
        </div>
        <div>
          <dt>Authorized to work in</dt>
          <dd>{list(person.authorizedToWorkIn)}</dd>
        </div>
        <div>
          <dt>Job categories</dt>
          <dd>{list(person.jobCategories)}</dd>
        </div>
      </dl>
    </section>
  );
}

export function ProfileView({ person, showContact }: { person: ProfileFieldsFragment; showContact: boolean }) {
  return (
    <article className="profile" aria-labelledby="profile-name">
      <header className="profile-header card">
        <div className="avatar" aria-hidden="true">
          {person.name
            .split(/\s+/)
            .slice(0, 2)
            .map((word) => word[0])
            .join('')}
        </div>
        <div>
          <h1 id="profile-name">{person.name}</h1>
          <p className="handle">@{person.handle}</p>
          <p className="headline">{person.headline ?? notSpecified}</p>
          <p className="profile-links">
            <a href={`/people/${encodeURIComponent(person.handle)}/resume.json`} download={`${person.handle}.resume.json`}>
              Download JSON Resume
            </a>
            {person.website && (
              <a href={person.website} rel="noopener noreferrer">
                Website
              </a>
            )}
          </p>
          {showContact && (
            <dl className="contact">
              <div>
                <dt>Email</dt>
                <dd>{person.email ?? notSpecified}</dd>
              </div>
              <div>
                <dt>Phone</dt>
                <dd>{person.phone ?? notSpecified}</dd>
              </div>
            </dl>
          )}
        </div>
      </header>

      <Section id="looking-for" title="What I'm looking for">
        {person.summary ? <Paragraphs text={person.summary} /> : <p>{notSpecified}</p>}
      </Section>

      <Section id="experience" title="Experience" subtitle="Work history, roles, and key accomplishments">
        {person.roles.length === 0 ? (
          <p>{notSpecified}</p>
        ) : (
          <ol className="timeline">
            {person.roles.map((role) => (
              <li key={role.id} className="role">
                <h3>{role.title ?? role.company ?? notSpecified}</h3>
                {((role.title && role.company) ?? role.location) && (
                  <p className="meta">{[role.title ? role.company : null, role.location].filter(Boolean).join(' · ')}</p>
                )}
                <p className="dates">{formatRange(role.startDate, role.endDate, role.isCurrent) ?? notSpecified}</p>
                {role.description && <Paragraphs text={role.description} />}
                {role.highlights.length > 0 && (
                  <ul className="highlights">
                    {role.highlights.map((highlight, index) => (
                      <li key={index}>{highlight}</li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ol>
        )}
      </Section>

      <Section id="education" title="Education" subtitle="Degrees, certifications, and relevant coursework">
        {person.degrees.length === 0 ? (
          <p>{notSpecified}</p>
        ) : (
          <ol className="timeline">
            {person.degrees.map((degree) => (
              <li key={degree.id} className="degree">
                <h3>{degree.institution}</h3>
                <p className="meta">{[degree.degree, degree.field].filter(Boolean).join(' - ') || notSpecified}</p>
                <p className="dates">{formatRange(degree.startDate, degree.endDate) ?? notSpecified}</p>
                {degree.description && <Paragraphs text={degree.description} />}
              </li>
            ))}
          </ol>
        )}
      </Section>

      <Section id="tech-stack" title="Tech stack" subtitle="Software and tools used professionally">
        {person.skills.length === 0 ? (
          <p>{notSpecified}</p>
        ) : (
          <ul className="chips tech-stack">
            {person.skills.map((skill) => (
              <li key={skill.id}>
                <Link className="chip" href={`/?skill=${encodeURIComponent(skill.name)}`}>
                  {skill.name}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Facts person={person} />
    </article>
  );
}

export function ProfilePage({ handle }: { handle: string }) {
  const token = useToken();
  const { data, error, loading, refetch } = useQuery(ProfileQuery, { variables: { handle } });
  const [editing, setEditing] = useState(false);
  const person = data?.person;

  useEffect(() => {
    if (person) document.title = `${person.name} (@${person.handle}) · profilegraph`;
    else if (data) document.title = 'Profile not found · profilegraph';
  }, [person, data]);

  if (loading && !data) return <Loading label="Loading profile" />;
  if (error && !data) return <ErrorState error={error} retry={() => void refetch()} />;
  if (!person) return <NotFoundPage what="profile" />;

  const claims = token ? tokenClaims(token) : null;
  const canEdit = Boolean(claims?.admin) || data.viewer?.id === person.id;

  return (
    <div className="profile-page">
      {canEdit && (
        <div className="owner-bar" role="region" aria-label="Your profile">
          <p>{claims?.admin && data.viewer?.id !== person.id ? 'You are an admin: you may edit this profile.' : 'This is your profile.'}</p>
          <button type="button" onClick={() => setEditing(!editing)} aria-pressed={editing}>
            {editing ? 'Done editing' : 'Edit profile'}
          </button>
        </div>
      )}
      {editing && canEdit ? (
        <Suspense fallback={<Loading label="Loading the editor" />}>
          <ProfileEditor person={person} />
        </Suspense>
      ) : (
        <ProfileView person={person} showContact={canEdit} />
      )}
    </div>
  );
}
