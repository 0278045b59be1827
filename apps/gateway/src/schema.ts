import { authChecker, type AppServices } from "@civicline/platform";
import { isObjectType, lexicographicSortSchema, printSchema, type GraphQLSchema } from "graphql";
import { buildSchema, getMetadataStorage, type ContainerType, type NonEmptyArray } from "type-graphql";
import { modules } from "./modules.js";

/**
 * Instantiates each resolver class once with the application services: resolvers stay thin and
 * get exactly one dependency, the services object.
 */
class ServicesContainer implements ContainerType {
  private readonly instances = new Map<unknown, unknown>();

  constructor(private readonly services: AppServices | null) {}

  get(someClass: new (services: AppServices) => unknown): unknown {
    if (!this.services) {
      throw new Error("this schema was built for printing only");
    }
    let instance = this.instances.get(someClass);
    if (!instance) {
      instance = new someClass(this.services);
      this.instances.set(someClass, instance);
    }
    return instance;
  }
}

/**
 * type-graphql gives every plain field of an object type a resolver that runs the field's middlewares
 * and auth check, allocating a resolver-data object and a closure for each field of each row even
 * when there are none. Plain fields with neither `@Authorized` nor `@UseMiddleware` are read as
 * graphql-js's default resolver reads them (the schema is built with no global middlewares); fields
 * with a field resolver, a role check or a middleware keep type-graphql's resolver.
 */
function readPlainFieldsDirectly(schema: GraphQLSchema): GraphQLSchema {
  const storage = getMetadataStorage();
  for (const objectType of storage.objectTypes) {
    const type = schema.getType(objectType.name);
    if (!isObjectType(type)) {
      continue;
    }
    const fields = type.getFields();
    for (const field of objectType.fields ?? []) {
      const resolved = storage.fieldResolvers.some((resolver) => resolver.getObjectType?.() === field.target && resolver.methodName === field.name);
      const graphqlField = fields[field.schemaName];
      if (!resolved && field.roles === undefined && (field.middlewares?.length ?? 0) === 0 && graphqlField) {
        graphqlField.resolve = undefined;
      }
    }
  }
  return schema;
}

/** The one schema, composed from every module's resolvers. `services` may be null to print the SDL. */
export async function buildGatewaySchema(services: AppServices | null): Promise<GraphQLSchema> {
  const resolvers = modules.flatMap((module) => module.resolvers);
  const schema = await buildSchema({
    // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
    resolvers: resolvers as unknown as NonEmptyArray<Function>,
    container: new ServicesContainer(services),
    authChecker,
    authMode: "error",
    pubSub: services?.pubsub ?? {
      publish: () => undefined,
      subscribe: () => {
        throw new Error("this schema was built for printing only");
      },
    },
    validate: false,
    // No global middlewares: readPlainFieldsDirectly relies on it.
  });
  return readPlainFieldsDirectly(schema);
}

/** The SDL committed as apps/gateway/schema.graphql (sorted, so diffs stay readable). */
export async function printGatewaySchema(): Promise<string> {
  const schema = await buildGatewaySchema(null);
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
