import { complianceKeywords, optOutKeywords } from "./compliance-keywords";
import { matchKeyword } from "./match-keyword";
import { normalizeKeyword } from "./normalize-keyword";
import { stripDiacritics } from "./text-forms";

// Short codes and 10DLC campaigns register keywords of a few plain words.
const MAX_LENGTH = 20;
const MAX_WORDS = 3;

/**
 * Whether a brand may use this keyword: 1–3 words of letters or digits, at most 20 characters,
 * and no clash with compliance. STOP, START, HELP and the other carrier keywords are reserved,
 * and a keyword holding an opt-out word ("STOP NOW", "END SALE") would read as an opt-out.
 */
export function isValidKeyword(keyword: string): boolean {
  const normalized = normalizeKeyword(keyword);
  const words = normalized.split(" ");
  if (!normalized || normalized.length > MAX_LENGTH || words.length > MAX_WORDS) return false;
  if (!words.every((word) => /^[\p{L}\p{N}]+$/u.test(word))) return false;
  return !isReserved(normalized);
}

function isReserved(normalized: string): boolean {
  const joined = stripDiacritics(normalized).replace(/ /g, "");
  const isComplianceKeyword = complianceKeywords.some((reserved) => reserved.replace(/ /g, "") === joined);
  return isComplianceKeyword || matchKeyword(normalized, optOutKeywords) !== null;
}
