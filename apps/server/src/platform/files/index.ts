// Uploaded files: type detection from the bytes and the checks every upload passes (platform, no domain rules).
export { ATTACHMENT_TYPES, detectType, extensionFits, type AttachmentType } from './attachment-type.js';
export { checkFile, fileErrors, FILE_MAX_BYTES, sendDownload } from './check-file.js';
