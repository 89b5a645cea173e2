import type { Metadata } from "next";
import { NewSegmentEditor } from "../_components/segment-editor";

export const metadata: Metadata = { title: "New segment" };

const firstOf = (value: string | string[] | undefined) => (Array.isArray(value) ? (value[0] ?? null) : (value ?? null));

export default async function NewSegmentPage({ searchParams }: { searchParams: Promise<{ example?: string | string[]; definition?: string | string[]; name?: string | string[] }> }) {
  const { example, definition, name } = await searchParams;
  const exampleKey = firstOf(example);
  // ?definition=<url-encoded JSON>&name=…: a segment prefilled by another page (e.g. Performance).
  const prefill = firstOf(definition) ? { definition: firstOf(definition)!, name: firstOf(name) ?? "" } : null;
  return <NewSegmentEditor exampleKey={exampleKey || null} prefill={prefill} />;
}
