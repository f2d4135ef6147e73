import type { ApolloServerPlugin } from '@apollo/server';
import {
  Kind,
  getOperationAST,
  visit,
  type ASTVisitor,
  type DocumentNode,
  type FragmentDefinitionNode,
  type ValidationRule,
  type ValueNode,
} from 'graphql';
import { textProblem } from './acceptable-text';
import { invalidInput, type InputProblem } from './errors';

// Every string an operation hands to the resolvers, checked against the one text policy
// (acceptable-text.ts) before anything runs, wherever it stands: an argument, an input field at
// any depth, a list item, a JSON scalar's keys and values. The walk follows the values, not the
// schema, so a field added later is covered without anyone remembering to. A problem names the
// argument path, as class-validator's problems do (`["input", "resume", "basics", "name"]`).

type Path = (string | number)[];

function check(text: string, path: Path, problems: InputProblem[]): void {
  const problem = textProblem(text);
  if (problem) problems.push({ path, message: problem });
}

/** A value as the client sent it in `variables` (JSON). */
function checkJson(value: unknown, path: Path, problems: InputProblem[]): void {
  if (typeof value === 'string') check(value, path, problems);
  else if (Array.isArray(value)) value.forEach((item, index) => checkJson(item, [...path, index], problems));
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      check(key, [...path, key], problems);
      checkJson(item, [...path, key], problems);
    }
  }
}

/** A literal written in the document; the variables it holds are left to `onVariable`. */
function checkLiteral(node: ValueNode, path: Path, problems: InputProblem[], onVariable?: (name: string, path: Path) => void): void {
  switch (node.kind) {
    case Kind.STRING:
      return check(node.value, path, problems);
    case Kind.LIST:
      return node.values.forEach((item, index) => checkLiteral(item, [...path, index], problems, onVariable));
    case Kind.OBJECT:
      for (const field of node.fields) checkLiteral(field.value, [...path, field.name.value], problems, onVariable);
      return;
    case Kind.VARIABLE:
      return onVariable?.(node.name.value, path);
    default:
      return;
  }
}

function invalidText(problems: InputProblem[]) {
  return invalidInput(problems, { status: 400 });
}

/**
 * The literals, checked while the document is validated: Apollo keeps validated documents, so a
 * document is checked once however often it is sent. An argument's problem is reported as it is
 * entered, before the rules that look at its values, so it is the first error a client reads.
 */
export const acceptableTextRule: ValidationRule = (context) => ({
  Argument(node) {
    const problems: InputProblem[] = [];
    checkLiteral(node.value, [node.name.value], problems);
    if (problems.length > 0) context.reportError(invalidText(problems));
    return false;
  },
  // A variable's default is checked where the variable is used, when no value is given.
  VariableDefinition: () => false,
});

interface VariableUse {
  name: string;
  path: Path;
  defaultValue: ValueNode | undefined;
}

/** Where the operation uses each variable: as an argument or inside one, in its fragments too. */
function variableUses(document: DocumentNode, operationName: string | undefined): VariableUse[] {
  const operation = getOperationAST(document, operationName);
  if (!operation) return [];
  const defaults = new Map(operation.variableDefinitions?.map((definition) => [definition.variable.name.value, definition.defaultValue]));
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  // Keyed by variable and path: aliases of one field use a variable at the same path.
  const uses = new Map<string, VariableUse>();
  const visited = new Set<string>();
  const visitor: ASTVisitor = {
    Argument(node) {
      checkLiteral(node.value, [node.name.value], [], (name, path) =>
        uses.set(JSON.stringify([name, path]), { name, path, defaultValue: defaults.get(name) }),
      );
      return false;
    },
    FragmentSpread(node) {
      const fragment = fragments.get(node.name.value);
      if (fragment && !visited.has(fragment.name.value)) {
        visited.add(fragment.name.value);
        visit(fragment, visitor);
      }
    },
    VariableDefinition: () => false,
  };
  visit(operation, visitor);
  return [...uses.values()];
}

// Apollo keeps one DocumentNode per query text, so the uses are worked out once per operation.
const usesByDocument = new WeakMap<DocumentNode, Map<string, VariableUse[]>>();

function cachedVariableUses(document: DocumentNode, operationName: string | undefined): VariableUse[] {
  let byOperation = usesByDocument.get(document);
  if (!byOperation) {
    byOperation = new Map();
    usesByDocument.set(document, byOperation);
  }
  const key = operationName ?? '';
  let uses = byOperation.get(key);
  if (!uses) {
    uses = variableUses(document, operationName);
    byOperation.set(key, uses);
  }
  return uses;
}

/** The variables, checked for every request before the operation runs: nothing is read or written on bad text. */
export function acceptableTextPlugin<TContext extends object>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const variables = request.variables ?? {};
          const problems: InputProblem[] = [];
          for (const use of cachedVariableUses(document, request.operationName ?? undefined)) {
            if (Object.hasOwn(variables, use.name)) checkJson(variables[use.name], use.path, problems);
            else if (use.defaultValue) checkLiteral(use.defaultValue, use.path, problems);
          }
          if (problems.length > 0) throw invalidText(problems);
        },
      };
    },
  };
}

/** For strings that come from elsewhere (a URL, a header): the same policy, the same error. */
export function checkText(values: Record<string, string>): void {
  const problems: InputProblem[] = [];
  for (const [name, value] of Object.entries(values)) check(value, [name], problems);
  if (problems.length > 0) throw invalidText(problems);
}
