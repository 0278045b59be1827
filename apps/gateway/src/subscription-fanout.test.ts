import { byRolesAndUnit, Role, shareSubscription, type Actor } from "@civicline/platform";
import { GraphQLObjectType, GraphQLSchema, GraphQLString, parse, type ExecutionResult } from "graphql";
import { describe, expect, it } from "vitest";
import { SubscriptionFanout } from "./subscription-fanout.js";

/** A topic that hands each published value to every open iterator, and counts its iterators. */
function topic() {
  const listeners = new Set<(value: string) => void>();
  return {
    get open() {
      return listeners.size;
    },
    publish: (value: string) => listeners.forEach((listener) => listener(value)),
    subscribe(): AsyncIterableIterator<string> {
      const queue: string[] = [];
      let wake: (() => void) | undefined;
      let done = false;
      const listener = (value: string) => {
        queue.push(value);
        wake?.();
      };
      listeners.add(listener);
      const iterator: AsyncIterableIterator<string> = {
        next: async () => {
          while (queue.length === 0 && !done) {
            await new Promise<void>((resolve) => (wake = resolve));
          }
          return done ? { value: undefined, done: true } : { value: queue.shift()!, done: false };
        },
        return: async () => {
          done = true;
          listeners.delete(listener);
          wake?.();
          return { value: undefined, done: true };
        },
        [Symbol.asyncIterator]: () => iterator,
      };
      return iterator;
    },
  };
}

const feed = topic();
let executions = 0;
shareSubscription("fanoutTestShared", byRolesAndUnit);
const schema = new GraphQLSchema({
  query: new GraphQLObjectType({ name: "Query", fields: { ok: { type: GraphQLString } } }),
  subscription: new GraphQLObjectType({
    name: "Subscription",
    fields: {
      fanoutTestShared: {
        type: GraphQLString,
        subscribe: () => feed.subscribe(),
        resolve: (value: string, _args: unknown, context: { actor: Actor }) => {
          executions += 1;
          return `${value} for ${[...context.actor.roles].join(",")}`;
        },
      },
      fanoutTestPerSubscriber: {
        type: GraphQLString,
        subscribe: () => feed.subscribe(),
        resolve: (value: string) => {
          executions += 1;
          return value;
        },
      },
    },
  }),
});

const staff = (id: string, roles: Role[]): Actor => ({ kind: "staff", id, name: id, roles, unitId: null });

async function subscribe(fanout: SubscriptionFanout, field: string, actor: Actor): Promise<AsyncIterator<ExecutionResult>> {
  const result = await fanout.subscribe({ schema, document: parse(`subscription { ${field} }`), contextValue: { actor } });
  return (result as AsyncIterable<ExecutionResult>)[Symbol.asyncIterator]();
}

describe("SubscriptionFanout", () => {
  it("executes a shared field once per event for each audience, fans the result out, and ends the execution with its last subscriber", async () => {
    const fanout = new SubscriptionFanout();
    const operators = await Promise.all(["a", "b", "c"].map((id) => subscribe(fanout, "fanoutTestShared", staff(id, [Role.OPERATOR]))));
    const supervisor = await subscribe(fanout, "fanoutTestShared", staff("s", [Role.SUPERVISOR]));
    expect(feed.open).toBe(2);
    expect(fanout.sharedCount).toBe(2);

    executions = 0;
    feed.publish("t1");
    const received = await Promise.all([...operators, supervisor].map((iterator) => iterator.next()));
    expect(received.map((r) => r.value?.data?.fanoutTestShared)).toEqual(["t1 for operator", "t1 for operator", "t1 for operator", "t1 for supervisor"]);
    expect(executions).toBe(2);

    // One operator leaves: the others still receive; the last one leaving ends the shared execution.
    await operators[0]!.return!();
    feed.publish("t2");
    expect((await operators[1]!.next()).value?.data).toEqual({ fanoutTestShared: "t2 for operator" });
    expect((await operators[2]!.next()).value?.data).toEqual({ fanoutTestShared: "t2 for operator" });
    await operators[1]!.return!();
    await operators[2]!.return!();
    expect(feed.open).toBe(1);
    // A newcomer of that audience starts a fresh execution.
    const late = await subscribe(fanout, "fanoutTestShared", staff("d", [Role.OPERATOR]));
    expect(feed.open).toBe(2);
    feed.publish("t3");
    expect((await late.next()).value?.data).toEqual({ fanoutTestShared: "t3 for operator" });
    await late.return!();
    await supervisor.return!();
    expect(feed.open).toBe(0);
    expect(fanout.sharedCount).toBe(0);
  });

  it("runs a field that declared no audience once per subscriber", async () => {
    const fanout = new SubscriptionFanout();
    const iterators = await Promise.all(["a", "b"].map((id) => subscribe(fanout, "fanoutTestPerSubscriber", staff(id, [Role.OPERATOR]))));
    expect(feed.open).toBe(2);
    executions = 0;
    feed.publish("t4");
    await Promise.all(iterators.map((iterator) => iterator.next()));
    expect(executions).toBe(2);
    await Promise.all(iterators.map((iterator) => iterator.return!()));
    expect(feed.open).toBe(0);
  });
});
