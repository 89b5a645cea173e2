import type { Metadata } from "next";
import { WorkflowEditor } from "../_components/workflow-editor";

export const metadata: Metadata = { title: "New workflow" };

export default function NewWorkflowPage() {
  return <WorkflowEditor workflowId={null} />;
}
