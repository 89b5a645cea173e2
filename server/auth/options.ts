/**
 * next-auth (v4): email + password credentials, JWT sessions. The session carries the user id and
 * a server-side session id (user-sessions.ts): a token whose session was ended (sign-out, a
 * password or role change) no longer signs anyone in. The brand and role are read from Membership
 * on every request (see membership.ts), so a removed membership takes effect at once.
 */
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "../db";
import { clientIpOf } from "../security";
import { signInWithLimits, TOO_MANY_ATTEMPTS } from "./authenticate";
import { assertUnreachable } from "../errors";
import { authSecret } from "./secret";
import { endUserSession, isUserSessionLive, startUserSession } from "./user-sessions";

export function authOptions(): NextAuthOptions {
  return {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: 60 * 60 * 24 * 14 },
    pages: { signIn: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "Email",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, req) {
          if (!credentials?.email || !credentials.password) return null;
          const headers = (req?.headers ?? {}) as Record<string, string | undefined>;
          const outcome = await signInWithLimits(getDb(), {
            email: credentials.email,
            password: credentials.password,
            ip: clientIpOf((name) => headers[name]),
          });
          switch (outcome.type) {
            case "signed_in":
              return outcome.user;
            case "wrong_credentials":
              return null;
            case "rate_limited":
              // next-auth puts a thrown message in the answer's `error`; the form turns it into words.
              throw new Error(`${TOO_MANY_ATTEMPTS}:${outcome.retryAfterSeconds}`);
            default:
              return assertUnreachable(outcome);
          }
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) return { ...token, sub: user.id, sid: await startUserSession(getDb(), user.id) };
        // Every later read of the cookie: an ended session (or a token from before session
        // records) carries no identity, so the request is signed out.
        const isLive = typeof token.sid === "string" && Boolean(token.sub) && (await isUserSessionLive(getDb(), token.sid, token.sub!));
        return isLive ? token : {};
      },
      session({ session, token }) {
        if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
        return session;
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid === "string") await endUserSession(getDb(), token.sid);
      },
    },
  };
}
