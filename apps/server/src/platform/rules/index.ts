export { RULE_DEFINITIONS, RULE_IDS, isRuleId, type RuleId, type RuleSettings } from './defaults.js';
export { getRuleSettings, getRuleSettingsFor, getRuleSettingsForOrgs, type EffectiveSettings, type Finding } from './settings.js';
