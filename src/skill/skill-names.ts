import type { InputProblem } from '../common/errors';
import { skillSlug } from './skill-slug';

// How people commonly write a skill, to the one spelling the directory uses. Matching is by slug,
// so case and punctuation variants of these (`Postgres`, `POSTGRESQL`) are covered too.
const aliases: Record<string, string> = {
  postgres: 'PostgreSQL',
  postgresql: 'PostgreSQL',
  psql: 'PostgreSQL',
  k8s: 'Kubernetes',
  js: 'JavaScript',
  javascript: 'JavaScript',
  ts: 'TypeScript',
  typescript: 'TypeScript',
  node: 'Node.js',
  nodejs: 'Node.js',
  'node-js': 'Node.js',
  golang: 'Go',
  py: 'Python',
  python3: 'Python',
  reactjs: 'React',
  'react-js': 'React',
  tf: 'Terraform',
  gcp: 'Google Cloud Platform',
  'scikit-learn': 'scikit-learn',
  sklearn: 'scikit-learn',
  mongo: 'MongoDB',
  'c-sharp': 'C#',
  csharp: 'C#',
};

/** The canonical spelling of a skill name: trimmed, single-spaced, aliases resolved. */
export function canonicalSkillName(name: string): string {
  const tidy = name.trim().replace(/\s+/g, ' ');
  const slug = skillSlug(tidy);
  return Object.hasOwn(aliases, slug) ? (aliases[slug] as string) : tidy;
}

/** Names that cannot be a skill (no letter or digit in any script), with where they were given. */
export function skillNameProblems(names: readonly string[], path: (string | number)[]): InputProblem[] {
  return names.flatMap((name, i) => (skillSlug(name) === '' ? [{ path: [...path, i], message: 'must contain a letter or a digit' }] : []));
}
