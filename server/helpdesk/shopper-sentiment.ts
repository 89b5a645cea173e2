/**
 * The shopper's mood for the handoff note, from their own words: a small lexicon, shouting and
 * repeated punctuation. Deterministic so the same transcript always reads the same.
 */
export type Sentiment = "positive" | "neutral" | "negative";

const negative = /\b(angry|upset|furious|terrible|horrible|awful|worst|ridiculous|unacceptable|disappointed|frustrat\w*|annoy\w*|useless|scam|never again|refund|late|still (not|hasn'?t|haven'?t)|where the hell|wtf|broken|damaged|wrong|missing|lost)\b/i;
const positive = /\b(thanks?|thank you|great|love|awesome|perfect|amazing|appreciate|happy|excellent|wonderful)\b/i;

export function shopperSentiment(shopperTexts: string[]): Sentiment {
  let score = 0;
  for (const text of shopperTexts) {
    if (negative.test(text)) score -= 2;
    if (positive.test(text)) score += 1;
    if (/!{2,}/.test(text) || /\b[A-Z]{4,}\b.*\b[A-Z]{4,}\b/.test(text)) score -= 1;
  }
  return score <= -2 ? "negative" : score >= 1 ? "positive" : "neutral";
}
