import { Link } from '../router';

export function NotFoundPage({ what = 'page' }: { what?: string }) {
  return (
    <section className="not-found" aria-labelledby="not-found-title">
      <p className="not-found-code" aria-hidden="true">
        404
      </p>
      <h1 id="not-found-title">No such {what}</h1>
      <p>The link may be mistyped, or the {what} was removed.</p>
      <p>
        <Link href="/">Search for people</Link> · <Link href="/skills">Browse skills</Link>
      </p>
    </section>
  );
}
