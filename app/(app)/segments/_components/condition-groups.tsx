"use client";
/**
 * The builder's conditions: groups joined by AND, each group one or more conditions joined by OR.
 * Rows read as a sentence ("What someone has done · Placed Order · zero times · in the last 7 days").
 * Stable hooks for tests: segment-add-condition, segment-group, segment-add-or, segment-condition,
 * condition-type, condition-*, filter-* (see the data-testid attributes below).
 */
import { useQuery } from "@tanstack/react-query";
import { Fragment, useId, type ReactNode } from "react";
import { useTRPC } from "@/components/trpc";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { PlusIcon, TrashIcon } from "@/components/ui/icons";
import { Select } from "@/components/ui/select";
import {
  conditionFieldId,
  conditionKindLabels,
  consentOperatorLabels,
  consentStatusLabels,
  filterFieldId,
  frequencyLabels,
  isStandardField,
  MAX_FILTERS,
  newFilter,
  patchValue,
  withFrequency,
  withProperty,
  operatorLabels,
  operatorNeedsValue,
  valueTypeLabels,
  valueTypesFor,
  WHOLE_DRAFT,
  type ConditionDraft,
  type ConditionField,
  type ConditionKind,
  type ConsentConditionDraft,
  type EventConditionDraft,
  type FilterDraft,
  type Frequency,
  type PropertyConditionDraft,
  type SegmentDraft,
  type ValueDraft,
  type ValueType,
  type WindowKind,
} from "./segment-draft";
import { consentStatuses, valueOperators, type ConsentNode, type ValueOperator } from "@/server/segments/definition";

/** What every field needs from the form: its DOM id, its error (if shown), and "the person left it". */
export type FieldUi = {
  domId: (fieldId: string) => string;
  errorOf: (fieldId: string) => string | undefined;
  touch: (fieldId: string) => void;
};

export type Catalog = { eventNames: string[]; profilePropertyKeys: string[] };

export type ConditionActions = {
  addGroup: () => void;
  addOr: (groupKey: string) => void;
  remove: (conditionKey: string) => void;
  changeKind: (conditionKey: string, kind: ConditionKind) => void;
  update: (conditionKey: string, update: (condition: ConditionDraft) => ConditionDraft) => void;
};

const KINDS = Object.keys(conditionKindLabels) as Exclude<ConditionKind, "unset">[];
const FREQUENCIES = Object.keys(frequencyLabels) as Frequency[];

function Joiner({ children, tone }: { children: ReactNode; tone: "and" | "or" }) {
  return (
    <div className="flex items-center gap-3" aria-hidden="true">
      <span className={tone === "and" ? "h-px flex-1 bg-slate-300" : "h-px w-4 bg-slate-200"} />
      <span
        className={
          tone === "and"
            ? "rounded-full bg-slate-800 px-2.5 py-0.5 text-[11px] font-semibold tracking-wide text-white"
            : "rounded-full bg-slate-100 px-2 py-0.5 text-[11px] font-semibold tracking-wide text-slate-600 ring-1 ring-slate-200 ring-inset"
        }
      >
        {children}
      </span>
      <span className={tone === "and" ? "h-px flex-1 bg-slate-300" : "h-px flex-1 bg-slate-200"} />
    </div>
  );
}

