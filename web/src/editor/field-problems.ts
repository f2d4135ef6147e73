import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';

interface ErrorLike {
  message: string;
  extensions?: { code?: unknown; field?: unknown; problems?: unknown };
}

function errorsOf(error: unknown): ErrorLike[] {
  if (CombinedGraphQLErrors.is(error)) return error.errors as ErrorLike[];
  if (ServerError.is(error)) {
    try {
      return (JSON.parse(error.bodyText) as { errors?: ErrorLike[] }).errors ?? [];
    } catch {
      return [];
    }
  }
  return [];
}

export function hasCode(error: unknown, code: string): boolean {
  return errorsOf(error).some((e) => e.extensions?.code === code);
}

/** The input field a path names: `['input', 'name']` → `name`, `['input', 'highlights', 2]` → `highlights`. */
function fieldOf(path: readonly unknown[]): string {
  const names = path.filter((part): part is string => typeof part === 'string' && part !== 'input');
  return names[0] ?? 'form';
}

/**
 * BAD_USER_INPUT, field by field: the service's own `problems` (validation), or graphql-js's
 * message for a value a scalar refused (`… at "input.website"; Expected type "URL"`).
 */
export function fieldProblems(error: unknown): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const e of errorsOf(error)) {
    if (e.extensions?.code !== 'BAD_USER_INPUT') continue;
    if (Array.isArray(e.extensions.problems)) {
      for (const problem of e.extensions.problems as { path: unknown[]; message: string }[]) {
        problems[fieldOf(problem.path)] ??= problem.message;
      }
      continue;
    }
    const variable = /at "([^"]+)"/.exec(e.message)?.[1];
    const field = variable
      ? fieldOf(variable.split('.').slice(1))
      : Array.isArray(e.extensions.field)
        ? fieldOf(e.extensions.field)
        : 'form';
    problems[field] ??= e.message.replace(/^Variable "\$\w+" got invalid value .*?; /, '');
  }
  return problems;
}
