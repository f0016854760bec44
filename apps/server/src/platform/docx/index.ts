export { officialDocx, body, heading, list, FANGSONG, type OfficialDoc } from './official.js';
