export {
  keywordActions,
  listKeywordAutomations,
  createKeywordAutomation,
  updateKeywordAutomation,
  deleteKeywordAutomation,
  findMatchingAutomation,
  type KeywordAction,
  type KeywordAutomationInput,
} from "./keyword-automations";
