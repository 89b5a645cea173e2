import { orTsQuery, type Db } from "../db";

/** A help-center article as the agent may use it: `answer` is written to be sent as one SMS. */
export type KnowledgeAnswer = { id: string; title: string; answer: string; url: string | null };

// Words that frame a shop question rather than name its subject. PostgreSQL's english stop words
// ("what", "do", "you", "can", …) are dropped by to_tsquery itself; "order" is in nearly every
// question and in several titles, so it would rank "return my order" next to "change an order".
const questionFiller = new Set([
  "hi", "hey", "hello", "thanks", "thank", "please", "pls", "plz", "quick", "question", "wondering", "curious",
  "know", "tell", "get", "got", "long", "much", "take", "takes", "usually", "need", "want", "like", "would",
  "could", "also", "us", "ur", "ya", "yall", "guys", "im", "anything", "something", "help", "info",
  "order", "orders", "item", "items", "product", "products", "purchase", "stuff", "thing", "things",
]);

/**
 * The least evidence we answer from, in matched-word weight: one word in an article's title or
 * tags (≈0.25 and up), or two in its body; one stray body word (≈0.12, "code" in the gift card
 * text for "discount code?") is not enough, and saying we don't know beats answering beside the point.
 */
export const MIN_KNOWLEDGE_SCORE = 0.2;

/**
 * The brand's help-center articles that answer the shopper's question, best first: PostgreSQL
 * full-text search over an OR-query of the question's words, the title weighted above the tags
 * and the tags above the body.
 */
export async function searchKnowledge(db: Db, brandId: string, question: string, limit = 2): Promise<KnowledgeAnswer[]> {
  const query = orTsQuery(question, questionFiller);
  if (!query) return [];
  // ts_rank averages over the query's words, so the shopper's extra words would dilute a clear
  // match; multiplied by the word count ((numnode + 1) / 2 for an OR-query) it sums them instead.
  const rows = await db.$queryRaw<KnowledgeAnswer[]>`
    SELECT id, title, answer, url FROM (
      SELECT a.id, a.title, a.answer, a.url,
        ts_rank(
          setweight(to_tsvector('english', a.title), 'A') ||
          setweight(to_tsvector('english', array_to_string(a.tags, ' ')), 'B') ||
          setweight(to_tsvector('english', a.body), 'C'),
          q.query
        ) * ((numnode(q.query) + 1) / 2) AS score
      FROM "KnowledgeArticle" a, to_tsquery('english', ${query}) AS q(query)
      WHERE a."brandId" = ${brandId}
    ) ranked
    WHERE score >= ${MIN_KNOWLEDGE_SCORE}
    ORDER BY score DESC, title ASC
    LIMIT ${limit}`;
  return rows.map(({ id, title, answer, url }) => ({ id, title, answer, url }));
}
