export {
  RULE_DEFINITIONS,
  RULE_IDS,
  isRuleId,
  OCCASIONS,
  OCCASION_EVENTS,
  TALK_KIND_CODES,
  type OccasionEvent,
  type RuleId,
  type RuleSettings,
} from './defaults.js';
export {
  getRuleSettings,
  getRuleSettingsFor,
  getRuleSettingsForOrgs,
  type EffectiveSettings,
  type Finding,
} from './settings.js';
