// Uploaded files: type detection from the bytes, the checks every upload passes, the one attachment store and the
// HTTP side of uploads and downloads (platform, no domain rules).
export { ATTACHMENT_TYPES, detectType, extensionFits, type AttachmentType } from './attachment-type.js';
export { checkFile, fileErrors, FILE_MAX_BYTES } from './check-file.js';
export { attachmentStore, type AttachmentInfo, type AttachmentOwner } from './attachment-store.js';
export { acceptFileBodies, fileNameHeader, fileNameOf, sendDownload } from './file-routes.js';
export { AUDIO_TYPES, AUDIO_SNIFF_BYTES, detectAudio, audioExtensionFits, type AudioType } from './audio-type.js';
export { cleanName } from './check-file.js';
export {
  storeChunked,
  readChunked,
  dropUpload,
  fileTooLarge,
  sweepUnfinished,
  CHUNK_BYTES,
  type ChunkedUpload,
} from './chunked-store.js';
