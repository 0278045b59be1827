import { GraphQLError, specifiedRules, validate, type ValidationRule } from "graphql";

const SUGGESTION = /\s*(Did you mean[^?]*\?|\[Suggestion hidden\]\??)/g;

/**
 * The validation graphql-ws runs on WebSocket operations: the same limits as HTTP (depth, aliases,
 * cost, field suggestions blocked), and messages without "did you mean" hints.
 */
export function subscriptionValidator(rules: readonly ValidationRule[]): typeof validate {
  return (schema, document) =>
    validate(schema, document, [...specifiedRules, ...rules]).map(
      (error) => new GraphQLError(error.message.replace(SUGGESTION, ""), { nodes: error.nodes, extensions: { code: "GRAPHQL_VALIDATION_FAILED" } }),
    );
}
