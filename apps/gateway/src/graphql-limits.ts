import type { ApolloServerPlugin } from "@apollo/server";
import { ApolloArmor } from "@escape.tech/graphql-armor";
import type { RequestContext } from "@civicline/platform";
import { NoSchemaIntrospectionCustomRule, specifiedRules, type ParseOptions, type ValidationRule } from "graphql";

/** The limits every GraphQL operation meets, over HTTP and over the WebSocket alike. */
export const GRAPHQL_LIMITS = {
  maxDepth: 12,
  maxAliases: 20,
  maxCost: 10_000,
  /** Lexical tokens in one document; more is refused while parsing, before any validation. */
  maxTokens: 3000,
  maxDirectives: 20,
} as const;

/** What both transports apply: parse options, the extra validation rules, and Apollo's plugins. */
export type GraphQLProtection = {
  /** Given to graphql's `parse` (Apollo `parseOptions`, the socket's parse): the token limit. */
  parseOptions: ParseOptions;
  /** Validation beyond graphql's specified rules: depth, aliases, cost, directives; introspection outside development. */
  validationRules: ValidationRule[];
  /** Apollo-only: hides "did you mean" field suggestions (the socket strips them in ws-guard.ts). */
  apolloPlugins: Array<ApolloServerPlugin<RequestContext>>;
};

/**
 * Builds the one set of GraphQL limits the gateway applies to HTTP and WebSocket operations.
 * Introspection is refused unless `development`.
 */
export function buildGraphQLProtection(options: { development: boolean }): GraphQLProtection {
  const armor = new ApolloArmor({
    maxDepth: { n: GRAPHQL_LIMITS.maxDepth },
    maxAliases: { n: GRAPHQL_LIMITS.maxAliases },
    costLimit: { maxCost: GRAPHQL_LIMITS.maxCost },
    // armor's token check runs in an Apollo plugin and makes every refusal (and every syntax error) a 500;
    // graphql's own parser counts tokens instead, and a refusal is a parse error (400) on both transports.
    maxTokens: { enabled: false },
    maxDirectives: { n: GRAPHQL_LIMITS.maxDirectives },
    blockFieldSuggestion: { enabled: true },
  });
  const protection = armor.protect();
  return {
    parseOptions: { maxTokens: GRAPHQL_LIMITS.maxTokens },
    validationRules: [...(protection.validationRules ?? []), ...(options.development ? [] : [NoSchemaIntrospectionCustomRule])],
    apolloPlugins: (protection.plugins ?? []) as unknown as Array<ApolloServerPlugin<RequestContext>>,
  };
}

/** graphql's specified rules followed by the gateway's own: what the socket validates with. */
export function allValidationRules(protection: GraphQLProtection): ValidationRule[] {
  return [...specifiedRules, ...protection.validationRules];
}
