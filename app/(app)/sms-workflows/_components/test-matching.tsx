"use client";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { errorMessageOf, useTRPC } from "@/components/trpc";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { plural } from "@/components/ui/format";
import { Input } from "@/components/ui/input";
import { fieldErrorsOf } from "./form-errors";
import { GoalBadge } from "./goal-badge";

/** Type a sample text, see which active workflow would guide it and why (and what was checked before it). */
export function TestMatching() {
  const trpc = useTRPC();
  const [text, setText] = useState("");
  const test = useMutation(trpc.workflows.testMatch.mutationOptions());
  const result = test.data;
  const error = test.error ? (fieldErrorsOf(test.error).text ?? errorMessageOf(test.error)) : undefined;

  function submit(event: FormEvent) {
    event.preventDefault();
    test.mutate({ text });
  }

  return (
    <Card>
      <CardHeader title="Test matching" description="Type a text a shopper might send to see which workflow would guide the conversation, and why." />
      <CardBody className="flex flex-col gap-3">
        <form onSubmit={submit} className="flex flex-col gap-2 sm:flex-row sm:items-start">
          <Input
            label="Sample text"
            hideLabel
            fieldClassName="flex-1"
            placeholder="e.g. interested in pricing for 20 units"
            value={text}
            error={error}
            maxLength={1600}
            onChange={(event) => setText(event.target.value)}
            data-testid="test-match-input"
          />
          <Button type="submit" variant="secondary" isLoading={test.isPending}>
            Test
          </Button>
        </form>
        {result ? (
          <div role="status" aria-live="polite" className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700" data-testid="match-result">
            {result.match ? (
              <p>
                <span className="font-semibold text-slate-900">{result.match.workflow.name}</span> would guide it{" "}
                <GoalBadge goal={result.match.workflow.goal} /> <span className="text-slate-500">(priority {result.match.workflow.priority})</span>.{" "}
                {result.match.reason}
              </p>
            ) : (
              <p>
                <span className="font-semibold text-slate-900">No workflow matches.</span> The agent would answer without a workflow.
                {result.activeCount === 0 ? " No workflow is active." : ""}
              </p>
            )}
            {result.checks.filter((c) => !c.isMatch).length ? (
              <ol className="mt-2 list-inside list-decimal text-xs text-slate-600">
                {result.checks.map((c) => (
                  <li key={c.workflow.id}>
                    {c.workflow.name} (priority {c.workflow.priority}): {c.isMatch ? "matches. " : "no match. "}
                    {c.reason}
                  </li>
                ))}
              </ol>
            ) : null}
            {result.inactiveCount ? <p className="mt-2 text-xs text-slate-500">{plural(result.inactiveCount, "inactive workflow")} not checked.</p> : null}
          </div>
        ) : null}
      </CardBody>
    </Card>
  );
}
