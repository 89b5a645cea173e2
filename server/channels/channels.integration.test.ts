import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createCaller } from "../api/root";
import { createApiContext } from "../api/trpc";
import { getDb } from "../db";
import { publicUrl, resetEnvForTests } from "../env";
import { startWorker } from "../jobs";
import { createBrand, createMember, createShopper, twilioCredentials } from "../testing/fixtures";
import { startTwilioLoopback, type TwilioLoopback } from "../testing/twilio-loopback";
import { decryptSecret, isEncryptedSecret } from "./secret-box";
import { twilioCredentialsOf } from "./twilio-credentials";

let loopback: TwilioLoopback;
const creds = twilioCredentials();
let brandId: string;
let brandNumber: string;
let caller: ReturnType<typeof createCaller>;

beforeAll(async () => {
  loopback = await startTwilioLoopback({ accounts: { [creds.accountSid]: creds.authToken } });
  process.env.TWILIO_API_BASE_URL = loopback.url;
  resetEnvForTests();
  const brand = await createBrand(getDb(), { name: "Wren", twilio: creds });
  brandId = brand.id;
  brandNumber = brand.smsNumber;
  caller = createCaller(createApiContext(await createMember(getDb(), brandId)));
  await startWorker();
});
afterAll(() => loopback.close());
beforeEach(() => loopback.reset());

const row = () => getDb().brand.findUniqueOrThrow({ where: { id: brandId } });

