// Response declarations that are not JSON: files sent as downloads (sendDownload, .docx, .xlsx). Fastify sends a Buffer
// as it is, without the serializer; the declaration is for the OpenAPI document and for the route-table test
// (app.routes.test.ts), which accepts a route without a JSON answer only when it declares a file like this.
import { z } from 'zod';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX_FILE_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** A stored attachment goes out with its own checked type (PDF, Word, Excel, JPEG, PNG). */
export const ANY_FILE_TYPE = '*/*';

const fileBody = z.custom<Buffer>((v) => Buffer.isBuffer(v)).meta({ type: 'string', format: 'binary' });

/** A file download: `response: { 200: fileAnswer(XLSX_FILE_TYPE, '…') }`. */
export const fileAnswer = (contentType: string, description: string) => ({
  description,
  content: { [contentType]: { schema: fileBody } },
});

/** Is this declared answer a file (for the route-table test)? */
export const isFileAnswer = (declared: unknown): boolean =>
  typeof declared === 'object' && declared !== null && 'content' in declared && !(declared instanceof z.ZodType);
