// Shapes of the reports & clues API (apps/server/src/modules/reports), as the staff screens read them.
export type {
  Deadline,
  ReportItem,
  ReportLink,
  Attachment,
  ReportDetail,
  ClueItem,
  Letter,
  ClueDetail,
  MyLetter,
  QueueCount,
} from '@api';

/**
 * A clue's pending disposal proposal (clue.service.ts proposeDisposal). The server keeps it as JSON and its schema passes
 * the object through as stored, so its shape is written down here, the one answer type the web declares itself.
 */
export interface Proposal {
  disposal: string;
  collective: { meetingOn: string; participants: string[]; minutes: string };
  holdReviewOn: string | null;
  transferTo: string | null;
  proposedBy: number;
  proposedByName: string;
  proposedAt: string;
}
