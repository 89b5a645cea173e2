/** Calling the app's tRPC procedures from a spec (signed-in request fixture), as the browser's client does (superjson). */
import { expect, type APIRequestContext } from "@playwright/test";

export async function trpcQuery<T>(request: APIRequestContext, path: string, input?: unknown): Promise<T> {
  const query = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  const res = await request.get(`/api/trpc/${path}${query}`);
  expect(res.status(), `${path}: ${await res.text()}`).toBe(200);
  return (await res.json()).result.data.json as T;
}

export async function trpcMutation<T>(request: APIRequestContext, path: string, input: unknown): Promise<T> {
  const res = await request.post(`/api/trpc/${path}`, { data: { json: input } });
  expect(res.status(), `${path}: ${await res.text()}`).toBe(200);
  return (await res.json()).result.data.json as T;
}
