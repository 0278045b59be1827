import type { CodegenConfig } from "@graphql-codegen/cli";

/** Typed operations generated from the committed gateway SDL (never from a running server). */
const config: CodegenConfig = {
  schema: ["../gateway/schema.graphql"],
  documents: "src/**/*.graphql",
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

export default config;
