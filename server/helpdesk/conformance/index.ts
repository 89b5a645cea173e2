/**
 * Conformance of helpdesk requests to what each service documents: for Front and Zendesk, our own
 * hand-written definitions of the operations and body fields Parley sends (front-documented-api.ts,
 * zendesk-documented-api.ts, each operation citing the documentation page it was written from), with
 * two cited allowances (allowances.ts); for Kustomer and Gorgias, a table of their documented
 * constraints (documented-constraints.ts). No third-party definition files are committed. The
 * loopbacks refuse what the services would refuse, and the connector tests fail on any problem,
 * including the fields a service would silently ignore.
 */
import { withAllowances } from "./allowances";
import { documentedChecker, GORGIAS_REQUESTS, KUSTOMER_REQUESTS, type DocumentedRequest, type Problem, type RecordedRequest } from "./documented-constraints";
import { FRONT_REQUESTS } from "./front-documented-api";
import { ZENDESK_REQUESTS } from "./zendesk-documented-api";

export type { Problem, RecordedRequest } from "./documented-constraints";
export type ConformanceService = "front" | "zendesk" | "kustomer" | "gorgias";

/** Each service's documented requests, Front's and Zendesk's with their allowances applied. */
export function documentedRequests(service: ConformanceService): DocumentedRequest[] {
  switch (service) {
    case "front":
      return withAllowances(FRONT_REQUESTS, "front");
    case "zendesk":
      return withAllowances(ZENDESK_REQUESTS, "zendesk");
    case "kustomer":
      return KUSTOMER_REQUESTS;
    case "gorgias":
      return GORGIAS_REQUESTS;
  }
}

const checkers = new Map<ConformanceService, (request: RecordedRequest) => Problem[]>();

/** What is wrong with one request to a helpdesk, by what its service documents (empty: nothing). */
export function helpdeskRequestProblems(service: ConformanceService, request: RecordedRequest): Problem[] {
  let check = checkers.get(service);
  if (!check) checkers.set(service, (check = documentedChecker(documentedRequests(service))));
  return check(request);
}
