import { subscriptionAudience, type RequestContext } from "@civicline/platform";
import { getOperationAST, print, subscribe, type ExecutionArgs, type ExecutionResult } from "graphql";

type Result = ExecutionResult;
type Source = AsyncGenerator<Result, void, void> | AsyncIterable<Result>;

/** Results a slow subscriber may fall behind by before older ones are dropped (as PgPubSub does). */
const MAX_QUEUED = 1000;

/** One execution of a subscription whose results go to every subscriber of the same audience. */
class SharedExecution {
  private readonly subscribers = new Set<(result: Result | null) => void>();
  private running = true;

  constructor(
    private readonly source: Source,
    private readonly onIdle: () => void,
  ) {
    void this.pump();
  }

  private async pump(): Promise<void> {
    try {
      for await (const result of this.source) {
        for (const push of this.subscribers) {
          push(result);
        }
      }
    } finally {
      this.running = false;
      this.onIdle();
      for (const push of this.subscribers) {
        push(null);
      }
      this.subscribers.clear();
    }
  }

  get open(): boolean {
    return this.running;
  }

  /** A subscriber's own iterator over the shared results; its `return` detaches it (the last one ends the execution). */
  attach(): AsyncIterableIterator<Result> {
    const queue: Result[] = [];
    const waiting: Array<(result: IteratorResult<Result>) => void> = [];
    let done = false;
    const push = (result: Result | null): void => {
      if (result === null) {
        done = true;
        for (const resolve of waiting.splice(0)) {
          resolve({ value: undefined, done: true });
        }
        return;
      }
      const next = waiting.shift();
      if (next) {
        next({ value: result, done: false });
      } else if (queue.length < MAX_QUEUED) {
        queue.push(result);
      }
    };
    this.subscribers.add(push);
    const detach = async (): Promise<IteratorResult<Result>> => {
      done = true;
      this.subscribers.delete(push);
      for (const resolve of waiting.splice(0)) {
        resolve({ value: undefined, done: true });
      }
      if (this.subscribers.size === 0 && this.running) {
        this.running = false;
        this.onIdle();
        const source = this.source as Partial<AsyncGenerator<Result, void, void>>;
        await source.return?.();
      }
      return { value: undefined, done: true };
    };
    const iterator: AsyncIterableIterator<Result> = {
      next: () => {
        if (queue.length > 0) {
          return Promise.resolve({ value: queue.shift()!, done: false });
        }
        if (done) {
          return Promise.resolve({ value: undefined, done: true });
        }
        return new Promise((resolve) => waiting.push(resolve));
      },
      return: detach,
      throw: async (error: unknown) => {
        await detach();
        throw error;
      },
      [Symbol.asyncIterator]: () => iterator,
    };
    return iterator;
  }
}

/**
 * graphql-ws's `subscribe`: subscriptions whose field declared an audience (platform
 * `shareSubscription`) are executed once per event for every subscriber with the same document,
 * variables and audience key, and each result is fanned out to all of them; other subscriptions run
 * once per subscriber as graphql's `subscribe` does. The execution uses the context of the subscriber
 * that started it (the actors of one audience are interchangeable for the field by its declaration);
 * each socket still checks its own session before every message (server.ts `onNext`).
 */
export class SubscriptionFanout {
  private readonly executions = new Map<string, Promise<SharedExecution | Result>>();

  /** Executions currently shared (for tests and diagnostics). */
  get sharedCount(): number {
    return this.executions.size;
  }

  readonly subscribe = async (args: ExecutionArgs): Promise<AsyncIterable<Result> | Result> => {
    const key = this.keyOf(args);
    if (key === null) {
      return subscribe(args);
    }
    for (;;) {
      let pending = this.executions.get(key);
      if (!pending) {
        pending = this.start(key, args);
        this.executions.set(key, pending);
      }
      const execution = await pending;
      if (!(execution instanceof SharedExecution)) {
        // Refused (e.g. FORBIDDEN) or failed: nothing is shared; the next subscriber tries afresh.
        if (this.executions.get(key) === pending) {
          this.executions.delete(key);
        }
        return execution;
      }
      if (execution.open) {
        return execution.attach();
      }
      if (this.executions.get(key) === pending) {
        this.executions.delete(key);
      }
    }
  };

  private async start(key: string, args: ExecutionArgs): Promise<SharedExecution | Result> {
    const source = await subscribe(args);
    if (!isAsyncIterable(source)) {
      return source;
    }
    const pending = this.executions.get(key);
    return new SharedExecution(source, () => {
      if (this.executions.get(key) === pending) {
        this.executions.delete(key);
      }
    });
  }

  /** Document, operation, variables and the audience of its (single) root field; null when not shared. */
  private keyOf(args: ExecutionArgs): string | null {
    const operation = getOperationAST(args.document, args.operationName);
    const selections = operation?.selectionSet.selections ?? [];
    const field = selections[0];
    if (operation?.operation !== "subscription" || selections.length !== 1 || field?.kind !== "Field") {
      return null;
    }
    const context = args.contextValue as RequestContext | undefined;
    const audience = subscriptionAudience(field.name.value, context?.actor ?? null);
    if (audience === null) {
      return null;
    }
    return JSON.stringify([audience, args.operationName ?? null, args.variableValues ?? null, print(args.document)]);
  }
}

function isAsyncIterable(value: unknown): value is AsyncIterable<Result> {
  return typeof value === "object" && value !== null && Symbol.asyncIterator in value;
}
