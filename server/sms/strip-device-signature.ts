// Phones, carriers' apps and cars append where a text was written from ("Sent from my iPhone",
// "Sent from my Toyota" from the car's voice texting). The signature says nothing to the agent.
const DEVICES = [
  "iphone", "ipad", "ipod", "apple watch", "watch", "carplay", "siri", "android(?: auto| phone| device)?",
  "samsung(?: galaxy)?(?: smartphone| mobile)?", "galaxy(?: [a-z0-9+]{1,12}){0,3}", "(?:google )?pixel(?: [a-z0-9]{1,8}){0,2}",
  "motorola", "moto(?: [a-z0-9]{1,8})?", "oneplus", "lg", "htc", "blackberry", "(?:mobile|cell|smart) ?phone", "phone",
  "mobile(?: device)?", "smartwatch", "verizon(?: wireless)?(?: [a-z0-9]{1,10}){0,3}", "t-mobile", "at&t",
  "car", "vehicle", "truck", "toyota", "lexus", "honda", "acura", "ford", "lincoln", "chevy", "chevrolet", "gmc",
  "cadillac", "buick", "jeep", "dodge", "ram", "chrysler", "subaru", "mazda", "nissan", "infiniti", "hyundai", "kia",
  "genesis", "volkswagen", "vw", "audi", "bmw", "mini", "mercedes(?:-benz)?", "volvo", "tesla", "rivian", "polestar",
  "porsche", "jaguar", "land rover", "range rover", "mitsubishi", "fiat", "alfa romeo",
].join("|");

const SIGNATURE = new RegExp(
  `(?:^|[\\n.!?]|\\s-{1,2})\\s*(?:-{2,}\\s*)?sent (?:from|via|using|with|by) (?:my |an? )?(?:${DEVICES})\\.?\\s*$`,
  "i",
);

/** The text without a trailing device signature ("Where is my order?\nSent from my iPhone"). */
export function stripDeviceSignature(text: string): string {
  const match = SIGNATURE.exec(text);
  if (!match) return text;
  // Keep the sentence's own full stop when the signature followed it on the same line.
  const kept = /^[.!?]/.test(match[0]) ? match[0][0] : "";
  return (text.slice(0, match.index) + kept).trimEnd();
}
