import { Role, User, type Actor, type SeedContext } from "@civicline/platform";
import { issueOrderInTransaction } from "./issue-order.js";
import { OrderLevel } from "./order.enums.js";

const REASON = "家长多次来电反映校园欺凌问题，请教育局加快调查并答复处理进展。";

/**
 * One open supervision order (a reminder from the demo supervisor) on the demo handler's unit's
 * ticket — the bullying case dispatched to the education bureau — so the workbench shows one.
 */
export async function seedSupervisionOrders({ manager, log }: SeedContext): Promise<void> {
  const [ticket]: Array<{ id: string }> = await manager.query(
    `SELECT t.id FROM intake_ticket t
     JOIN routing_assignment a ON a.ticket_id = t.id AND a.current
     JOIN routing_unit u ON u.id = a.lead_unit_id AND u.code = 'BUR-EDU'
     WHERE t.status NOT IN ('closed', 'closed_direct', 'merged', 'replied')
       AND NOT EXISTS (SELECT 1 FROM supervision_order o WHERE o.ticket_id = t.id)
     ORDER BY t.received_at LIMIT 1`,
  );
  if (!ticket) {
    log.warn("no open ticket of the education bureau: no demo supervision order");
    return;
  }
  const user = await manager.findOne(User, { where: { username: "supervisor" } });
  const actor: Actor = user
    ? { kind: "staff", id: user.id, name: user.displayName, roles: user.roles, unitId: null }
    : { kind: "staff", id: "00000000-0000-4000-8000-00000000d0b1", name: "seed", roles: [Role.SUPERVISOR], unitId: null };
  await issueOrderInTransaction(manager, {
    actor,
    request: { ticketId: ticket.id, level: OrderLevel.REMINDER, reason: REASON },
    reason: REASON,
    now: new Date(),
    auto: false,
  });
  log.info("demo supervision order seeded");
}
