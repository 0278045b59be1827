import { Init1795559277590 } from "./1795559277590-Init.js";
import { Files1795560587507 } from "./1795560587507-Files.js";
import { CalendarAndTimers1795561377835 } from "./1795561377835-CalendarAndTimers.js";
import { SmsMessages1795568815555 } from "./1795568815555-SmsMessages.js";
import { ScheduleRuns1796533807363 } from "./1796533807363-ScheduleRuns.js";
import { LoginThrottle1796534100000 } from "./1796534100000-LoginThrottle.js";
import { Notifications1796541000000 } from "./1796541000000-Notifications.js";
import { CredentialsChanged1796548192036 } from "./1796548192036-CredentialsChanged.js";
import { AuditLog1796555301661 } from "./1796555301661-AuditLog.js";
import { IntegratorKeysAndWebhooks1796555412265 } from "./1796555412265-IntegratorKeysAndWebhooks.js";
import { StaffAccounts1796555478761 } from "./1796555478761-StaffAccounts.js";

/** The platform module's migrations, oldest first (generated list). */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const platformMigrations: Function[] = [Init1795559277590, Files1795560587507, CalendarAndTimers1795561377835, SmsMessages1795568815555, ScheduleRuns1796533807363, LoginThrottle1796534100000, Notifications1796541000000, CredentialsChanged1796548192036, AuditLog1796555301661, IntegratorKeysAndWebhooks1796555412265, StaffAccounts1796555478761];
