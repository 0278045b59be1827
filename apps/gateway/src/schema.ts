import { authChecker, type AppServices } from "@civicline/platform";
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from "graphql";
import { buildSchema, type ContainerType, type NonEmptyArray } from "type-graphql";
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

/** The one schema, composed from every module's resolvers. `services` may be null to print the SDL. */
export async function buildGatewaySchema(services: AppServices | null): Promise<GraphQLSchema> {
  const resolvers = modules.flatMap((module) => module.resolvers);
  return buildSchema({
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
  });
}

/** The SDL committed as apps/gateway/schema.graphql (sorted, so diffs stay readable). */
export async function printGatewaySchema(): Promise<string> {
  const schema = await buildGatewaySchema(null);
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
