/**
 * Parley's built-in model: offline and deterministic (intent rules, tool calls, templated
 * answers), implemented as an AI SDK language model so it runs through the same tool loop as
 * OpenAI, Anthropic or an OpenAI-compatible endpoint.
 */
import type {
  LanguageModelV4,
  LanguageModelV4CallOptions,
  LanguageModelV4Content,
  LanguageModelV4GenerateResult,
  LanguageModelV4Prompt,
  LanguageModelV4StreamPart,
} from "@ai-sdk/provider";
import { campaignFacts, type CampaignFacts, type FaqAnswer, type ProductRecommendations } from "../tools";
import type { OrderSummary } from "../../commerce";
import { conversationContext, type ConversationContext } from "./builtin-context";
import { understandText, type Understanding } from "./builtin-understanding";
import { promoAnswer } from "./builtin-promo";
import { destinationQuestion, handoffSummary, productFollowupReply } from "./builtin-followups";
import { conversationLanguage, handedOffIn, intentIn, lookupReplyIn, type AgentLanguage } from "./builtin-language";
import { detectIntent, type BuiltinIntent, extractBudget, extractOrderNumber, extractProductTerms, isPlainYes } from "./builtin-intents";
import { faqReply, handedOffReply, lookupReply, offersTeammate, recommendationReply, replies, type ReplyContext } from "./builtin-replies";
import { builtinWorkflowReply } from "./builtin-workflow-reply";

export const BUILTIN_MODEL_ID = "parley-builtin-1";

function textOf(message: LanguageModelV4Prompt[number]): string {
  if (typeof message.content === "string") return message.content;
  return message.content.map((p) => (p.type === "text" ? p.text : "")).join("");
}

/** Tool results that arrived after the last user message (this turn's), by tool name. */
function toolResultsThisTurn(prompt: LanguageModelV4Prompt) {
  const lastUser = prompt.map((m) => m.role).lastIndexOf("user");
  const results: { toolName: string; output: unknown; isError: boolean }[] = [];
  for (const m of prompt.slice(lastUser + 1)) {
    if (m.role !== "tool") continue;
    for (const part of m.content) {
      if (part.type !== "tool-result") continue;
      const out = part.output;
      const isError = out.type === "error-text" || out.type === "error-json";
      results.push({ toolName: part.toolName, output: "value" in out ? out.value : undefined, isError });
    }
  }
  return results;
}

/** How many of the agent's earlier replies in this conversation were "I didn't catch that" or "not in our help center". */
function earlierMisses(prompt: LanguageModelV4Prompt): number {
  const misses = new Set([replies.unknown(), replies.helpCenterNoAnswer()]);
  return prompt.filter((m) => m.role === "assistant" && misses.has(textOf(m))).length;
}

/** The agent's reply just before the shopper's latest text. */
function previousReply(prompt: LanguageModelV4Prompt): string {
  const lastUser = prompt.map((m) => m.role).lastIndexOf("user");
  const before = prompt.slice(0, Math.max(lastUser, 0)).filter((m) => m.role === "assistant");
  return before.length > 0 ? textOf(before[before.length - 1]!) : "";
}

let callCounter = 0;
/** What needs a person first, then what the agent can act on, then small talk. */
const intentPriority: readonly BuiltinIntent[] = ["human", "sensitive", "frustrated", "injection", "order_status", "product", "faq", "thanks", "greeting", "unknown"];

/**
 * Several quick texts reach the model as one turn, a text a line. One reply can answer one thing
 * well: the text with the most pressing intent (a request for a person first, then an order, a
 * product, a store question), so the tools get those texts rather than the whole burst ("rain
 * jackets?" and "under $100" together). One line: as is.
 */
function mostPressingText(turn: string): string {
  const lines = turn.split("\n").map((l) => l.trim()).filter(Boolean);
  if (lines.length <= 1) return turn;
  const intents = lines.map((line) => detectIntent(line));
  const top = intentPriority.find((intent) => intents.includes(intent)) ?? "unknown";
  return lines.filter((_, i) => intents[i] === top).join(" ");
}

