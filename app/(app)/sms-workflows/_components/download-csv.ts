"use client";
import { useMutation } from "@tanstack/react-query";
import { errorMessageOf, useTRPC } from "@/components/trpc";
import { useToast } from "@/components/ui/toast";

/** Fetches a collection as CSV and hands it to the browser as a download. */
export function useDownloadCollection() {
  const trpc = useTRPC();
  const toast = useToast();
  const exportCsv = useMutation(trpc.workflows.exportCollection.mutationOptions());
  return {
    isPending: exportCsv.isPending,
    pendingCollection: exportCsv.isPending ? exportCsv.variables?.collection : undefined,
    download(collection: string) {
      exportCsv.mutate(
        { collection },
        {
          onSuccess: ({ filename, csv }) => {
            const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
            const link = document.createElement("a");
            link.href = url;
            link.download = filename;
            document.body.append(link);
            link.click();
            link.remove();
            setTimeout(() => URL.revokeObjectURL(url), 1000);
          },
          onError: (error) => toast({ tone: "error", title: "CSV not downloaded", description: errorMessageOf(error) }),
        },
      );
    },
  };
}
