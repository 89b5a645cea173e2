/**
 * Reading a request body defensively: the size limit is enforced while reading (a declared
 * Content-Length over the limit is refused before a byte is read, and a body without one is
 * cut off as soon as it passes the limit), and text must be valid UTF-8.
 */
import { AppError } from "../errors";

export const KB = 1024;

function tooLarge(maxBytes: number): AppError {
  const limit = maxBytes >= 1024 * KB ? `${Math.round(maxBytes / (1024 * KB))} MB` : `${Math.round(maxBytes / KB)} KB`;
  return new AppError("BAD_REQUEST", { userMessage: `The request body is too large (${limit} at most).` });
}

/** The raw bytes of the body, or BAD_REQUEST once it passes `maxBytes`. */
export async function readBodyBytes(req: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = req.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > maxBytes) throw tooLarge(maxBytes);
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** UTF-8 bytes as text; anything else is BAD_REQUEST (silently replacing bytes would change what was signed). */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new AppError("BAD_REQUEST", { userMessage: "The request body is not valid UTF-8 text." });
  }
}

/** The body as UTF-8 text, at most `maxBytes` long. */
export async function readBodyText(req: Request, maxBytes: number): Promise<string> {
  return decodeUtf8(await readBodyBytes(req, maxBytes));
}
