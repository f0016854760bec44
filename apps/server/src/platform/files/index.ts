// Uploaded files: type detection from the bytes, the checks every upload passes, the one attachment store and the
// HTTP side of uploads and downloads (platform, no domain rules).
export { ATTACHMENT_TYPES, detectType, extensionFits, type AttachmentType } from './attachment-type.js';
export { checkFile, fileErrors, FILE_MAX_BYTES } from './check-file.js';
export { attachmentStore, type AttachmentInfo, type AttachmentOwner } from './attachment-store.js';
export { acceptFileBodies, fileNameHeader, fileNameOf, sendDownload } from './file-routes.js';
