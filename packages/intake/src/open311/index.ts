export { placeOpen311Location, type Open311Placement, type PlaceLocationInput } from "./place-location.js";
export {
  findTicketByOpen311Token,
  findTicketByTrackingNumber,
  isWithheldFromPublic,
  listOpen311Tickets,
  redactPersonalData,
  type Open311TicketFilter,
} from "./public-view.js";
