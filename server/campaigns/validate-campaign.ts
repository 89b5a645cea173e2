/** The rules for a campaign's fields, in the words shown next to each field. Pure. */
import { segmentInfo } from "../sms";
import { composeCampaignText } from "./compose-campaign-text";
import { parseTemplate } from "./personalize";

export const MAX_CAMPAIGN_NAME = 100;
/** Twilio refuses a Body over 1,600 characters; the whole text (link and opt-out line included) must fit. */
export const MAX_CAMPAIGN_TEXT = 1600;
export const MAX_LINK_URL = 500;
export const MAX_AUDIENCE_SEGMENTS = 20;

export type CampaignFields = {
  name: string;
  body: string;
  linkUrl: string | null;
  segmentIds: string[];
  excludedSegmentIds: string[];
};

export type CampaignFieldErrors = Partial<Record<keyof CampaignFields, string>>;

/** http(s) links only, with a real host name: carriers filter odd links, and shoppers tap them. */
export function linkUrlError(value: string): string | null {
  if (value.length > MAX_LINK_URL) return `A link can be at most ${MAX_LINK_URL} characters; it is ${value.length}.`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `“${value}” isn’t a web address. Write it in full, e.g. https://example.com/sale.`;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "Use a web link that starts with https:// (or http://).";
  if (!url.hostname.includes(".") || /\s/.test(value)) return `“${value}” isn’t a web address. Write it in full, e.g. https://example.com/sale.`;
  return null;
}

/**
 * Drafts need only a name (and whatever is filled in must be valid); `isSending` adds what a send
 * needs: a message and at least one segment.
 */
export function validateCampaignFields(input: CampaignFields, opts: { isSending: boolean; brandName: string }): CampaignFieldErrors {
  const errors: CampaignFieldErrors = {};
  const name = input.name.trim();
  if (!name) errors.name = "Name the campaign, e.g. “Winter sale — VIPs”. Only your team sees it.";
  else if (name.length > MAX_CAMPAIGN_NAME) errors.name = `A campaign name can be at most ${MAX_CAMPAIGN_NAME} characters; it is ${name.length}.`;

  const body = input.body.trim();
  if (!body) {
    if (opts.isSending) errors.body = "Write the message shoppers will receive.";
  } else {
    const issue = parseTemplate(body).issues[0];
    if (issue) errors.body = issue.message;
    else {
      const text = composeCampaignText({ body, linkUrl: input.linkUrl }, { brand_name: opts.brandName });
      const length = segmentInfo(text).characters;
      if (length > MAX_CAMPAIGN_TEXT) {
        errors.body = `The full text (with the link and the opt-out line) can be at most ${MAX_CAMPAIGN_TEXT.toLocaleString("en-US")} characters, Twilio’s limit; it is ${length.toLocaleString("en-US")}.`;
      }
    }
  }

  const link = input.linkUrl?.trim();
  if (link) {
    const error = linkUrlError(link);
    if (error) errors.linkUrl = error;
  }

  if (opts.isSending && input.segmentIds.length === 0) errors.segmentIds = "Choose at least one segment to send to.";
  if (input.segmentIds.length > MAX_AUDIENCE_SEGMENTS) errors.segmentIds = `Choose at most ${MAX_AUDIENCE_SEGMENTS} segments.`;
  if (input.excludedSegmentIds.length > MAX_AUDIENCE_SEGMENTS) errors.excludedSegmentIds = `Exclude at most ${MAX_AUDIENCE_SEGMENTS} segments.`;
  if (input.excludedSegmentIds.some((id) => input.segmentIds.includes(id))) {
    errors.excludedSegmentIds = "A segment can’t be both sent to and excluded; untick it in one of the lists.";
  }
  return errors;
}
