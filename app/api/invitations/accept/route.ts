import { z } from "zod";
import { getDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { apiErrorResponse, parseJson, readBody } from "@/server/helpdesk";
import { ensureServerReady } from "@/server/runtime";
import { clientIpOf, crossSiteRefusal } from "@/server/security";
import { acceptInvitation } from "@/server/team";

export const dynamic = "force-dynamic";

// Loose caps only: acceptInvitation checks the name and password and answers in words.
const acceptInput = z.object({ token: z.string().max(200), name: z.string().max(500).default(""), password: z.string().max(1000) });

/** Accepts an invitation (no session: the token from the link is the credential). Answers 201 with the brand, email and role. */
export async function POST(req: Request) {
  try {
    const refusal = crossSiteRefusal(req);
    if (refusal) throw new AppError("FORBIDDEN", { userMessage: refusal });
    await ensureServerReady();
    const parsed = acceptInput.safeParse(parseJson(await readBody(req)));
    if (!parsed.success) throw new AppError("BAD_REQUEST", { userMessage: "Send the invitation token, your name and a password." });
    const accepted = await acceptInvitation(getDb(), { ...parsed.data, ip: clientIpOf((name) => req.headers.get(name)) });
    return Response.json(accepted, { status: 201 });
  } catch (error) {
    return apiErrorResponse(error);
  }
}