export function ConditionGroups({
  draft,
  catalog,
  ui,
  actions,
  addConditionId,
}: {
  draft: SegmentDraft;
  catalog: Catalog | undefined;
  ui: FieldUi;
  actions: ConditionActions;
  /** The DOM id of the "Add condition" button (focus returns there after a removal). */
  addConditionId: string;
}) {
  const propertyListId = `${useId()}-profile-properties`;
  const wholeError = ui.errorOf(WHOLE_DRAFT);

  return (
    <div className="flex flex-col gap-3">
      <datalist id={propertyListId}>
        {(catalog?.profilePropertyKeys ?? []).map((key) => (
          <option key={key} value={key} />
        ))}
      </datalist>

      {draft.groups.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 bg-slate-50 px-4 py-6 text-center">
          <p className="text-sm font-medium text-slate-800">No conditions yet</p>
          <p className="mt-1 text-sm text-slate-600">Add a condition to say who belongs in this segment: something they did, a property of theirs, or their SMS subscription.</p>
        </div>
      ) : (
        <ol className="flex flex-col gap-3" aria-label="Condition groups (all must match)">
          {draft.groups.map((group, gi) => (
            <Fragment key={group.key}>
              {gi > 0 ? <Joiner tone="and">AND</Joiner> : null}
              <li>
                <div
                  role="group"
                  aria-label={`Group ${gi + 1}: any of these conditions`}
                  data-testid="segment-group"
                  className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-slate-50/60 p-3"
                >
                  {group.conditions.map((condition, ci) => (
                    <Fragment key={condition.key}>
                      {ci > 0 ? <Joiner tone="or">OR</Joiner> : null}
                      <ConditionRow
                        condition={condition}
                        label={group.conditions.length > 1 ? `condition ${ci + 1} of group ${gi + 1}` : `condition in group ${gi + 1}`}
                        catalog={catalog}
                        ui={ui}
                        actions={actions}
                        propertyListId={propertyListId}
                      />
                    </Fragment>
                  ))}
                  <div>
                    <Button variant="ghost" size="sm" onClick={() => actions.addOr(group.key)} data-testid="segment-add-or" aria-label={`Add OR condition to group ${gi + 1}`}>
                      <PlusIcon />
                      OR
                    </Button>
                  </div>
                </div>
              </li>
            </Fragment>
          ))}
        </ol>
      )}

      <div className="flex flex-wrap items-center gap-3">
        <Button id={addConditionId} variant="secondary" onClick={actions.addGroup} data-testid="segment-add-condition">
          <PlusIcon />
          Add condition
        </Button>
        <p className="text-xs text-slate-500">{draft.groups.length > 0 ? "A new condition is joined with AND: shoppers must match it too. Use OR inside a group for alternatives." : null}</p>
      </div>
      {wholeError ? (
        <p className="text-sm text-red-700" role="alert">
          {wholeError}
        </p>
      ) : null}
    </div>
  );
}

function ConditionRow({
  condition,
  label,
  catalog,
  ui,
  actions,
  propertyListId,
}: {
  condition: ConditionDraft;
  /** "condition 2 of group 1", for the remove button's name. */
  label: string;
  catalog: Catalog | undefined;
  ui: FieldUi;
  actions: ConditionActions;
  propertyListId: string;
}) {
  const f = (field: ConditionField) => conditionFieldId(condition.key, field);
  const conditionError = ui.errorOf(f("condition"));
  return (
    <div data-testid="segment-condition" data-kind={condition.kind} className="relative rounded-md border border-slate-200 bg-white p-3 pr-12 shadow-xs">
      <div className="flex items-start gap-2">
        <Select
          id={ui.domId(f("kind"))}
          label="Condition type"
          fieldClassName="min-w-0 flex-1 sm:max-w-sm"
          value={condition.kind === "unset" ? "" : condition.kind}
          error={ui.errorOf(f("kind"))}
          onChange={(e) => actions.changeKind(condition.key, (e.target.value || "unset") as ConditionKind)}
          onBlur={() => ui.touch(f("kind"))}
          data-testid="condition-type"
        >
          <option value="" disabled>
            Choose a condition type…
          </option>
          {KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {conditionKindLabels[kind]}
            </option>
          ))}
        </Select>
      </div>

      {condition.kind === "event" ? (
        <EventFields condition={condition} catalog={catalog} ui={ui} update={(u) => actions.update(condition.key, (c) => (c.kind === "event" ? u(c) : c))} />
      ) : condition.kind === "property" ? (
        <PropertyFields condition={condition} ui={ui} propertyListId={propertyListId} update={(u) => actions.update(condition.key, (c) => (c.kind === "property" ? u(c) : c))} />
      ) : condition.kind === "consent" ? (
        <ConsentFields condition={condition} ui={ui} update={(u) => actions.update(condition.key, (c) => (c.kind === "consent" ? u(c) : c))} />
      ) : null}

      {conditionError ? (
        <p className="mt-2 text-sm text-red-700" role="alert">
          {conditionError}
        </p>
      ) : null}
      {/* Last in the tab order (after the condition's fields), shown top right. */}
      <Button variant="ghost" size="sm" className="absolute top-3 right-3" onClick={() => actions.remove(condition.key)} aria-label={`Remove ${label}`} data-testid="condition-remove">
        <TrashIcon />
      </Button>
    </div>
  );
}

