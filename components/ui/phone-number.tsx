import { formatPhoneForHumans } from "@/server/sms";
import { cn } from "./cn";

/** A phone number as people read it: "+1 (555) 555-0100" (stored as E.164). */
export function PhoneNumber({ value, className }: { value: string; className?: string }) {
  return <span className={cn("whitespace-nowrap tabular-nums", className)}>{formatPhoneForHumans(value)}</span>;
}
