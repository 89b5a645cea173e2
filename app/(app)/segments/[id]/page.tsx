import type { Metadata } from "next";
import { EditSegmentEditor } from "../_components/segment-editor";

export const metadata: Metadata = { title: "Segment" };

export default async function SegmentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <EditSegmentEditor id={id} />;
}
