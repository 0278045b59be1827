import { Init1795559278987 } from "./1795559278987-Init.js";
import { CallScreen1795561432974 } from "./1795561432974-CallScreen.js";
import { PortalTracking1795568762377 } from "./1795568762377-PortalTracking.js";
import { TrackingCodeRequestKey1795568892372 } from "./1795568892372-TrackingCodeRequestKey.js";
import { TrackingCodeClientIp1795572898769 } from "./1795572898769-TrackingCodeClientIp.js";
import { HistoryNotes1796544098851 } from "./1796544098851-HistoryNotes.js";
import { CategoryKeywords1796547289373 } from "./1796547289373-CategoryKeywords.js";
import { CategoryAdmin1796555344345 } from "./1796555344345-CategoryAdmin.js";
import { ListIndexes1796567230575 } from "./1796567230575-ListIndexes.js";
import { QueueCounts1796567394879 } from "./1796567394879-QueueCounts.js";

/** The intake module's migrations, oldest first (generated list). */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const intakeMigrations: Function[] = [Init1795559278987, CallScreen1795561432974, PortalTracking1795568762377, TrackingCodeRequestKey1795568892372, TrackingCodeClientIp1795572898769, HistoryNotes1796544098851, CategoryKeywords1796547289373, CategoryAdmin1796555344345, ListIndexes1796567230575, QueueCounts1796567394879];
