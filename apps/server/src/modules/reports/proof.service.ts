// M-11 proof of submission, checked by the server as well as offline: the signature must be ours, and the report it
// names must exist with the same time and content hash. With a receipt, the proof must be that receipt's report, so a
// proof replayed against another receipt (or altered in any field) is refused with a clear 400.
import type { AppContext } from '../../platform/context.js';
import { verifyProof, type SignedProof } from '../../platform/crypto/index.js';
import { AppError } from '../../platform/http/index.js';
import { receiptDigest } from './receipt.service.js';

interface ReceiptProof {
  kind: string;
  number: string;
  receivedAt: string;
  contentSha256: string;
}

const invalid = () =>
  new AppError(
    400,
    'PROOF_INVALID',
    '回执凭证无效：签名与内容不符，或不是本平台签发',
    'Invalid proof: the signature does not match, or it was not issued here',
  );
const mismatch = () =>
  new AppError(
    400,
    'PROOF_MISMATCH',
    '回执凭证与该回执码的举报不符',
    'The proof does not belong to the report of this receipt',
  );

export async function checkProof(ctx: AppContext, proof: SignedProof<ReceiptProof>, receipt?: string) {
  if (!verifyProof(proof, ctx.signer.publicKeyPem) || proof.payload.kind !== 'mingjian.report-receipt') throw invalid();
  const r = await ctx.db
    .selectFrom('reports')
    .select(['number', 'received_at', 'content_sha256', 'receipt_digest'])
    .where('number', '=', proof.payload.number)
    .executeTakeFirst();
  // A valid signature on a report we do not hold (another installation's key) is as invalid as a forged one.
  if (
    !r ||
    r.received_at.toISOString() !== proof.payload.receivedAt ||
    r.content_sha256 !== proof.payload.contentSha256
  )
    throw invalid();
  if (receipt !== undefined && r.receipt_digest !== receiptDigest(ctx.box, receipt)) throw mismatch();
  return { valid: true, number: r.number, receivedAt: proof.payload.receivedAt, contentSha256: r.content_sha256 };
}