function toolCall(toolName: string, input: unknown): LanguageModelV4Content {
  return { type: "tool-call", toolCallId: `call_${++callCounter}`, toolName, input: JSON.stringify(input) };
}

/** The shopper's latest text (the most pressing line of a burst). */
function latestText(prompt: LanguageModelV4Prompt): string {
  const lastUser = [...prompt].reverse().find((m) => m.role === "user");
  return mostPressingText(lastUser ? textOf(lastUser) : "");
}

/** For "the other one": the first of the shopper's orders the conversation has not talked about yet. */
function otherOrder<T extends { orders: OrderSummary[] }>(result: T, context: ConversationContext): T {
  const other = result.orders.find((o) => !context.discussedOrders.includes(o.number));
  return other ? { ...result, orders: [other, ...result.orders.filter((o) => o !== other)] } : result;
}

const languageNames = { es: "Spanish", fr: "French" } as const;

/**
 * A Spanish or French turn: an order's status and a request for a person are answered in the
 * shopper's language; anything else goes to a person (the help center and catalogue answer in English).
 */
function decideIn(lang: Exclude<AgentLanguage, "en">, text: string, intent: BuiltinIntent, context: ConversationContext): LanguageModelV4Content[] {
  if (intent === "human") return [toolCall("handOff", { reason: "shopper_requested", summary: handoffSummary(`Asked for a person in ${languageNames[lang]}`, text, context) })];
  const asked = intentIn(lang, text);
  if (asked.type === "order_status") return [toolCall("lookupOrder", asked.orderNumber ? { orderNumber: asked.orderNumber } : {})];
  return [toolCall("handOff", { reason: "out_of_scope", summary: handoffSummary(`Wrote in ${languageNames[lang]} (answered in it: order status, a person)`, text, context) })];
}

