/**
 * Settings → Members through tRPC (createCaller) as an owner, and accepting an invitation through
 * the domain function the accept route calls: invite → accept → the new person signs in with the
 * role; a link works once, and not after it is revoked or expired; a brand always keeps an owner;
 * another brand's members and invitations are out of reach.
 */
import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "../api/root";
import { createApiContext } from "../api/trpc";
import { brandMemberOf } from "../auth/membership";
import { signInWithLimits } from "../auth/authenticate";
import { isUserSessionLive, startUserSession } from "../auth/user-sessions";
import { getDb } from "../db";
import { AppError } from "../errors";
import { createBrand, createMember, createShopper } from "../testing/fixtures";
import { acceptInvitation, describeInvitation, INVITATION_TTL_MS } from ".";
import { hashInvitationToken } from "./invitation-token";

type Member = Awaited<ReturnType<typeof createMember>>;
type Caller = ReturnType<typeof createCaller>;

let alpha: { brandId: string; owner: Member; caller: Caller };
let bravo: { brandId: string; owner: Member; caller: Caller };
let ipCounter = 0;
/** A fresh address per attempt group, so the per-IP limit of one test doesn't reach another. */
const freshIp = () => `198.51.100.${++ipCounter}`;

async function brandWithOwner(name: string) {
  const brand = await createBrand(getDb(), { name });
  const owner = await createMember(getDb(), brand.id, `owner-${name.toLowerCase()}-${Date.now()}@test.dev`);
  return { brandId: brand.id, owner, caller: createCaller(createApiContext(owner)) };
}

const tokenOf = (link: string) => decodeURIComponent(link.split("/invite/")[1]!);
let emailCounter = 0;
const newEmail = (label: string) => `${label}-${Date.now()}-${++emailCounter}@example.com`;

async function inviteAndAccept(caller: Caller, role: "owner" | "admin" | "member", opts: { name?: string; password?: string } = {}) {
  const email = newEmail(role);
  const { link } = await caller.team.invite({ email, role });
  await acceptInvitation(getDb(), { token: tokenOf(link), name: opts.name ?? `New ${role}`, password: opts.password ?? "a long enough password", ip: freshIp() });
  const user = await getDb().user.findUniqueOrThrow({ where: { email } });
  const membership = await getDb().membership.findFirstOrThrow({ where: { userId: user.id } });
  return { email, userId: user.id, memberId: membership.id };
}

async function refusal(promise: Promise<unknown>): Promise<{ code: string; message: string; fields?: Record<string, string> }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return { code: error.code, message: error.message, fields: (error.cause as AppError | undefined)?.fields };
    if (error instanceof AppError) return { code: error.code, message: error.userMessage, fields: error.fields };
    throw error;
  }
  throw new Error("expected a refusal");
}

beforeAll(async () => {
  alpha = await brandWithOwner("Alpha");
  bravo = await brandWithOwner("Bravo");
});

