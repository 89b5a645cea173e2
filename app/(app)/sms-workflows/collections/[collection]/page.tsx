import type { Metadata } from "next";
import { CollectionRecords } from "../../_components/collection-records";

export const metadata: Metadata = { title: "Collection" };

export default async function CollectionPage({ params }: { params: Promise<{ collection: string }> }) {
  const { collection } = await params;
  return <CollectionRecords collection={decodeURIComponent(collection)} />;
}
