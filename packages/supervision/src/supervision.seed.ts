import type { SeedContext } from "@civicline/platform";
import { seedReReportDemo } from "./dossier/re-report.seed.js";
import { seedJointSupervisionDemo } from "./joint/joint.seed.js";
import { seedLeaderDemo } from "./leader/leader.seed.js";
import { seedSupervisionOrders } from "./orders/order.seed.js";

/**
 * The supervision demo data, one step per feature, run in this order in the demo seed's transaction.
 * Each feature adds its own step (a function in its own folder) to this list.
 */
const steps: Array<(context: SeedContext) => Promise<void>> = [seedSupervisionOrders, seedJointSupervisionDemo, seedLeaderDemo, seedReReportDemo];

export async function seedSupervisionDemo(context: SeedContext): Promise<void> {
  for (const step of steps) {
    await step(context);
  }
}
