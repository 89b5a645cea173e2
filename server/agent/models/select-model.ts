import type { LanguageModel } from "ai";
import { createAnthropic } from "@ai-sdk/anthropic";
import { createOpenAI } from "@ai-sdk/openai";
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { env, type Env } from "../../env";
import { builtinModel } from "./builtin-model";
import type { ReplyContext } from "./builtin-replies";

export type ModelChoice = { provider: "builtin" | "openai" | "anthropic" | "openai-compatible"; modelId: string };

/** Which provider the configuration asks for: AI_PROVIDER, else inferred from the keys that are set. */
export function chooseModel(e: Env = env()): ModelChoice {
  const provider =
    e.AI_PROVIDER ??
    (e.AI_BASE_URL ? "openai-compatible" : e.OPENAI_API_KEY ? "openai" : e.ANTHROPIC_API_KEY ? "anthropic" : "builtin");
  const defaults = { builtin: "parley-builtin-1", openai: "gpt-4o-mini", anthropic: "claude-3-5-haiku-latest", "openai-compatible": "llama3.1" };
  return { provider, modelId: provider === "builtin" ? defaults.builtin : (e.AI_MODEL ?? defaults[provider]) };
}

/**
 * The language model for one turn. Adding a provider is one more case here. `modelId` (a workflow's
 * assistant) picks another model of the configured provider; the built-in model has only itself.
 */
export function selectModel(ctx: ReplyContext, e: Env = env(), opts: { modelId?: string | null } = {}): { model: LanguageModel; choice: ModelChoice } {
  const configured = chooseModel(e);
  const choice = opts.modelId && opts.modelId !== "builtin" && configured.provider !== "builtin" ? { ...configured, modelId: opts.modelId } : configured;
  switch (choice.provider) {
    case "builtin":
      return { model: builtinModel(ctx), choice };
    case "openai":
      return { model: createOpenAI({ apiKey: e.AI_API_KEY ?? e.OPENAI_API_KEY, baseURL: e.AI_BASE_URL }).chat(choice.modelId), choice };
    case "anthropic":
      return { model: createAnthropic({ apiKey: e.AI_API_KEY ?? e.ANTHROPIC_API_KEY, baseURL: e.AI_BASE_URL }).languageModel(choice.modelId), choice };
    case "openai-compatible": {
      if (!e.AI_BASE_URL) throw new Error("AI_PROVIDER=openai-compatible needs AI_BASE_URL (e.g. http://localhost:11434/v1)");
      const provider = createOpenAICompatible({ name: "openai-compatible", baseURL: e.AI_BASE_URL, apiKey: e.AI_API_KEY });
      return { model: provider.chatModel(choice.modelId), choice };
    }
  }
}
