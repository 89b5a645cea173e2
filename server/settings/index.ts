export { getAgentSettings, updateAgentSettings, validateAgentSettings, tones, handoffModes, MAX_STYLE_RULES, type AgentSettingsInput } from "./agent-settings";
export { recordSettingsChange, listSettingsChanges, type SettingsActor, type SettingsArea } from "./record-settings-change";
