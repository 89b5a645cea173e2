import {
  BARE_STOP,
  CAMPAIGN_BOILERPLATE,
  CORRECTION,
  HESITATION,
  OPT_OUT_CLAUSES,
  OPT_OUT_PHRASES,
  PLAYFUL,
} from "./opt-out-phrases";

/**
 * Whether a message asks, in the shopper's own words, to stop receiving texts. Since April 2025
 * the FCC makes a revocation of consent "by any reasonable means" binding (47 CFR
 * 64.1200(a)(10)), so "please stop texting me" must unsubscribe as surely as STOP.
 *
 * phrase is the message in the phrase form (see toPhraseForm); original is the message as sent,
 * for the one rule that needs capitals ("who is this STOP").
 */
export function isOptOutRequest(phrase: string, original: string): boolean {
  if (endsWithCapitalStop(original)) return true;
  const text = phrase
    .replace(/"/g, "")
    .replace(CAMPAIGN_BOILERPLATE, " ")
    // Emoji and other symbols separate what was said, like punctuation.
    .replace(/[^a-z0-9\s.,!?;:#&$%@/*-]+/g, ",")
    .replace(/ +/g, " ");
  if (OPT_OUT_PHRASES.some((pattern) => hasUnguardedMatch(text, pattern))) return true;
  const isPlayful = PLAYFUL.test(phrase);
  return clausesOf(text).some((clause, i, clauses) =>
    isOptOutClause(clause, { previous: clauses[i - 1], next: clauses[i + 1], isPlayful }),
  );
}

// "Who is this STOP": the keyword shouted at the end. Not "the bus STOP", nor "Reply STOP".
const CAPITAL_STOP_AT_END = /(?:^|\s)(\S+)\s+STOP[^\p{L}\p{N}]*$/u;
const NOT_BEFORE_KEYWORD = /^(?:a|the|bus|pit|truck|rest|next|last|first|full|one|non|quick|my|your|our|to|reply|text|txt|send)$/i;

function endsWithCapitalStop(original: string): boolean {
  const previous = CAPITAL_STOP_AT_END.exec(original)?.[1];
  return previous !== undefined && !NOT_BEFORE_KEYWORD.test(previous.replace(/[^\p{L}]/gu, ""));
}

function clausesOf(text: string): string[] {
  return text
    .split(/[\n.,!?;:]+|\s-+\s|\s\/\s/)
    .map((clause) => clause.trim())
    .filter(Boolean);
}

interface ClauseContext {
  previous: string | undefined;
  next: string | undefined;
  isPlayful: boolean;
}

/** A whole-clause request, unless it is a bare "stop" that means "hold on" or "I love it". */
function isOptOutClause(clause: string, { previous, next, isPlayful }: ClauseContext): boolean {
  if (!OPT_OUT_CLAUSES.some((pattern) => pattern.test(clause))) return false;
  if (!BARE_STOP.test(clause)) return true;
  const isHesitation = previous !== undefined && HESITATION.test(previous);
  const isCorrection = next !== undefined && CORRECTION.test(next);
  return !(isHesitation || isCorrection || isPlayful);
}

function hasUnguardedMatch(text: string, pattern: RegExp): boolean {
  const global = new RegExp(pattern.source, "g");
  for (const match of text.matchAll(global)) {
    if (!isGuarded(clauseBefore(text, match.index), match[0])) return true;
  }
  return false;
}

function clauseBefore(text: string, index: number): string {
  const before = text.slice(0, index);
  return before.slice(before.search(/[^\n.,!?;:]*$/));
}

/**
 * "don't stop texting me", "did you stop the texts?", "if I unsubscribe, do I lose my points?"
 * name an opt-out without asking for one. "If you don't stop texting me…" still asks, and so does
 * "when I said stop, you kept texting".
 */
function isGuarded(before: string, match: string): boolean {
  const isNegated =
    /\b(?:dont|do not|never|didnt|did not|not|wont|will not|doesnt|does not|shouldnt|should not|wouldnt|would not)\s+(?:ever\s+|even\s+)?$/.test(before) &&
    !/\bif (?:you|u|they|yall) (?:dont|do not|wont|will not)\s+$/.test(before);
  const isPastQuestion = /\b(?:did|have|has|had)\s+(?:you|u|they|yall|we|it|i)\s+(?:\w+\s+)?$/.test(before);
  const isReport = /^(?:said|told|replied|texted|txted|sent|typed|wrote|asked|requested|responded|answered|opted)\b/.test(match);
  const isHypothetical = !isReport && /\b(?:if|whether|when|once|before|unless)\s+(?:i|we)\s+(?:\w+\s+){0,3}$/.test(before);
  return isNegated || isPastQuestion || isHypothetical;
}
