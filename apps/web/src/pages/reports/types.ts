// Shapes of the reports & clues API (apps/server/src/modules/reports), as the staff screens read them.
export interface Deadline {
  id: number;
  kind: string;
  label?: string;
  dueOn: string;
  met: boolean;
  extended: boolean;
  extensionReason?: string | null;
}

export interface ReportItem {
  id: number;
  number: string;
  channel: string;
  channelLabel: string;
  receivedAt: string;
  accused: { name: string; unit: string | null; post: string | null; cadreId: number | null };
  competentOrgId: number;
  competentOrgName: string;
  routedUp: boolean;
  anonymous: boolean;
  status: string;
  statusLabel: string;
}

export interface ReportLink {
  id: number;
  otherReportId: number;
  otherNumber: string;
  otherReceivedAt: string;
  similarity: number;
  status: string;
  canDecide: boolean;
}
export interface Attachment {
  id: number;
  name: string;
  type?: string;
  size?: number;
  sha256?: string;
  createdAt?: string;
}

export interface ReportDetail extends ReportItem {
  content: string;
  happened: string | null;
  hasReporterContact: boolean;
  matterId: number;
  problemType: string | null;
  problemTypeLabel: string | null;
  triageNote: string | null;
  messages: Array<{ id: number; direction: 'to_reporter' | 'from_reporter'; body: string; at: string }>;
  attachments?: Attachment[];
  links: ReportLink[];
  clue: { id: number; number: string; state: string; stateLabel: string } | null;
  deadlines: Deadline[];
}

export interface ClueItem {
  id: number;
  number: string;
  reportId: number;
  competentOrgId: number;
  competentOrgName: string;
  handlingOrgId: number;
  handlingOrgName: string;
  handlingMode: string;
  handlingModeLabel: string;
  accused: { cadreId: number | null; name: string };
  problemType: string;
  problemTypeLabel: string;
  summary: string;
  state: string;
  stateLabel: string;
  disposal: string | null;
  disposalLabel: string | null;
  holdReviewOn: string | null;
  transferTo: string | null;
  result: string | null;
  falseAccusation: boolean;
  registeredAt: string;
  concludedAt: string | null;
  version: number;
  handlingDueOn: string | null;
}

export interface Proposal {
  disposal: string;
  collective: { meetingOn: string; participants: string[]; minutes: string };
  holdReviewOn: string | null;
  transferTo: string | null;
  proposedBy: number;
  proposedByName: string;
  proposedAt: string;
}

export interface Letter {
  id: number;
  number: string;
  status: string;
  statusLabel: string;
  issuedOn: string;
  dueOn: string;
  questions: string;
  reply: string | null;
  countersignOpinion: string | null;
  decisionNote: string | null;
}

export interface ClueDetail extends ClueItem {
  proposal: Proposal | null;
  steps: Array<{
    id: number;
    action: string;
    from: string | null;
    to: string;
    toLabel: string;
    signedBy: string;
    at: string;
    opinion: string | null;
    detail: unknown;
  }>;
  reports: Array<{
    id: number;
    number: string;
    channel: string;
    channelLabel: string;
    receivedAt: string;
    content: string;
    happened: string | null;
    anonymous: boolean;
    status: string;
  }>;
  letters: Letter[];
  outcomes: Array<{
    id: number;
    form: number;
    kind: string;
    kindLabel: string;
    decidedOn: string;
    influenceUntil: string | null;
    summary: string;
  }>;
  deadlines: Deadline[];
}

export interface MyLetter {
  id: number;
  number: string;
  cadreName: string;
  countersignerName: string | null;
  copyTo: string | null;
  questions: string;
  issuedOn: string;
  dueOn: string;
  status: string;
  statusLabel: string;
  reply: string | null;
  repliedAt: string | null;
  countersignOpinion: string | null;
  countersignedAt: string | null;
  myPart: 'reply' | 'countersign' | null;
}

export interface QueueCount {
  queue: string;
  labelZh: string;
  labelEn: string;
  overdue: number;
  dueSoon: number;
}
