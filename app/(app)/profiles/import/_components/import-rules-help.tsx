import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { formatNumber } from "@/components/ui/format";
import { consentWords, headerAliases, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from "@/server/profiles/import-rules";

const SAMPLE_CSV = [
  "phone,first_name,last_name,email,consent,city,lifetime_value",
  "+1 555 555 0100,Ava,Chen,ava@example.com,subscribed,Portland,120.50",
  "(555) 555-0199,Ben,Okafor,,no,Denver,",
  "",
].join("\r\n");

function Words({ words }: { words: readonly string[] }) {
  return (
    <>
      {words.map((word, i) => (
        <span key={word}>
          <code className="rounded bg-slate-100 px-1 font-mono text-[11px] text-slate-700">{word}</code>
          {i < words.length - 1 ? " " : null}
        </span>
      ))}
    </>
  );
}

/** What the file must look like and what the import does, from the same rules the server applies. */
export function ImportRulesHelp() {
  return (
    <Card className="h-fit">
      <CardHeader title="What the file needs" />
      <CardBody className="flex flex-col gap-4 text-sm text-slate-600">
        <section>
          <h3 className="font-medium text-slate-900">Columns</h3>
          <p className="mt-1">A header row first. Names are matched loosely (case, spaces and _ don’t matter).</p>
          <ul className="mt-2 flex flex-col gap-1.5 text-xs">
            <li>
              <strong className="text-slate-800">Phone (required):</strong> <Words words={headerAliases.phone.slice(0, 4)} />…
            </li>
            <li>
              <strong className="text-slate-800">First and last name:</strong> <Words words={["first_name", "First Name", "last_name", "surname"]} />
            </li>
            <li>
              <strong className="text-slate-800">Email:</strong> <Words words={["email", "email_address"]} />
            </li>
            <li>
              <strong className="text-slate-800">SMS consent:</strong> <Words words={["consent", "sms_consent", "accepts_sms_marketing"]} />
            </li>
            <li>
              <strong className="text-slate-800">Any other column</strong> becomes a custom property with the column’s name.
            </li>
          </ul>
        </section>
        <section>
          <h3 className="font-medium text-slate-900">Consent values</h3>
          <ul className="mt-1 flex flex-col gap-1.5 text-xs">
            <li>
              <strong className="text-slate-800">Subscribed:</strong> <Words words={consentWords.subscribed.slice(0, 5)} />
            </li>
            <li>
              <strong className="text-slate-800">Unsubscribed:</strong> <Words words={consentWords.unsubscribed.slice(0, 5)} /> (a “no” is treated as an opt-out)
            </li>
            <li>
              <strong className="text-slate-800">Never subscribed:</strong> <Words words={consentWords.never_subscribed} />
            </li>
            <li>
              <strong className="text-slate-800">Blank:</strong> no change (new profiles start as never subscribed).
            </li>
          </ul>
          <p className="mt-2 rounded-md bg-escalated-soft px-2.5 py-2 text-xs text-escalated-ink">
            Opt-outs stand: an import never resubscribes someone who unsubscribed. Their other columns are imported and they stay unsubscribed; the preview lists
            them. Only the shopper can opt back in, by texting START.
          </p>
        </section>
        <section>
          <h3 className="font-medium text-slate-900">Values</h3>
          <p className="mt-1 text-xs">
            Plain numbers such as <Words words={["42", "19.99"]} /> are stored as numbers (so segments can compare them), <Words words={["true", "false"]} /> as
            true/false, and everything else as text, exactly as written (<Words words={["02134"]} /> stays text). Emails are saved in lower case. Blank cells change nothing.
          </p>
        </section>
        <section>
          <h3 className="font-medium text-slate-900">Existing profiles</h3>
          <p className="mt-1 text-xs">A row whose phone number already has a profile updates it: the file’s values win, other properties are kept.</p>
        </section>
        <section>
          <h3 className="font-medium text-slate-900">Limits</h3>
          <p className="mt-1 text-xs">
            Up to {formatNumber(MAX_IMPORT_ROWS)} rows and {MAX_IMPORT_BYTES / (1024 * 1024)} MB per file. Every row is imported together, or none is.
          </p>
        </section>
        <a
          href={`data:text/csv;charset=utf-8,${encodeURIComponent(SAMPLE_CSV)}`}
          download="parley-profiles-sample.csv"
          className="self-start rounded text-sm font-medium text-accent hover:underline"
        >
          Download a sample CSV
        </a>
      </CardBody>
    </Card>
  );
}
