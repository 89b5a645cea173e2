/** The brand's help center: articles the agent answers shopper questions from (full-text search). */
export { searchKnowledge, MIN_KNOWLEDGE_SCORE, type KnowledgeAnswer } from "./search-knowledge";
