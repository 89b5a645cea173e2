import NextAuth from "next-auth";
import { authOptions } from "@/server/auth";
import { ensureServerReady } from "@/server/runtime";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ nextauth: string[] }> };

async function handler(req: Request, ctx: Ctx) {
  await ensureServerReady();
  return NextAuth(authOptions())(req, { params: await ctx.params });
}

export { handler as GET, handler as POST };
