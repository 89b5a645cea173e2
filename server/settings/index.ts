export { getAgentSettings, updateAgentSettings, validateAgentSettings, tones, handoffModes, MAX_STYLE_RULES, type AgentSettingsInput } from "./agent-settings";
export { recordSettingsChange, listSettingsChanges, type SettingsActor, type SettingsArea } from "./record-settings-change";
export { getEligibilitySettings, updateEligibilitySettings, validateEligibility, eligibilityOf, eligibilityModes, MAX_ELIGIBILITY_KEYWORDS, MAX_ELIGIBILITY_SEGMENTS, type EligibilityMode, type EligibilitySettings } from "./eligibility-settings";
export { getConversationStarter, getMarketingSettings, updateMarketingSettings, validateMarketingSettings, type MarketingSettings } from "./marketing-settings";