describe("invite → accept → sign in", () => {
  it("the link is shown once, only its hash is stored, and the invited person signs in with the role", async () => {
    const email = newEmail("Sam.Rivera");
    const { link, invitation } = await alpha.caller.team.invite({ email: `  ${email.toUpperCase()} `, role: "admin" });
    expect(invitation).toMatchObject({ email: email.toLowerCase(), role: "admin", invitedBy: alpha.owner.name });
    expect(invitation.expiresAt.getTime() - invitation.createdAt.getTime()).toBe(INVITATION_TTL_MS);
    const token = tokenOf(link);
    expect(token).toMatch(/^[\w-]{43}$/);

    // Stored as a hash only: the token itself is nowhere in the row.
    const row = await getDb().invitation.findUniqueOrThrow({ where: { id: invitation.id } });
    expect(row.tokenHash).toBe(hashInvitationToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    // The list shows the pending invitation, never a link or token.
    const listed = await alpha.caller.team.list();
    expect(listed.invitations.map((i) => i.email)).toContain(email.toLowerCase());
    expect(JSON.stringify(listed)).not.toContain(token);

    expect(await describeInvitation(getDb(), token)).toMatchObject({ state: "open", brandName: "Alpha", email: email.toLowerCase(), role: "admin", hasAccount: false });
    const accepted = await acceptInvitation(getDb(), { token, name: "  Sam   Rivera ", password: "correct horse battery", ip: freshIp() });
    expect(accepted).toEqual({ brandName: "Alpha", email: email.toLowerCase(), role: "admin" });

    const outcome = await signInWithLimits(getDb(), { email, password: "correct horse battery", ip: freshIp() });
    expect(outcome.type).toBe("signed_in");
    if (outcome.type !== "signed_in") return;
    expect(outcome.user.name).toBe("Sam Rivera");
    expect(await brandMemberOf(outcome.user.id)).toMatchObject({ brandId: alpha.brandId, role: "admin" });

    const after = await alpha.caller.team.list();
    expect(after.invitations.map((i) => i.email)).not.toContain(email.toLowerCase());
    expect(after.members.find((m) => m.email === email.toLowerCase())).toMatchObject({ name: "Sam Rivera", role: "admin", isYou: false });
    expect(after.members.find((m) => m.userId === alpha.owner.userId)).toMatchObject({ role: "owner", isYou: true });
    // The history says who invited whom.
    const history = await alpha.caller.settings.history();
    expect(history.some((h) => h.area === "members" && JSON.stringify(h.after).includes("invited as Admin"))).toBe(true);
  });

  it("a new password follows the rules, named next to its field; a refused attempt leaves the link usable", async () => {
    const { link } = await alpha.caller.team.invite({ email: newEmail("short"), role: "member" });
    const short = await refusal(acceptInvitation(getDb(), { token: tokenOf(link), name: "", password: "short", ip: freshIp() }));
    expect(short.code).toBe("BAD_REQUEST");
    expect(short.fields).toEqual({ name: "Enter your name, as your teammates will see it.", password: "Use at least 10 characters; this password has 5." });
    expect((await describeInvitation(getDb(), tokenOf(link))).state).toBe("open");
  });
});

describe("a link works once, and never when revoked or expired", () => {
  it("used: refused the second time", async () => {
    const { link } = await alpha.caller.team.invite({ email: newEmail("twice"), role: "member" });
    await acceptInvitation(getDb(), { token: tokenOf(link), name: "First", password: "a long enough password", ip: freshIp() });
    const again = await refusal(acceptInvitation(getDb(), { token: tokenOf(link), name: "Second", password: "another long password", ip: freshIp() }));
    expect(again).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("already been used") });
    expect((await describeInvitation(getDb(), tokenOf(link))).state).toBe("accepted");
  });

  it("two acceptances at once: exactly one account and one membership", async () => {
    const email = newEmail("race");
    const { link } = await alpha.caller.team.invite({ email, role: "member" });
    const results = await Promise.allSettled([1, 2].map((n) => acceptInvitation(getDb(), { token: tokenOf(link), name: `Racer ${n}`, password: "a long enough password", ip: freshIp() })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const users = await getDb().user.findMany({ where: { email }, include: { memberships: true } });
    expect(users).toHaveLength(1);
    expect(users[0]!.memberships).toHaveLength(1);
  });

  it("revoked: refused, and the invitation leaves the list", async () => {
    const email = newEmail("revoked");
    const { link, invitation } = await alpha.caller.team.invite({ email, role: "member" });
    await alpha.caller.team.revokeInvitation({ invitationId: invitation.id });
    expect((await alpha.caller.team.list()).invitations.map((i) => i.id)).not.toContain(invitation.id);
    expect(await describeInvitation(getDb(), tokenOf(link))).toEqual({ state: "revoked" });
    const refused = await refusal(acceptInvitation(getDb(), { token: tokenOf(link), name: "Late", password: "a long enough password", ip: freshIp() }));
    expect(refused).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("withdrawn") });
    expect(await getDb().user.findUnique({ where: { email } })).toBeNull();
  });

  it("expired after 7 days: refused", async () => {
    const email = newEmail("expired");
    const { link } = await alpha.caller.team.invite({ email, role: "member" });
    const eightDaysOn = new Date(Date.now() + 8 * 86_400_000);
    expect(await describeInvitation(getDb(), tokenOf(link), eightDaysOn)).toEqual({ state: "expired" });
    const refused = await refusal(acceptInvitation(getDb(), { token: tokenOf(link), name: "Late", password: "a long enough password", ip: freshIp() }, eightDaysOn));
    expect(refused).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("expired") });
    expect(await getDb().user.findUnique({ where: { email } })).toBeNull();
  });

  it("unknown or mangled token: not found", async () => {
    const { link } = await alpha.caller.team.invite({ email: newEmail("mangled"), role: "member" });
    for (const token of [tokenOf(link).slice(0, -1), "x".repeat(5000), ""]) {
      expect((await refusal(acceptInvitation(getDb(), { token, name: "X", password: "a long enough password", ip: freshIp() }))).code).toBe("NOT_FOUND");
    }
  });

  it("inviting the same email again replaces the earlier link", async () => {
    const email = newEmail("again");
    const first = await alpha.caller.team.invite({ email, role: "member" });
    const second = await alpha.caller.team.invite({ email, role: "admin" });
    expect((await describeInvitation(getDb(), tokenOf(first.link))).state).toBe("revoked");
    expect(await describeInvitation(getDb(), tokenOf(second.link))).toMatchObject({ state: "open", role: "admin" });
    expect((await alpha.caller.team.list()).invitations.filter((i) => i.email === email)).toHaveLength(1);
  });

  it("acceptance attempts are limited per address", async () => {
    const ip = freshIp();
    const { link } = await alpha.caller.team.invite({ email: newEmail("limited"), role: "member" });
    for (let i = 0; i < 10; i++) expect((await refusal(acceptInvitation(getDb(), { token: `wrong-${i}`, name: "X", password: "a long enough password", ip }))).code).toBe("NOT_FOUND");
    const limited = await refusal(acceptInvitation(getDb(), { token: tokenOf(link), name: "X", password: "a long enough password", ip }));
    expect(limited).toMatchObject({ code: "RATE_LIMITED", message: expect.stringContaining("Too many attempts") });
    // Another address is not held back by it.
    await acceptInvitation(getDb(), { token: tokenOf(link), name: "Patient", password: "a long enough password", ip: freshIp() });
  });
});

