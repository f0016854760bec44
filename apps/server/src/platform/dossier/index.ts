export {
  appendTimeline,
  readTimeline,
  TIMELINE_EVENTS,
  type TimelineEventType,
  type TimelineInput,
} from './timeline.js';
