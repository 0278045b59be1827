/**
 * GraphQL Code Generator settings shared by the three apps: typed operations generated from the
 * committed gateway SDL (never from a running server) into each app's `src/gql/`. Staff apps also
 * take the operations they share (login, me, queue pushes, knowledge-base editor) from
 * packages/ui/src/graphql/staff.
 */
const STAFF_DOCUMENTS = "../../packages/ui/src/graphql/staff/*.graphql";

const CLIENT_OUTPUT = {
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
};

/**
 * Staff apps also get `src/gql/shell/`: the shared staff operations alone (sign-in, me, the
 * notification bell) and the app's own `*.shell.graphql` (queries the shell itself runs, e.g. the
 * nav's "which QA teams do I lead"), for the app shell. The generated `src/gql/graphql.ts` holds every document
 * of the app in one module, so anything the first chunk imports from it drags every page's
 * documents into the first chunk (issue 15); the shell imports its few from here instead.
 */
export function appCodegen(options: { staff: boolean }) {
  return {
    schema: ["../gateway/schema.graphql"],
    ignoreNoDocuments: true,
    // Documents are named per output: documents at the top level would be added to every output.
    generates: {
      "./src/gql/": { ...CLIENT_OUTPUT, documents: options.staff ? ["src/**/*.graphql", STAFF_DOCUMENTS] : ["src/**/*.graphql"] },
      ...(options.staff ? { "./src/gql/shell/": { ...CLIENT_OUTPUT, documents: [STAFF_DOCUMENTS, "src/**/*.shell.graphql"] } } : {}),
    },
  };
}
