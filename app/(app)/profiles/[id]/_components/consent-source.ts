/** Where a consent change came from, in words (ConsentChange.source is a short code). */
export function describeConsentSource(source: string): string {
  if (source.startsWith("keyword:")) return `Texted the keyword ${source.slice("keyword:".length)}`;
  switch (source) {
    case "keyword":
      return "Texted a consent keyword";
    case "intent":
      return "Asked to stop in their own words";
    case "twilio_opt_out_type":
      return "Twilio Advanced Opt-Out";
    case "import":
      return "CSV import";
    case "seed":
      return "Demo data";
    default:
      return source.replace(/_/g, " ");
  }
}