describe("channel settings", () => {
  it("shows the number, the SID, the token only masked, and the webhook URLs", async () => {
    const settings = await caller.channels.get();
    expect(settings).toEqual({
      smsNumber: brandNumber,
      accountSid: creds.accountSid,
      authTokenMasked: `••••••••${creds.authToken.slice(-4)}`,
      authTokenProblem: null,
      transport: "twilio",
      webhooks: { inbound: `${publicUrl()}/api/twilio/inbound`, status: `${publicUrl()}/api/twilio/status` },
    });
    expect(JSON.stringify(settings)).not.toContain(creds.authToken);
    // Stored encrypted, read back decrypted.
    const stored = (await row()).twilioAuthToken!;
    expect(isEncryptedSecret(stored)).toBe(true);
    expect(stored).not.toContain(creds.authToken);
    expect(twilioCredentialsOf(await row())).toEqual(creds);
  });

  it("refuses invalid fields with each field's message and saves nothing", async () => {
    const before = await row();
    await expect(caller.channels.update({ smsNumber: "555-CALL-NOW", accountSid: "AC123", authToken: "not-a-token" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: {
        fields: {
          smsNumber: expect.stringContaining("isn’t a phone number Parley can text from"),
          accountSid: expect.stringContaining("“AC” followed by 32 letters and digits"),
          authToken: expect.stringContaining("32 letters and digits (0–9, a–f); this one is 11 characters"),
        },
      },
    });
    await expect(caller.channels.update({ smsNumber: brandNumber, accountSid: twilioCredentials().accountSid, authToken: "" })).rejects.toMatchObject({
      cause: { fields: { authToken: "A different Account SID needs its own auth token: enter it too." } },
    });
    await expect(caller.channels.update({ smsNumber: brandNumber, accountSid: "", authToken: twilioCredentials().authToken })).rejects.toMatchObject({
      cause: { fields: { accountSid: "Enter the Account SID that goes with this auth token." } },
    });
    expect(await row()).toEqual(before);
    expect(await caller.settings.history()).toEqual([]);
  });

  it("refuses a number another brand sends from, naming it", async () => {
    const other = await createBrand(getDb(), { name: "Kestrel" });
    await expect(caller.channels.update({ smsNumber: other.smsNumber, accountSid: creds.accountSid, authToken: "" })).rejects.toMatchObject({
      cause: { fields: { smsNumber: expect.stringMatching(/^\+1 \(555\) \d{3}-\d{4} is already used by another brand; each brand needs its own number\.$/) } },
    });
    expect((await row()).smsNumber).toBe(brandNumber);
  });

  it("saves a new number in E.164, keeps the saved token when the field is blank, and records no token", async () => {
    const saved = await caller.channels.update({ smsNumber: "(555) 301-0199", accountSid: creds.accountSid, authToken: "" });
    expect(saved.smsNumber).toBe("+15553010199");
    expect(twilioCredentialsOf(await row())).toEqual(creds);
    const [change] = await caller.settings.history();
    expect(change).toMatchObject({ area: "channels", before: { smsNumber: brandNumber }, after: { smsNumber: "+15553010199" } });
    expect(change!.after).not.toHaveProperty("authToken");
    await caller.channels.update({ smsNumber: brandNumber, accountSid: creds.accountSid, authToken: "" });
  });

  it("replaces the token encrypted, recording only its last four characters", async () => {
    const next = twilioCredentials();
    const saved = await caller.channels.update({ smsNumber: brandNumber, accountSid: next.accountSid, authToken: next.authToken });
    expect(saved.authTokenMasked).toBe(`••••••••${next.authToken.slice(-4)}`);
    expect(JSON.stringify(saved)).not.toContain(next.authToken);
    const stored = (await row()).twilioAuthToken!;
    expect(isEncryptedSecret(stored) && decryptSecret(stored)).toBe(next.authToken);
    const [change] = await caller.settings.history();
    expect(change).toMatchObject({
      area: "channels",
      before: { accountSid: creds.accountSid, authToken: `••••${creds.authToken.slice(-4)}` },
      after: { accountSid: next.accountSid, authToken: `••••${next.authToken.slice(-4)}` },
    });
    expect(JSON.stringify(await caller.settings.history())).not.toContain(next.authToken);
    expect(JSON.stringify(await caller.settings.history())).not.toContain(creds.authToken);
    // Back to the credentials the loopback knows.
    await caller.channels.update({ smsNumber: brandNumber, accountSid: creds.accountSid, authToken: creds.authToken });
  });

  it("encrypts a token stored before encryption the next time the settings are saved", async () => {
    await getDb().brand.update({ where: { id: brandId }, data: { twilioAuthToken: creds.authToken } });
    expect((await caller.channels.get()).authTokenMasked).toBe(`••••••••${creds.authToken.slice(-4)}`);
    expect(twilioCredentialsOf(await row())).toEqual(creds);
    await caller.channels.update({ smsNumber: brandNumber, accountSid: creds.accountSid, authToken: "" });
    expect(isEncryptedSecret((await row()).twilioAuthToken!)).toBe(true);
    expect(twilioCredentialsOf(await row())).toEqual(creds);
  });
});

describe("test SMS", () => {
  it("texts the typed number through Twilio and reports it sent", async () => {
    const result = await caller.channels.sendTest({ to: "(555) 201-0042" });
    expect(result).toMatchObject({ outcome: "sent", to: "+15552010042", transport: "twilio", body: "This is a test from Parley for Wren. Your texts are working; no need to reply." });
    expect(loopback.requests).toHaveLength(1);
    expect(loopback.requests[0]).toMatchObject({ authorized: true, form: { To: "+15552010042", From: brandNumber, Body: result.body } });
    const message = await getDb().message.findFirstOrThrow({ where: { brandId, toNumber: "+15552010042" } });
    expect(message).toMatchObject({ purpose: "test", status: "sent", direction: "outbound" });
  });

  it("reports Twilio's refusal with its message and what to fix", async () => {
    loopback.failNext({ status: 400, code: 21608, message: "The number +15552010043 is unverified. Trial accounts cannot send messages to unverified numbers" });
    const result = await caller.channels.sendTest({ to: "+15552010043" });
    expect(result).toMatchObject({
      outcome: "failed",
      errorCode: "21608",
      errorMessage: expect.stringContaining("Trial accounts cannot send messages to unverified numbers"),
      hint: expect.stringContaining("Verified Caller IDs"),
    });
  });

  it("reports wrong credentials as Twilio's authentication error", async () => {
    await getDb().brand.update({ where: { id: brandId }, data: { twilioAuthToken: twilioCredentials().authToken } });
    try {
      const result = await caller.channels.sendTest({ to: "+15552010044" });
      expect(result).toMatchObject({ outcome: "failed", errorCode: "20003", errorMessage: expect.stringContaining("Authenticate"), hint: expect.stringContaining("Account SID and auth token") });
      expect(loopback.requests[0]!.authorized).toBe(false);
    } finally {
      await caller.channels.update({ smsNumber: brandNumber, accountSid: creds.accountSid, authToken: creds.authToken });
    }
  });

  it("never texts a number that unsubscribed from the brand, and says how to come back", async () => {
    const shopper = await createShopper(getDb(), brandId, { consent: "unsubscribed" });
    await expect(caller.channels.sendTest({ to: shopper.phone })).rejects.toMatchObject({
      code: "FORBIDDEN",
      cause: { fields: { to: expect.stringMatching(/unsubscribed from Wren’s texts, so Parley won’t text it, not even a test\. To test with this phone, text START to/) } },
    });
    expect(loopback.requests).toHaveLength(0);
    expect(await getDb().message.count({ where: { brandId, toNumber: shopper.phone } })).toBe(0);
  });

  it("refuses a number that is not one, or the brand's own", async () => {
    await expect(caller.channels.sendTest({ to: "12" })).rejects.toMatchObject({ cause: { fields: { to: expect.stringContaining("isn’t a phone number") } } });
    await expect(caller.channels.sendTest({ to: brandNumber })).rejects.toMatchObject({ cause: { fields: { to: expect.stringContaining("brand’s own SMS number") } } });
    expect(loopback.requests).toHaveLength(0);
  });

  it("goes through the simulator for a brand without Twilio", async () => {
    const plain = await createBrand(getDb(), { name: "Plover" });
    const plainCaller = createCaller(createApiContext(await createMember(getDb(), plain.id)));
    expect(await plainCaller.channels.get()).toMatchObject({ transport: "simulator", accountSid: "", authTokenMasked: null });
    expect(await plainCaller.channels.sendTest({ to: "+15552010045" })).toMatchObject({ outcome: "sent", transport: "simulator" });
    expect(loopback.requests).toHaveLength(0);
  });
});
