import { gsm7Septets, isGsm7Text } from "./gsm7-charset";

export type SmsEncoding = "GSM-7" | "UCS-2";

export interface SegmentInfo {
  encoding: SmsEncoding;
  /** Billable SMS parts. An empty text counts as 1, as in Twilio's segment calculator. */
  segments: number;
  /** Unicode code points (Array.from(text).length). */
  characters: number;
}

// A part carries 140 octets: 160 septets or 70 UTF-16 units. Once a message is split, each part
// gives 6 octets to the concatenation header (UDH), leaving 153 septets or 67 units.
const LIMITS: Record<SmsEncoding, { single: number; multi: number }> = {
  "GSM-7": { single: 160, multi: 153 },
  "UCS-2": { single: 70, multi: 67 },
};

export function segmentInfo(text: string): SegmentInfo {
  const chars = Array.from(text);
  const encoding: SmsEncoding = isGsm7Text(text) ? "GSM-7" : "UCS-2";
  // GSM-7: 1 or 2 septets (extension characters are ESC + code). UCS-2 (really UTF-16 on the
  // wire): 1 unit, or 2 for a surrogate pair such as an emoji. GSM characters cost 1 here.
  const costs = chars.map((char) => (encoding === "GSM-7" ? gsm7Septets(char)! : char.length));
  return { encoding, segments: countSegments(costs, LIMITS[encoding]), characters: chars.length };
}

function countSegments(costs: number[], limits: { single: number; multi: number }): number {
  const total = costs.reduce((sum, cost) => sum + cost, 0);
  if (total <= limits.single) return 1;
  let segments = 1;
  let used = 0;
  for (const cost of costs) {
    // Carriers never split an escape pair or a surrogate pair across parts: a character that
    // does not fit whole starts the next part, leaving the last unit of this one empty.
    if (used + cost > limits.multi) {
      segments += 1;
      used = 0;
    }
    used += cost;
  }
  return segments;
}
