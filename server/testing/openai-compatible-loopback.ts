/**
 * An OpenAI-compatible Chat Completions server on loopback for tests: `POST /v1/chat/completions`
 * answers from a script (assistant text, tool calls, an HTTP error, or no answer at all), as JSON
 * or as SSE when the request says `stream: true`, in OpenAI's wire format. It records every
 * request so a test can see what the provider really sent (messages with `tool` results, tool
 * definitions, model, Authorization). Point AI_BASE_URL at `${url}/v1`.
 */
import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

export type ScriptedToolCall = { name: string; arguments: string | Record<string, unknown>; id?: string };

export type ScriptedResponse = (
  | { text: string }
  | { toolCalls: ScriptedToolCall[]; text?: string }
  /** An error answer in OpenAI's error JSON (500 and 429 are retried by the AI SDK, 400 is not). */
  | { status: number; message?: string }
  /** Never answers; the client's timeout or abort has to end the request. */
  | { hang: true }
  /** Garbage: this exact body (not JSON, or JSON of the wrong shape), with status 200 unless told. */
  | { raw: string; status?: number; contentType?: string }
) & {
  /** Answer only after this long (a slow model): the request is visibly in flight meanwhile. */
  delayMs?: number;
};

export type ChatMessage = {
  role: "system" | "user" | "assistant" | "tool";
  content: string | null | { type: string; text?: string }[];
  tool_calls?: { id: string; type: "function"; function: { name: string; arguments: string } }[];
  tool_call_id?: string;
};

export type ChatCompletionsBody = {
  model: string;
  messages: ChatMessage[];
  tools?: { type: "function"; function: { name: string; description?: string; parameters?: unknown } }[];
  stream?: boolean;
  [key: string]: unknown;
};

export type RecordedChatRequest = {
  path: string;
  authorization: string | null;
  body: ChatCompletionsBody;
  at: string;
};

export type OpenAICompatibleLoopback = {
  /** Base address without /v1, e.g. http://127.0.0.1:40123. */
  url: string;
  requests: RecordedChatRequest[];
  /** Appends responses; each request takes the next one. An exhausted script answers 500. */
  script(...responses: ScriptedResponse[]): void;
  reset(): void;
  close(): Promise<void>;
};

const usage = { prompt_tokens: 12, completion_tokens: 7, total_tokens: 19 };

function toolCallsOf(calls: ScriptedToolCall[]) {
  return calls.map((c) => ({
    id: c.id ?? `call_${crypto.randomBytes(6).toString("hex")}`,
    type: "function" as const,
    function: { name: c.name, arguments: typeof c.arguments === "string" ? c.arguments : JSON.stringify(c.arguments) },
  }));
}

function completionJson(model: string, reply: { text?: string; toolCalls?: ScriptedToolCall[] }) {
  const toolCalls = reply.toolCalls ? toolCallsOf(reply.toolCalls) : undefined;
  return {
    id: `chatcmpl-${crypto.randomBytes(8).toString("hex")}`,
    object: "chat.completion",
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [
      {
        index: 0,
        message: { role: "assistant", content: reply.text ?? null, ...(toolCalls ? { tool_calls: toolCalls } : {}) },
        finish_reason: toolCalls ? "tool_calls" : "stop",
      },
    ],
    usage,
  };
}

/** The same answer as `chat.completion.chunk` events: role, content pieces, tool-call deltas, finish, usage, [DONE]. */
function completionChunks(model: string, reply: { text?: string; toolCalls?: ScriptedToolCall[] }): object[] {
  const id = `chatcmpl-${crypto.randomBytes(8).toString("hex")}`;
  const created = Math.floor(Date.now() / 1000);
  const chunk = (delta: object, finish_reason: string | null = null) => ({ id, object: "chat.completion.chunk", created, model, choices: [{ index: 0, delta, finish_reason }] });
  const chunks: object[] = [chunk({ role: "assistant", content: "" })];
  for (const piece of reply.text?.match(/.{1,12}/gs) ?? []) chunks.push(chunk({ content: piece }));
  const toolCalls = reply.toolCalls ? toolCallsOf(reply.toolCalls) : [];
  toolCalls.forEach((call, index) => {
    // Real servers send the name first, then the arguments in pieces.
    chunks.push(chunk({ tool_calls: [{ index, id: call.id, type: "function", function: { name: call.function.name, arguments: "" } }] }));
    for (const piece of call.function.arguments.match(/.{1,8}/gs) ?? []) chunks.push(chunk({ tool_calls: [{ index, function: { arguments: piece } }] }));
  });
  chunks.push(chunk({}, toolCalls.length ? "tool_calls" : "stop"));
  chunks.push({ id, object: "chat.completion.chunk", created, model, choices: [], usage });
  return chunks;
}

export async function startOpenAICompatibleLoopback(opts: { port?: number } = {}): Promise<OpenAICompatibleLoopback> {
  const requests: RecordedChatRequest[] = [];
  const queue: ScriptedResponse[] = [];
  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", () => {
      const path = (req.url ?? "").split("?")[0]!;
      const sendJson = (status: number, value: unknown) => res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(value));
      const error = (status: number, message: string, type = "server_error") => sendJson(status, { error: { message, type, param: null, code: null } });
      if (req.method !== "POST" || path !== "/v1/chat/completions") return error(404, `Unknown endpoint ${req.method} ${path}`, "invalid_request_error");
      let body: ChatCompletionsBody;
      try {
        body = JSON.parse(raw) as ChatCompletionsBody;
      } catch {
        return error(400, "Request body is not JSON", "invalid_request_error");
      }
      requests.push({ path, authorization: req.headers.authorization ?? null, body, at: new Date().toISOString() });
      const next = queue.shift();
      if (!next) return error(500, "openai-compatible loopback: the script has no response left");
      const answer = () => {
        if (res.destroyed) return; // the client gave up meanwhile
        if ("hang" in next) return; // the client gives up; close() destroys the socket
        if ("raw" in next) return res.writeHead(next.status ?? 200, { "content-type": next.contentType ?? "application/json" }).end(next.raw);
        if ("status" in next) return error(next.status, next.message ?? `Scripted failure ${next.status}`);
        const reply = "toolCalls" in next ? { text: next.text, toolCalls: next.toolCalls } : { text: next.text };
        if (!body.stream) return sendJson(200, completionJson(body.model, reply));
        res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
        for (const c of completionChunks(body.model, reply)) res.write(`data: ${JSON.stringify(c)}\n\n`);
        res.end("data: [DONE]\n\n");
      };
      if (next.delayMs) {
        const timer = setTimeout(answer, next.delayMs);
        res.on("close", () => clearTimeout(timer));
      } else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    script(...responses) {
      queue.push(...responses);
    },
    reset() {
      requests.length = 0;
      queue.length = 0;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
