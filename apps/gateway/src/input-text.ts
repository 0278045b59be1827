import type { ApolloServerPlugin } from "@apollo/server";
import { hasUnstorableCharacter, textProblem, type FieldError, type RequestContext } from "@civicline/platform";
import { GraphQLError, Kind, valueFromASTUntyped, type DocumentNode, type FieldNode, type FragmentDefinitionNode, type SelectionSetNode } from "graphql";

/**
 * The fields of an input whose text no column can store (NUL, lone surrogates: the platform's
 * textProblem), named as domain errors name them: the path inside an input object (`citizenName`,
 * `answers.note`, `keywords.2`), or the argument itself for a scalar (`ticketId`, `query`).
 */
function unstorableFields(value: unknown, path: string[], found: FieldError[]): void {
  if (typeof value === "string") {
    const problem = hasUnstorableCharacter(value) ? textProblem(value) : null;
    if (problem) {
      found.push({ field: path.join("."), code: "INVALID_CHARACTERS", message: `This text ${problem}, which cannot be stored. Remove it and try again.` });
    }
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => unstorableFields(item, [...path, String(index)], found));
  } else if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      unstorableFields(item, [...path, key], found);
    }
  }
}

function collectFields(selectionSet: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, into: FieldNode[], seen: Set<string>): void {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      into.push(selection);
      if (selection.selectionSet) {
        collectFields(selection.selectionSet, fragments, into, seen);
      }
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      collectFields(selection.selectionSet, fragments, into, seen);
    } else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      const fragment = fragments.get(selection.name.value);
      if (fragment) {
        collectFields(fragment.selectionSet, fragments, into, seen);
      }
    }
  }
}

/**
 * Checks every argument of every field of the operation to run, literals and variables alike, before
 * anything executes: text holding NUL or a lone surrogate is refused as BAD_USER_INPUT with
 * INVALID_CHARACTERS fields (PostgreSQL refuses NUL with an internal error; a lone surrogate would be
 * stored as U+FFFD). Returns the error, or null when the input can be stored.
 */
export function unstorableInputError(document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown> | null | undefined): GraphQLError | null {
  const found: FieldError[] = [];
  for (const field of fieldsWithArguments(document, operationName)) {
    for (const argument of field.arguments ?? []) {
      const value: unknown = valueFromASTUntyped(argument.value, variables ?? undefined);
      const isObject = !!value && typeof value === "object" && !Array.isArray(value);
      unstorableFields(value, isObject ? [] : [argument.name.value], found);
    }
  }
  if (found.length === 0) {
    return null;
  }
  const message = found.length === 1 ? found[0]!.message : `${found.length} fields contain characters that cannot be stored: ${found.map((f) => f.field).join(", ")}.`;
  return new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT", fields: found, http: { status: 400 } } });
}

/** The fields of a document's operation that have arguments, per parsed document (Apollo hands back the same one for the same text). */
const argumentFields = new WeakMap<DocumentNode, Map<string, FieldNode[]>>();

function fieldsWithArguments(document: DocumentNode, operationName: string | null | undefined): FieldNode[] {
  let byOperation = argumentFields.get(document);
  if (!byOperation) {
    byOperation = new Map();
    argumentFields.set(document, byOperation);
  }
  const key = operationName ?? "";
  let fields = byOperation.get(key);
  if (!fields) {
    const operations = document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
    const operation = operations.find((candidate) => (operationName ? candidate.name?.value === operationName : true));
    const fragments = new Map(
      document.definitions.filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION).map((fragment) => [fragment.name.value, fragment]),
    );
    const all: FieldNode[] = [];
    if (operation) {
      collectFields(operation.selectionSet, fragments, all, new Set());
    }
    fields = all.filter((field) => (field.arguments?.length ?? 0) > 0);
    byOperation.set(key, fields);
  }
  return fields;
}

/** Apollo: runs unstorableInputError once the operation is known, so nothing executes with such text. */
export const unstorableInputPlugin: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ request, document }) {
        const error = unstorableInputError(document, request.operationName, request.variables);
        if (error) {
          throw error;
        }
      },
    };
  },
};
