import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { Simulator } from "./_components/simulator";

export const metadata: Metadata = { title: "Simulator" };

export default async function SimulatorPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { phone } = await searchParams;
  return (
    <>
      <PageHeader
        title="Simulator"
        description="Text your brand as a shopper and watch the agent answer. Texts take the same path as real SMS, without a carrier."
      />
      <Simulator initialPhone={typeof phone === "string" ? phone : undefined} />
    </>
  );
}
