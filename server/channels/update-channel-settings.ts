import { Prisma, type Db } from "../db";
import { invalidFields } from "../errors";
import { recordSettingsChange, type SettingsActor } from "../settings/record-settings-change";
import { formatPhoneForHumans, normalizePhone } from "../sms";
import { getChannelSettings, type ChannelSettings } from "./channel-settings";
import { decryptSecret, encryptSecret, isEncryptedSecret, SecretBoxError } from "./secret-box";

export type ChannelSettingsInput = {
  smsNumber: string;
  /** "" removes the Twilio account: texts go through the built-in simulator. */
  accountSid: string;
  /** "" keeps the saved token. */
  authToken: string;
};

const ACCOUNT_SID = /^AC[0-9a-fA-F]{32}$/;
const AUTH_TOKEN = /^[0-9a-fA-F]{32}$/;

type Saved = { smsNumber: string; accountSid: string | null; authToken: string | null; isTokenUnreadable: boolean };

/**
 * Every rule, in the words shown next to each field. `saved` is what the brand has now (token
 * decrypted); `numberTakenBy` is the name of another brand already sending from the number.
 */
export function validateChannelSettings(
  input: ChannelSettingsInput,
  saved: Saved,
  numberTakenBy: string | null,
): Record<string, string> {
  const errors: Record<string, string> = {};
  const smsNumber = input.smsNumber.trim();
  const accountSid = input.accountSid.trim();
  const authToken = input.authToken.trim();

  if (!smsNumber) errors.smsNumber = "Enter the number Parley texts from, e.g. +1 555 555 0100.";
  else {
    const e164 = normalizePhone(smsNumber);
    if (!e164) errors.smsNumber = `“${smsNumber}” isn’t a phone number Parley can text from. Write it with the country code, e.g. +15555550100.`;
    // Never name the other brand: who owns a number is that tenant's business.
    else if (numberTakenBy) errors.smsNumber = `${formatPhoneForHumans(e164)} is already used by another brand; each brand needs its own number.`;
  }

  if (accountSid && !ACCOUNT_SID.test(accountSid)) {
    errors.accountSid = "An Account SID is “AC” followed by 32 letters and digits (0–9, a–f). Copy it from the Account Info box on your Twilio Console’s home page.";
  } else if (!accountSid && authToken) {
    errors.accountSid = "Enter the Account SID that goes with this auth token.";
  }

  if (authToken && !AUTH_TOKEN.test(authToken)) {
    errors.authToken = `An auth token is 32 letters and digits (0–9, a–f); this one is ${authToken.length} characters. Copy it from the Account Info box (click “Show”).`;
  } else if (accountSid && !authToken) {
    if (!saved.authToken && !saved.isTokenUnreadable) errors.authToken = "Enter the auth token that goes with this Account SID.";
    else if (saved.isTokenUnreadable) errors.authToken = "The saved auth token can’t be read with this server’s encryption key; enter it again.";
    else if (saved.accountSid && saved.accountSid !== accountSid) errors.authToken = "A different Account SID needs its own auth token: enter it too.";
  }
  return errors;
}

/** What the history shows for a token: never the token itself. */
function tokenLabel(token: string | null, isUnreadable = false): string | null {
  if (isUnreadable) return "unreadable";
  return token ? `••••${token.slice(-4)}` : null;
}

async function savedOf(db: Db | Prisma.TransactionClient, brandId: string) {
  const brand = await db.brand.findUniqueOrThrow({ where: { id: brandId } });
  let authToken: string | null = null;
  let isTokenUnreadable = false;
  if (brand.twilioAuthToken) {
    try {
      authToken = decryptSecret(brand.twilioAuthToken);
    } catch (error) {
      if (!(error instanceof SecretBoxError)) throw error;
      isTokenUnreadable = true;
    }
  }
  return { brand, saved: { smsNumber: brand.smsNumber, accountSid: brand.twilioAccountSid, authToken, isTokenUnreadable } satisfies Saved };
}

const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

/**
 * Saves the sending number and Twilio credentials after validating all of them; nothing is saved
 * when any field is wrong. The token is stored encrypted and recorded in the history only as
 * its last four characters.
 */
export async function updateChannelSettings(db: Db, brandId: string, actor: SettingsActor, input: ChannelSettingsInput): Promise<ChannelSettings> {
  const smsNumber = normalizePhone(input.smsNumber.trim()) ?? input.smsNumber.trim();
  const accountSid = input.accountSid.trim();
  const newToken = input.authToken.trim();

  try {
    await db.$transaction(async (tx) => {
      const { brand, saved } = await savedOf(tx, brandId);
      const other = await tx.brand.findFirst({ where: { smsNumber, id: { not: brandId } }, select: { name: true } });
      const errors = validateChannelSettings(input, saved, other?.name ?? null);
      if (Object.keys(errors).length) throw invalidFields(errors);

      const token = accountSid ? newToken || saved.authToken : null;
      // An unchanged token keeps its stored value; a row saved before encryption is encrypted now.
      const storedToken = !token ? null : !newToken && brand.twilioAuthToken && isEncryptedSecret(brand.twilioAuthToken) ? brand.twilioAuthToken : encryptSecret(token);
      await tx.brand.update({ where: { id: brandId }, data: { smsNumber, twilioAccountSid: accountSid || null, twilioAuthToken: storedToken } });

      const isReplaced = Boolean(newToken && saved.authToken && newToken !== saved.authToken && newToken.slice(-4) === saved.authToken.slice(-4));
      await recordSettingsChange(tx, {
        brandId,
        actor,
        area: "channels",
        before: { smsNumber: saved.smsNumber, accountSid: saved.accountSid, authToken: tokenLabel(saved.authToken, saved.isTokenUnreadable) },
        after: { smsNumber, accountSid: accountSid || null, authToken: isReplaced ? `${tokenLabel(token)} (replaced)` : tokenLabel(token) },
      });
    });
  } catch (error) {
    // Another brand took the number between the check and the save.
    if (isUniqueViolation(error)) throw invalidFields({ smsNumber: `${formatPhoneForHumans(smsNumber)} is already used by another brand; each brand needs its own number.` });
    throw error;
  }
  return getChannelSettings(db, brandId);
}
