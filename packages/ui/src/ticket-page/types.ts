import type { TypedDocumentNode } from "@apollo/client";

/** Mirrors of the TicketDossier operation's result (packages/ui/src/graphql/staff/TicketDossier.graphql). */
type UnitRef = { id: string; nameZh: string; nameEn: string };
type Named = { nameZh: string; nameEn?: string | null };

export type DossierTicket = {
  id: string;
  trackingNumber: string;
  status: string;
  channel: string;
  requestType: string;
  urgency: string;
  title: string | null;
  description: string;
  address: string;
  latitude: number | null;
  longitude: number | null;
  citizenName: string;
  citizenPhone: string;
  citizenEmail: string | null;
  citizenIdNumber: string | null;
  privacy: string;
  receivedAt: string;
  directAnswer: string | null;
  category: Named & { id: string; code: string; fields: ReadonlyArray<{ key: string; labelZh: string; labelEn: string }> };
  district: Named & { id: string };
  township: (Named & { id: string }) | null;
  extraFields: ReadonlyArray<{ key: string; value: string }>;
  attachments: ReadonlyArray<{ id: string; filename: string; contentType: string; size: number; url: string }>;
  links: ReadonlyArray<{ kind: string; ticket: { id: string; trackingNumber: string; status: string } }>;
  coReporters: ReadonlyArray<{ name: string; phone: string; addedAt: string }>;
  emergencyHandoffs: ReadonlyArray<{ service: string; reference: string; handedOffAt: string; handedOffBy: string }>;
};

export type DossierDeadlines = {
  dispatchDueAt: string | null;
  signForDueAt: string | null;
  completionDueAt: string | null;
  nearDueAt: string | null;
  state: string;
  workingMinutesLeft: number | null;
};

export type DossierAssignment = {
  id: string;
  state: string;
  leadUnit: UnitRef;
  assistingUnits: readonly UnitRef[];
  dispatchedAt: string;
  dispatchedBy: string;
  dispatchNote: string | null;
  signedForAt: string | null;
  deadlines: DossierDeadlines;
  reply: { outcome: string; text: string; at: string; author: string; unit: UnitRef; attachments: ReadonlyArray<{ id: string; filename: string; url: string }> } | null;
  extension: {
    status: string;
    workingDays: number;
    reason: string;
    requestedBy: string;
    requestedAt: string;
    decidedBy: string | null;
    decidedAt: string | null;
    decisionNote: string | null;
  } | null;
  returns: ReadonlyArray<{ id: string; reason: string; text: string; status: string; at: string; unit: UnitRef; decidedBy: string | null; decisionNote: string | null }>;
  assists: ReadonlyArray<{ unit: UnitRef; text: string | null; at: string | null }>;
};

export type DossierTimelineEntry = {
  id: string;
  at: string;
  kind: string;
  historyKind: string | null;
  fromStatus: string | null;
  toStatus: string | null;
  actorName: string | null;
  actorKind: string | null;
  noteCode: string | null;
  noteParams: ReadonlyArray<{ name: string; value: string }>;
  unitNameZh: string | null;
  unitNameEn: string | null;
  text: string | null;
  detailEnum: string | null;
  detailValue: string | null;
  isPublic: boolean;
};

export type TicketDossierData = {
  ticket: DossierTicket;
  categoryPath: ReadonlyArray<Named & { id: string }>;
  assignments: readonly DossierAssignment[];
  timeline: readonly DossierTimelineEntry[];
  reReports: {
    tickets: ReadonlyArray<{ id: string; trackingNumber: string; status: string; receivedAt: string; position: number }>;
    rounds: ReadonlyArray<{ at: string; unitNameZh: string | null; unitNameEn: string | null; decidedBy: string | null; note: string | null }>;
  };
};

/** The app's generated TicketDossier operation. */
export type TicketDossierDocument = TypedDocumentNode<{ ticketDossier: TicketDossierData }, { trackingNumber: string }>;
