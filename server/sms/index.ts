/**
 * Pure SMS text toolkit: segment counting, GSM-7 smart encoding, fitting a reply into one part,
 * compliance keywords, noise (auto-replies, tapbacks) and phone numbers. No I/O.
 */
export { classifyCompliance, type ComplianceIntent } from "./classify-compliance";
export { detectNoise, type Noise, type NoiseKind } from "./detect-noise";
export {
  fitSingleSegment,
  type FitSingleSegmentOptions,
  type FitSingleSegmentResult,
} from "./fit-single-segment";
export { formatPhoneForHumans } from "./format-phone-for-humans";
export { normalizePhone } from "./normalize-phone";
export { segmentInfo, type SegmentInfo, type SmsEncoding } from "./segment-info";
export { toGsm7 } from "./to-gsm7";