// --- What someone has done ----------------------------------------------------------------------

function EventFields({
  condition,
  catalog,
  ui,
  update,
}: {
  condition: EventConditionDraft;
  catalog: Catalog | undefined;
  ui: FieldUi;
  update: (u: (c: EventConditionDraft) => EventConditionDraft) => void;
}) {
  const f = (field: ConditionField) => conditionFieldId(condition.key, field);
  const names = catalog?.eventNames ?? [];
  // A saved event name the catalog doesn't list (no such events yet) stays selectable.
  const options = condition.name && !names.includes(condition.name) ? [condition.name, ...names] : names;

  return (
    <div className="mt-3 flex flex-col gap-3">
      <div className="flex flex-wrap items-start gap-3">
        <Select
          id={ui.domId(f("name"))}
          label="Event"
          fieldClassName="min-w-0 basis-full sm:basis-80 sm:flex-1"
          value={condition.name}
          error={ui.errorOf(f("name"))}
          onChange={(e) => update((c) => ({ ...c, name: e.target.value }))}
          onBlur={() => ui.touch(f("name"))}
          data-testid="condition-event-name"
        >
          <option value="">{catalog ? "Choose an event…" : "Loading events…"}</option>
          {options.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </Select>
      </div>
      <div className="flex flex-wrap items-start gap-3">
        <Select
          id={ui.domId(f("frequency"))}
          label="How often"
          fieldClassName="w-36"
          value={condition.frequency}
          onChange={(e) => update((c) => withFrequency(c, e.target.value as Frequency))}
          data-testid="condition-frequency"
        >
          {FREQUENCIES.map((frequency) => (
            <option key={frequency} value={frequency}>
              {frequencyLabels[frequency]}
            </option>
          ))}
        </Select>
        {condition.frequency !== "zero" ? (
          <Input
            id={ui.domId(f("count"))}
            label="Times"
            type="number"
            inputMode="numeric"
            min={condition.frequency === "at_least" ? 1 : 0}
            step={1}
            fieldClassName="w-24"
            value={condition.count}
            error={ui.errorOf(f("count"))}
            onChange={(e) => update((c) => ({ ...c, count: e.target.value }))}
            onBlur={() => ui.touch(f("count"))}
            data-testid="condition-count"
          />
        ) : null}
        <Select
          id={ui.domId(f("window"))}
          label="When"
          fieldClassName="w-40"
          value={condition.windowKind}
          onChange={(e) => update((c) => ({ ...c, windowKind: e.target.value as WindowKind }))}
          data-testid="condition-window"
        >
          <option value="ever">over all time</option>
          <option value="last_days">in the last…</option>
        </Select>
        {condition.windowKind === "last_days" ? (
          <Input
            id={ui.domId(f("days"))}
            label="Days"
            type="number"
            inputMode="numeric"
            min={1}
            step={1}
            fieldClassName="w-24"
            value={condition.days}
            error={ui.errorOf(f("days"))}
            onChange={(e) => update((c) => ({ ...c, days: e.target.value }))}
            onBlur={() => ui.touch(f("days"))}
            data-testid="condition-days"
          />
        ) : null}
      </div>
      <EventFilters condition={condition} ui={ui} update={update} />
    </div>
  );
}


function EventFilters({ condition, ui, update }: { condition: EventConditionDraft; ui: FieldUi; update: (u: (c: EventConditionDraft) => EventConditionDraft) => void }) {
  const trpc = useTRPC();
  const listId = `${useId()}-event-properties`;
  const name = condition.name.trim();
  const keys = useQuery({ ...trpc.segments.eventPropertyKeys.queryOptions({ name }), enabled: name.length > 0 && condition.filters.length > 0, staleTime: 60_000 });

  function setFilter(filterKey: string, change: (filter: FilterDraft) => FilterDraft) {
    update((c) => ({ ...c, filters: c.filters.map((filter) => (filter.key === filterKey ? change(filter) : filter)) }));
  }

  return (
    <div className="flex flex-col gap-2">
      <datalist id={listId}>
        {(keys.data ?? []).map((key) => (
          <option key={key} value={key} />
        ))}
      </datalist>
      {condition.filters.length > 0 ? (
        <ul className="flex flex-col gap-2 border-l-2 border-slate-200 pl-3" aria-label="Event property filters (all must match)">
          {condition.filters.map((filter) => {
            const ff = (field: "property" | "operator" | "value" | "valueType" | "filter") => filterFieldId(condition.key, filter.key, field);
            const filterError = ui.errorOf(ff("filter"));
            return (
              <li key={filter.key} data-testid="condition-filter" className="flex flex-col gap-1">
                <div className="flex flex-wrap items-start gap-3">
                  <span className="mt-8 text-xs font-medium text-slate-500">where</span>
                  <Input
                    id={ui.domId(ff("property"))}
                    label="Event property"
                    list={listId}
                    autoComplete="off"
                    spellCheck={false}
                    placeholder="reason"
                    fieldClassName="w-40"
                    value={filter.property}
                    error={ui.errorOf(ff("property"))}
                    onChange={(e) => setFilter(filter.key, (x) => ({ ...x, property: e.target.value }))}
                    onBlur={() => ui.touch(ff("property"))}
                    data-testid="filter-property-key"
                  />
                  <ValueFields value={filter} ui={ui} fieldIdOf={ff} testIdPrefix="filter" allowValueType onChange={(v) => setFilter(filter.key, () => v)} />
                  <Button
                    variant="ghost"
                    size="sm"
                    className="mt-6"
                    onClick={() => update((c) => ({ ...c, filters: c.filters.filter((x) => x.key !== filter.key) }))}
                    aria-label="Remove event property filter"
                    data-testid="filter-remove"
                  >
                    <TrashIcon />
                  </Button>
                </div>
                {filterError ? (
                  <p className="text-sm text-red-700" role="alert">
                    {filterError}
                  </p>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}
      {condition.filters.length < MAX_FILTERS ? (
        <div>
          <Button
            variant="ghost"
            size="sm"
            onClick={() => update((c) => ({ ...c, filters: [...c.filters, newFilter()] }))}
            data-testid="condition-add-filter"
          >
            <PlusIcon />
            Add event property filter
          </Button>
        </div>
      ) : null}
    </div>
  );
}

// --- Properties about someone -------------------------------------------------------------------

function PropertyFields({
  condition,
  ui,
  propertyListId,
  update,
}: {
  condition: PropertyConditionDraft;
  ui: FieldUi;
  propertyListId: string;
  update: (u: (c: PropertyConditionDraft) => PropertyConditionDraft) => void;
}) {
  const f = (field: ConditionField) => conditionFieldId(condition.key, field);
  const isStandard = isStandardField(condition.property);
  return (
    <div className="mt-3 flex flex-wrap items-start gap-3">
      <Input
        id={ui.domId(f("property"))}
        label="Property"
        help="Pick one or type any property name."
        list={propertyListId}
        autoComplete="off"
        spellCheck={false}
        placeholder="city, $email…"
        fieldClassName="w-44"
        value={condition.property}
        error={ui.errorOf(f("property"))}
        onChange={(e) => update((c) => withProperty(c, e.target.value))}
        onBlur={() => ui.touch(f("property"))}
        data-testid="condition-property-key"
      />
      <ValueFields
        value={condition}
        ui={ui}
        fieldIdOf={(field) => f(field)}
        testIdPrefix="condition"
        allowValueType={!isStandard}
        onChange={(v) => update((c) => ({ ...c, ...v }))}
      />
    </div>
  );
}


/** Operator, value type (for equals / doesn't equal) and value: shared by profile properties and event filters. */
function ValueFields<T extends ValueDraft>({
  value,
  ui,
  fieldIdOf,
  testIdPrefix,
  allowValueType,
  onChange,
}: {
  value: T;
  ui: FieldUi;
  fieldIdOf: (field: "operator" | "value" | "valueType") => string;
  testIdPrefix: "condition" | "filter";
  allowValueType: boolean;
  onChange: (next: T) => void;
}) {
  const types = valueTypesFor(value.operator);
  const showType = allowValueType && types.length > 1;
  const valueId = fieldIdOf("value");
  const valueError = ui.errorOf(valueId);
  const common = {
    id: ui.domId(valueId),
    label: "Value",
    error: valueError,
    onBlur: () => ui.touch(valueId),
    "data-testid": `${testIdPrefix}-value`,
  };

  return (
    <>
      <Select
        id={ui.domId(fieldIdOf("operator"))}
        label="Operator"
        fieldClassName="w-40"
        value={value.operator}
        onChange={(e) => onChange(patchValue(value, { operator: e.target.value as ValueOperator }))}
        data-testid={`${testIdPrefix}-operator`}
      >
        {valueOperators.map((operator) => (
          <option key={operator} value={operator}>
            {operatorLabels[operator]}
          </option>
        ))}
      </Select>
      {showType ? (
        <Select
          id={ui.domId(fieldIdOf("valueType"))}
          label="Value type"
          fieldClassName="w-32"
          value={value.valueType}
          onChange={(e) => onChange(patchValue(value, { valueType: e.target.value as ValueType }))}
          data-testid={`${testIdPrefix}-value-type`}
        >
          {types.map((type) => (
            <option key={type} value={type}>
              {valueTypeLabels[type]}
            </option>
          ))}
        </Select>
      ) : null}
      {!operatorNeedsValue(value.operator) ? null : value.valueType === "boolean" ? (
        <Select {...common} fieldClassName="w-28" value={value.value} onChange={(e) => onChange(patchValue(value, { value: e.target.value }))}>
          <option value="true">true</option>
          <option value="false">false</option>
        </Select>
      ) : value.valueType === "number" ? (
        <Input {...common} type="number" inputMode="decimal" step="any" fieldClassName="w-32" value={value.value} onChange={(e) => onChange(patchValue(value, { value: e.target.value }))} />
      ) : (
        <Input {...common} type="text" autoComplete="off" fieldClassName="min-w-36 flex-1" value={value.value} onChange={(e) => onChange(patchValue(value, { value: e.target.value }))} />
      )}
    </>
  );
}

// --- Subscribed or not --------------------------------------------------------------------------

function ConsentFields({ condition, ui, update }: { condition: ConsentConditionDraft; ui: FieldUi; update: (u: (c: ConsentConditionDraft) => ConsentConditionDraft) => void }) {
  const f = (field: ConditionField) => conditionFieldId(condition.key, field);
  return (
    <div className="mt-3 flex flex-wrap items-start gap-3">
      <span className="mt-8 text-sm text-slate-600">Someone</span>
      <Select
        id={ui.domId(f("operator"))}
        label="Is or is not"
        fieldClassName="w-28"
        value={condition.operator}
        onChange={(e) => update((c) => ({ ...c, operator: e.target.value as ConsentNode["operator"] }))}
        data-testid="condition-consent-operator"
      >
        {(Object.keys(consentOperatorLabels) as ConsentNode["operator"][]).map((operator) => (
          <option key={operator} value={operator}>
            {consentOperatorLabels[operator]}
          </option>
        ))}
      </Select>
      <Select
        id={ui.domId(f("status"))}
        label="SMS subscription"
        fieldClassName="w-48"
        value={condition.status}
        error={ui.errorOf(f("status"))}
        onChange={(e) => update((c) => ({ ...c, status: e.target.value as ConsentConditionDraft["status"] }))}
        data-testid="condition-consent-status"
      >
        {consentStatuses.map((status) => (
          <option key={status} value={status}>
            {consentStatusLabels[status]}
          </option>
        ))}
      </Select>
    </div>
  );
}
