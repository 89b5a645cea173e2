export {
  keywordActions,
  listKeywordAutomations,
  createKeywordAutomation,
  updateKeywordAutomation,
  deleteKeywordAutomation,
  matchingAutomation,
  type ActiveKeyword,
  type KeywordAction,
  type KeywordAutomationInput,
} from "./keyword-automations";
