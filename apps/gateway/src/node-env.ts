// Imported first by the CLI, before graphql-js loads: graphql picks its checks when it is first loaded,
// and without NODE_ENV=production it runs its development `instanceOf` (a cross-realm check on every
// type test, a few milliseconds per request). The config already treats an unset NODE_ENV as production.
process.env.NODE_ENV ??= "production";
