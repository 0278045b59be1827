/**
 * GraphQL Code Generator settings shared by the three apps: typed operations generated from the
 * committed gateway SDL (never from a running server) into each app's `src/gql/`. Staff apps also
 * take the operations they share (login, me, queue pushes, knowledge-base editor) from
 * packages/ui/src/graphql/staff.
 */
export function appCodegen(options: { staff: boolean }) {
  return {
    schema: ["../gateway/schema.graphql"],
    documents: options.staff ? ["src/**/*.graphql", "../../packages/ui/src/graphql/staff/*.graphql"] : "src/**/*.graphql",
    ignoreNoDocuments: true,
    generates: {
      "./src/gql/": {
        preset: "client",
        presetConfig: { fragmentMasking: false },
        config: {
          enumsAsTypes: true,
          useTypeImports: true,
          scalars: { DateTimeISO: "string", ID: "string" },
          avoidOptionals: { field: true, inputValue: false, object: false },
          nonOptionalTypename: false,
          skipTypename: false,
          defaultScalarType: "unknown",
        },
      },
    },
  };
}