describe("who can be invited", () => {
  it("refuses a bad address, a member of this brand, and a member of another brand without naming it", async () => {
    const bad = await refusal(alpha.caller.team.invite({ email: "not an email", role: "member" }));
    expect(bad).toMatchObject({ code: "BAD_REQUEST", fields: { email: "“not an email” isn’t an email address, e.g. sam@yourbrand.com." } });

    const own = await refusal(alpha.caller.team.invite({ email: alpha.owner.email, role: "member" }));
    expect(own).toMatchObject({ code: "CONFLICT", message: `${alpha.owner.email} is already a member of this brand.` });

    const other = await refusal(alpha.caller.team.invite({ email: bravo.owner.email.toUpperCase(), role: "member" }));
    expect(other.code).toBe("CONFLICT");
    expect(other.message).toContain("already belongs to another brand");
    expect(other.message).not.toContain("Bravo");
  });

  it("someone removed earlier joins again with their own password (not a new one)", async () => {
    const { email, memberId, userId } = await inviteAndAccept(alpha.caller, "member", { password: "the original password" });
    await alpha.caller.team.remove({ memberId });
    expect(await brandMemberOf(userId)).toBeNull();

    const { link } = await alpha.caller.team.invite({ email, role: "admin" });
    expect(await describeInvitation(getDb(), tokenOf(link))).toMatchObject({ state: "open", hasAccount: true });
    const wrong = await refusal(acceptInvitation(getDb(), { token: tokenOf(link), name: "", password: "a different password", ip: freshIp() }));
    expect(wrong).toMatchObject({ code: "BAD_REQUEST", fields: { password: `That isn’t the password of your Parley account (${email}).` } });
    await acceptInvitation(getDb(), { token: tokenOf(link), name: "", password: "the original password", ip: freshIp() });
    expect(await brandMemberOf(userId)).toMatchObject({ brandId: alpha.brandId, role: "admin" });
  });
});

