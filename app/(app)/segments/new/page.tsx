import type { Metadata } from "next";
import { NewSegmentEditor } from "../_components/segment-editor";

export const metadata: Metadata = { title: "New segment" };

export default async function NewSegmentPage({ searchParams }: { searchParams: Promise<{ example?: string | string[] }> }) {
  const { example } = await searchParams;
  const exampleKey = Array.isArray(example) ? (example[0] ?? null) : (example ?? null);
  return <NewSegmentEditor exampleKey={exampleKey || null} />;
}