function decide(prompt: LanguageModelV4Prompt, ctx: ReplyContext): LanguageModelV4Content[] {
  const results = toolResultsThisTurn(prompt);
  const context = conversationContext(prompt);
  const lang = conversationLanguage(prompt.filter((m) => m.role === "user").map(textOf));
  if (lang !== "en" && results.length > 0 && !results[results.length - 1]!.isError) {
    const last = results[results.length - 1]!;
    if (last.toolName === "lookupOrder") return [{ type: "text", text: lookupReplyIn(lang, last.output as Parameters<typeof lookupReplyIn>[1], ctx.timeZone) }];
    if (last.toolName === "handOff") return [{ type: "text", text: handedOffIn(lang) }];
  }
  if (results.length > 0) {
    const last = results[results.length - 1]!;
    if (last.isError) {
      if (last.toolName === "handOff") return [{ type: "text", text: replies.handedOff() }];
      return [toolCall("handOff", { reason: "tool_failure", summary: `The ${last.toolName} tool failed.` })];
    }
    const understood = understandText(latestText(prompt), context, { hasCampaign: Boolean(ctx.campaign) });
    switch (last.toolName) {
      case "lookupOrder": {
        const out = last.output as Parameters<typeof lookupReply>[0];
        return [{ type: "text", text: lookupReply(understood?.type === "followup_order" && understood.other ? otherOrder(out, context) : out, ctx) }];
      }
      case "recommendProducts": {
        const out = last.output as ProductRecommendations;
        if (understood?.type === "followup_product" && context.lastProduct) {
          return [{ type: "text", text: productFollowupReply(latestText(prompt), context.lastProduct, out) }];
        }
        return [{ type: "text", text: recommendationReply(out) }];
      }
      case "lookupCampaign": {
        const out = last.output as CampaignFacts;
        const question = latestText(prompt);
        const answer = out.campaign ? promoAnswer(question, out.campaign) : null;
        if (answer) return [{ type: "text", text: answer }];
        return [toolCall("handOff", { reason: "out_of_scope", summary: handoffSummary("Offer question the campaign text doesn't answer", question, context) })];
      }
      case "answerFaq": {
        const out = last.output as FaqAnswer;
        // A second question the help center can't answer: a person will do better than another "sorry".
        if (out.articles.length === 0 && earlierMisses(prompt) >= 1) {
          return [toolCall("handOff", { reason: "out_of_scope", summary: `The help center has no answer to: "${out.question.slice(0, 120)}"` })];
        }
        return [{ type: "text", text: faqReply(out) }];
      }
      case "handOff":
        return [{ type: "text", text: handedOffReply((last.output as { reason?: string } | undefined)?.reason, extractOrderNumber(latestText(prompt))) }];
      case "resolveConversation":
        return [{ type: "text", text: replies.thanks() }];
      default:
        return [{ type: "text", text: replies.unknown() }];
    }
  }
  const text = latestText(prompt);
  if (isPlainYes(text) && offersTeammate(previousReply(prompt))) {
    return [toolCall("handOff", { reason: "shopper_requested", summary: `Shopper accepted a teammate after: "${previousReply(prompt).slice(0, 120)}"` })];
  }
  const intent = detectIntent(text);
  if (intent === "injection") return [{ type: "text", text: replies.declineInstructions() }];
  if (lang !== "en") return decideIn(lang, text, intent, context);
  // A complaint or anger anywhere in a burst of texts counts, not only in its most pressing line.
  const wholeTurn = understandText(textOf([...prompt].reverse().find((m) => m.role === "user")!).replace(/\n+/g, ". "), context, { hasCampaign: Boolean(ctx.campaign) });
  const understood = wholeTurn?.type === "complaint" || wholeTurn?.type === "upset" ? wholeTurn : understandText(text, context, { hasCampaign: Boolean(ctx.campaign) });
  // What needs a person comes before any workflow or skill: a complaint, anger, a broken code.
  if (understood?.type === "complaint") {
    return [toolCall("handOff", { reason: understood.kind, summary: handoffSummary(understood.kind, text, context) })];
  }
  if (understood?.type === "upset") {
    return [toolCall("handOff", { reason: "upset_shopper", summary: handoffSummary(`Upset shopper (${understood.signals.join(", ")})`, text, context) })];
  }
  if (understood?.type === "promo" && understood.problem) {
    return [toolCall("handOff", { reason: "promo_problem", summary: handoffSummary("promo_problem", text, context) })];
  }
  if (ctx.workflow) {
    const earlierReplies = prompt.filter((m) => m.role === "assistant").map(textOf);
    const guided = builtinWorkflowReply(ctx.workflow, intent, { previousReply: previousReply(prompt), earlierReplies });
    if (guided) return [{ type: "text", text: guided }];
  }
  const acted = actOnUnderstanding(understood, intent, text, context, prompt, ctx);
  if (acted) return acted;
  switch (intent) {
    case "human":
      return [toolCall("handOff", { reason: "shopper_requested", summary: `Shopper asked for a person: "${text.slice(0, 120)}"` })];
    case "sensitive":
      return [toolCall("handOff", { reason: "out_of_scope", summary: `Needs a person (billing, complaint or legal): "${text.slice(0, 120)}"` })];
    case "frustrated":
      return [toolCall("handOff", { reason: "repeated_misunderstanding", summary: `Shopper is frustrated with the agent: "${text.slice(0, 120)}"` })];
    case "order_status": {
      const orderNumber = extractOrderNumber(text);
      return [toolCall("lookupOrder", orderNumber ? { orderNumber } : {})];
    }
    case "product": {
      const terms = extractProductTerms(text);
      if (terms.length === 0) return [{ type: "text", text: replies.askWhatProduct() }];
      const maxPrice = extractBudget(text);
      return [toolCall("recommendProducts", maxPrice !== null ? { query: terms.join(" "), maxPrice } : { query: terms.join(" ") })];
    }
    case "faq":
      return [toolCall("answerFaq", { question: destinationQuestion(text) ?? text.slice(0, 500) })];
    case "thanks": {
      const helpedBefore = prompt.some((m) => m.role === "assistant");
      return helpedBefore ? [toolCall("resolveConversation", {})] : [{ type: "text", text: replies.thanks() }];
    }
    case "greeting":
      return [{ type: "text", text: replies.greeting(ctx) }];
    case "unknown":
      if (earlierMisses(prompt) >= 1) {
        return [toolCall("handOff", { reason: "repeated_misunderstanding", summary: `Could not understand: "${text.slice(0, 120)}"` })];
      }
      return [{ type: "text", text: replies.unknown() }];
  }
}