describe("a brand always keeps an owner", () => {
  it("the only owner can't be removed or demoted, by anyone including themselves", async () => {
    const brand = await brandWithOwner("Solo");
    const { memberId: adminId } = await inviteAndAccept(brand.caller, "admin");
    const ownMembership = (await brand.caller.team.list()).members.find((m) => m.isYou)!;

    const removal = await refusal(brand.caller.team.remove({ memberId: ownMembership.id }));
    expect(removal).toEqual({ code: "CONFLICT", message: "This is the brand’s only owner, so they can’t be removed. Make another member an owner first.", fields: undefined });
    const demotion = await refusal(brand.caller.team.changeRole({ memberId: ownMembership.id, role: "admin" }));
    expect(demotion).toMatchObject({ code: "CONFLICT", message: "This is the brand’s only owner, so their role can’t change. Make another member an owner first." });
    expect(await brandMemberOf(brand.owner.userId)).toMatchObject({ role: "owner" });

    // With a second owner, the first may step down, and then remove themselves; the second is now the last.
    await brand.caller.team.changeRole({ memberId: adminId, role: "owner" });
    expect(await brand.caller.team.changeRole({ memberId: ownMembership.id, role: "admin" })).toEqual({ id: ownMembership.id, role: "admin" });
    await brand.caller.team.changeRole({ memberId: ownMembership.id, role: "owner" });
    await brand.caller.team.remove({ memberId: ownMembership.id });
    expect(await brandMemberOf(brand.owner.userId)).toBeNull();
    const remaining = await getDb().membership.findMany({ where: { brandId: brand.brandId } });
    expect(remaining.map((m) => [m.id, m.role])).toEqual([[adminId, "owner"]]);
  });

  it("two owners removing each other at once: one of them stays", async () => {
    const brand = await brandWithOwner("Pair");
    const second = await inviteAndAccept(brand.caller, "owner");
    const secondMember = await brandMemberOf(second.userId);
    const secondCaller = createCaller(createApiContext(secondMember));
    const firstId = (await brand.caller.team.list()).members.find((m) => m.isYou)!.id;
    const results = await Promise.allSettled([brand.caller.team.remove({ memberId: second.memberId }), secondCaller.team.remove({ memberId: firstId })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await getDb().membership.count({ where: { brandId: brand.brandId, role: "owner" } })).toBe(1);
  });

  it("removing a member gives their taken conversations back to the team and records it", async () => {
    const { memberId, userId, email } = await inviteAndAccept(alpha.caller, "member");
    const shopper = await createShopper(getDb(), alpha.brandId);
    const taken = await getDb().conversation.create({
      data: { brandId: alpha.brandId, profileId: shopper.id, status: "escalated", windowEndsAt: new Date(Date.now() + 3_600_000), assigneeId: userId, assignedAt: new Date() },
    });
    await alpha.caller.team.remove({ memberId });
    expect(await getDb().conversation.findUniqueOrThrow({ where: { id: taken.id } })).toMatchObject({ assigneeId: null, status: "escalated" });
    expect((await alpha.caller.team.list()).members.map((m) => m.email)).not.toContain(email);
    const history = await alpha.caller.settings.history();
    expect(history.find((h) => h.area === "members" && JSON.stringify(h.after).includes("removed"))?.before).toEqual({ [email]: "Member" });
  });
});

describe("sessions follow the role", () => {
  it("a role change or a removal ends every session of that person; other people stay signed in", async () => {
    const { memberId, userId } = await inviteAndAccept(alpha.caller, "member");
    const laptop = await startUserSession(getDb(), userId);
    const phone = await startUserSession(getDb(), userId);
    const ownerSession = await startUserSession(getDb(), alpha.owner.userId);
    await alpha.caller.team.changeRole({ memberId, role: "admin" });
    expect(await isUserSessionLive(getDb(), laptop, userId)).toBe(false);
    expect(await isUserSessionLive(getDb(), phone, userId)).toBe(false);
    expect(await isUserSessionLive(getDb(), ownerSession, alpha.owner.userId)).toBe(true);

    const again = await startUserSession(getDb(), userId);
    await alpha.caller.team.remove({ memberId });
    expect(await isUserSessionLive(getDb(), again, userId)).toBe(false);
  });
});

describe("tenant isolation", () => {
  it("another brand's members and invitations can't be listed, changed, removed or revoked", async () => {
    const bravoMember = await inviteAndAccept(bravo.caller, "admin");
    const { invitation: bravoInvitation, link } = await bravo.caller.team.invite({ email: newEmail("bravo-pending"), role: "member" });
    const bravoOwnerId = (await bravo.caller.team.list()).members.find((m) => m.isYou)!.id;

    const listed = JSON.stringify(await alpha.caller.team.list());
    for (const marker of [bravo.owner.email, bravoMember.email, bravoInvitation.email, bravoMember.memberId]) expect(listed).not.toContain(marker);

    for (const memberId of [bravoMember.memberId, bravoOwnerId]) {
      expect((await refusal(alpha.caller.team.changeRole({ memberId, role: "member" }))).code).toBe("NOT_FOUND");
      expect((await refusal(alpha.caller.team.changeRole({ memberId, role: "owner" }))).code).toBe("NOT_FOUND");
      expect((await refusal(alpha.caller.team.remove({ memberId }))).code).toBe("NOT_FOUND");
    }
    expect((await refusal(alpha.caller.team.revokeInvitation({ invitationId: bravoInvitation.id }))).code).toBe("NOT_FOUND");

    expect(await brandMemberOf(bravoMember.userId)).toMatchObject({ brandId: bravo.brandId, role: "admin" });
    expect(await brandMemberOf(bravo.owner.userId)).toMatchObject({ brandId: bravo.brandId, role: "owner" });
    expect((await describeInvitation(getDb(), tokenOf(link))).state).toBe("open");
  });
});
