/** Pretty-printed JSON for tool inputs and outputs; long values scroll instead of stretching the page. */
export function JsonBlock({ value, label }: { value: unknown; label: string }) {
  let text: string;
  try {
    text = value === undefined ? "—" : JSON.stringify(value, null, 2);
  } catch {
    text = String(value);
  }
  return (
    <div>
      <p className="mb-1 text-[11px] font-medium tracking-wide text-slate-500 uppercase">{label}</p>
      <pre className="max-h-64 overflow-auto rounded-md bg-slate-900 p-2.5 font-mono text-[11px] leading-relaxed text-slate-100" tabIndex={0} aria-label={label}>
        {text}
      </pre>
    </div>
  );
}