/** Follow-ups, offers and closings, read with the conversation; null leaves the text to the keyword intents. */
function actOnUnderstanding(
  understood: Understanding | null,
  intent: BuiltinIntent,
  text: string,
  context: ConversationContext,
  prompt: LanguageModelV4Prompt,
  ctx: ReplyContext,
): LanguageModelV4Content[] | null {
  if (!understood || intent === "human") return null;
  switch (understood.type) {
    case "promo":
      // The campaign replied to holds the offer's facts; without one the help center may.
      if (ctx.campaign) {
        // Only what the campaign's text says: the tool gives its facts to the reply; a question it doesn't answer goes to a person.
        const facts = campaignFacts(ctx.campaign).campaign;
        if (facts && promoAnswer(text, facts)) return [toolCall("lookupCampaign", { question: text.slice(0, 500) })];
        return [toolCall("handOff", { reason: "out_of_scope", summary: handoffSummary("Offer question the campaign text doesn't answer", text, context) })];
      }
      return intent === "order_status" || intent === "product" ? null : [toolCall("answerFaq", { question: text.slice(0, 500) })];
    case "followup_order": {
      if (intent === "faq" || intent === "product") return null;
      const number = understood.other ? null : extractOrderNumber(text) ?? context.discussedOrders.at(-1) ?? null;
      return [toolCall("lookupOrder", number ? { orderNumber: number } : {})];
    }
    case "followup_product":
      if (intent === "faq" || !context.lastProduct) return null;
      return [toolCall("recommendProducts", { query: context.lastProduct.title })];
    case "closing":
      if (intent !== "thanks" && intent !== "unknown" && intent !== "greeting") return null;
      return prompt.some((m) => m.role === "assistant") ? [toolCall("resolveConversation", {})] : [{ type: "text", text: replies.thanks() }];
    default:
      return null;
  }
}

export function builtinModel(ctx: ReplyContext): LanguageModelV4 {
  const generate = async (options: LanguageModelV4CallOptions): Promise<LanguageModelV4GenerateResult> => {
    const content = decide(options.prompt, ctx);
    const hasToolCall = content.some((c) => c.type === "tool-call");
    const outputChars = content.reduce((n, c) => n + (c.type === "text" ? c.text.length : 0), 0);
    return {
      content,
      finishReason: { unified: hasToolCall ? "tool-calls" : "stop", raw: undefined },
      usage: {
        inputTokens: { total: 0, noCache: 0, cacheRead: 0, cacheWrite: 0 },
        outputTokens: { total: Math.ceil(outputChars / 4), text: Math.ceil(outputChars / 4), reasoning: 0 },
      },
      warnings: [],
    } as LanguageModelV4GenerateResult;
  };
  return {
    specificationVersion: "v4",
    provider: "parley",
    modelId: BUILTIN_MODEL_ID,
    supportedUrls: {},
    doGenerate: generate,
    async doStream(options) {
      const result = await generate(options);
      const parts: LanguageModelV4StreamPart[] = [{ type: "stream-start", warnings: [] } as LanguageModelV4StreamPart];
      for (const c of result.content) {
        if (c.type === "text") {
          parts.push({ type: "text-start", id: "t" }, { type: "text-delta", id: "t", delta: c.text }, { type: "text-end", id: "t" });
        } else parts.push(c as LanguageModelV4StreamPart);
      }
      parts.push({ type: "finish", finishReason: result.finishReason, usage: result.usage } as LanguageModelV4StreamPart);
      return {
        stream: new ReadableStream({
          start(controller) {
            for (const p of parts) controller.enqueue(p);
            controller.close();
          },
        }),
      };
    },
  };
}
