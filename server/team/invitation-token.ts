/**
 * An invitation's one-time token: 32 random bytes, shown once in the link; only its SHA-256 is
 * stored, so a database copy holds no usable link. (A fast hash is enough: the token is random.)
 */
import crypto from "node:crypto";
import { publicUrl } from "../env";

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export function createInvitationToken(): { token: string; tokenHash: string } {
  const token = crypto.randomBytes(32).toString("base64url");
  return { token, tokenHash: hashInvitationToken(token) };
}

export function hashInvitationToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

/** The page the invited person opens (app/invite/[token]). */
export function invitationLink(token: string): string {
  return `${publicUrl()}/invite/${encodeURIComponent(token)}`;
}
