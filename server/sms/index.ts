/**
 * Pure SMS text toolkit: segment counting, GSM-7 smart encoding, fitting a reply into one part,
 * compliance keywords and opt-out intent, noise (auto-replies, tapbacks, mash, bot loops), brand
 * keywords and phone numbers. No I/O.
 */
export { areaCodeOf, timeZoneOfPhone, timeZonesForAreaCode, timeZonesOfPhone } from "./area-code-time-zone";
export { classifyCompliance, complianceKeywords, type ComplianceIntent } from "./classify-compliance";
export {
  detectLoop,
  LOOP_PING_PONG_COUNT,
  LOOP_PING_PONG_WINDOW_MS,
  LOOP_PING_PONG_WITHIN_MS,
  LOOP_REPEAT_COUNT,
  LOOP_REPEAT_WINDOW_MS,
  type RecentText,
} from "./detect-loop";
export { detectNoise, type Noise, type NoiseKind } from "./detect-noise";
export {
  fitSingleSegment,
  type FitSingleSegmentOptions,
  type FitSingleSegmentResult,
} from "./fit-single-segment";
export { isConversationalText } from "./is-conversational-text";
export { formatPhoneForHumans } from "./format-phone-for-humans";
export { isValidKeyword } from "./is-valid-keyword";
export { matchKeyword } from "./match-keyword";
export { normalizeKeyword } from "./normalize-keyword";
export { startsWithKeyword } from "./starts-with-keyword";
export { normalizePhone } from "./normalize-phone";
export { segmentInfo, type SegmentInfo, type SmsEncoding } from "./segment-info";
export { toGsm7 } from "./to-gsm7";
