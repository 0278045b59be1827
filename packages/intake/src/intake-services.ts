import type { AppServices } from "@civicline/platform";

let bound: AppServices | null = null;

/**
 * The services the running app started the intake module with. type-graphql calls a subscription's
 * `subscribe` function without the resolver instance, so screenPop reaches the database through
 * this reference (bound once at start-up by the module's eventHandlers hook; one app per process).
 */
export function bindIntakeServices(services: AppServices): void {
  bound = services;
}

export function intakeServices(): AppServices {
  if (!bound) {
    throw new Error("the intake module was not started (bindIntakeServices was not called)");
  }
  return bound;
}
