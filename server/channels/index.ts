/**
 * Settings → Channels: the brand's sending number and Twilio credentials (the auth token
 * encrypted at rest and only ever shown masked), the webhook URLs to paste into Twilio, and a
 * test text through the real outbound path.
 */
export { decryptSecret, encryptSecret, isEncryptedSecret, parseEncryptionKey, SecretBoxError } from "./secret-box";
export { hasTwilioCredentials, maskSecret, twilioCredentialsOf, type TwilioCredentials } from "./twilio-credentials";
export { getChannelSettings, webhookUrls, type ChannelSettings } from "./channel-settings";
export { updateChannelSettings, validateChannelSettings, type ChannelSettingsInput } from "./update-channel-settings";
export { hintForTwilioError, sendTestSms, testSmsBody, type TestSmsResult } from "./send-test-sms";
