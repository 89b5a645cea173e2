"use client";
/**
 * A day-by-day chart drawn in SVG: stacked bars, plain bars or a line. Accessible without the
 * picture: the chart is one tab stop whose arrow keys move a day at a time (the tooltip follows and
 * is read out), it has a title and a summary, and every number is in a table underneath.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent, type PointerEvent } from "react";
import { Table, TBody, TD, TH, THead } from "@/components/ui/table";
import { cn } from "@/components/ui/cn";
import { labelEvery, niceTicks } from "./chart-scale";
import { formatDayLong, formatDayShort } from "./format-metric";

export type ChartSeries = { key: string; label: string; color: string };

export type DailyChartProps = {
  title: string;
  description: string;
  kind: "stacked" | "bars" | "line";
  days: string[];
  series: ChartSeries[];
  /** values[series][day]; null is "no value" (a gap in a line). */
  values: (number | null)[][];
  formatValue: (value: number) => string;
  formatAxis?: (value: number) => string;
  /** A fixed top for the scale (1 for rates); otherwise from the data. */
  yMax?: number;
  isInteger?: boolean;
  /** Shown in words under the title, e.g. "29 conversations, 6 resolved". */
  summary: string;
  /** Extra lines for a day's tooltip (e.g. "2 orders"). */
  extraLines?: (dayIndex: number) => string[];
  testId: string;
};

const HEIGHT = 220;
const MARGIN = { top: 12, right: 12, bottom: 26, left: 52 };

function useElementWidth<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.floor(entry!.contentRect.width)));
    observer.observe(element);
    setWidth(Math.floor(element.getBoundingClientRect().width));
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}

export function DailyChart({ title, description, kind, days, series, values, formatValue, formatAxis = formatValue, yMax, isInteger, summary, extraLines, testId }: DailyChartProps) {
  const id = useId();
  const [containerRef, width] = useElementWidth<HTMLDivElement>();
  const [active, setActive] = useState<number | null>(null);
  const [isKeyboard, setIsKeyboard] = useState(false);
  const n = days.length;

  const totals = days.map((_, d) => (kind === "stacked" ? series.reduce((sum, _s, i) => sum + (values[i]?.[d] ?? 0), 0) : Math.max(0, ...series.map((_s, i) => values[i]?.[d] ?? 0))));
  const ticks = niceTicks(yMax ?? Math.max(0, ...totals), { integer: isInteger });
  const top = ticks.at(-1)!;
  const plotWidth = Math.max(0, width - MARGIN.left - MARGIN.right);
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const band = n > 0 ? plotWidth / n : 0;
  const barWidth = Math.max(1, Math.min(28, band * 0.72));
  const x = (d: number) => MARGIN.left + band * d + band / 2;
  const y = (v: number) => MARGIN.top + plotHeight - (top > 0 ? (v / top) * plotHeight : 0);
  const every = labelEvery(n, plotWidth);

  function dayAt(clientX: number, svg: SVGSVGElement): number | null {
    const left = svg.getBoundingClientRect().left + MARGIN.left;
    if (band <= 0) return null;
    const d = Math.floor((clientX - left) / band);
    return d >= 0 && d < n ? d : null;
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const last = n - 1;
    const current = active ?? last;
    const next = event.key === "ArrowRight" ? Math.min(last, current + 1) : event.key === "ArrowLeft" ? Math.max(0, current - 1) : event.key === "Home" ? 0 : event.key === "End" ? last : null;
    if (next === null) {
      if (event.key === "Escape") setActive(null);
      return;
    }
    event.preventDefault();
    setIsKeyboard(true);
    setActive(next);
  }

  const tooltipLines = (d: number) => [
    ...series.map((s, i) => `${s.label}: ${values[i]?.[d] === null || values[i]?.[d] === undefined ? "—" : formatValue(values[i]![d]!)}`),
    ...(kind === "stacked" && series.length > 1 ? [`Total: ${formatValue(totals[d]!)}`] : []),
    ...(extraLines?.(d) ?? []),
  ];
  const tooltipLeft = active !== null ? Math.min(Math.max(x(active), 90), Math.max(90, width - 90)) : 0;

  return (
    <figure className="flex min-w-0 flex-col gap-3" data-testid={testId} aria-labelledby={`${id}-title`}>
      <figcaption className="flex flex-col gap-0.5">
        <span id={`${id}-title`} className="text-sm font-semibold text-slate-900">
          {title}
        </span>
        <span className="text-xs text-slate-500">{description}</span>
      </figcaption>
      {series.length > 1 ? (
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600" aria-label={`${title}: legend`}>
          {series.map((s) => (
            <li key={s.key} className="flex items-center gap-1.5">
              <span className="size-2.5 rounded-sm" style={{ background: s.color }} aria-hidden="true" />
              {s.label}
            </li>
          ))}
        </ul>
      ) : null}
      <div
        ref={containerRef}
        className="relative rounded-md focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent"
        tabIndex={0}
        role="group"
        aria-roledescription="chart"
        aria-label={`${title}. ${summary} Use the left and right arrow keys to read each day.`}
        onKeyDown={onKeyDown}
        onFocus={() => setIsKeyboard(true)}
        onBlur={() => {
          setIsKeyboard(false);
          setActive(null);
        }}
        data-testid={`${testId}-plot`}
      >
        <svg width="100%" height={HEIGHT} role="presentation" aria-hidden="true" className="block overflow-visible" onPointerMove={(e: PointerEvent<SVGSVGElement>) => setActive(dayAt(e.clientX, e.currentTarget))} onPointerLeave={() => !isKeyboard && setActive(null)}>
          {width > 0 ? (
            <>
              {ticks.map((t) => (
                <g key={t}>
                  <line x1={MARGIN.left} x2={width - MARGIN.right} y1={y(t)} y2={y(t)} className="stroke-slate-200" strokeDasharray={t === 0 ? undefined : "3 3"} />
                  <text x={MARGIN.left - 8} y={y(t)} dy="0.32em" textAnchor="end" className="fill-slate-500 text-[11px] tabular-nums">
                    {formatAxis(t)}
                  </text>
                </g>
              ))}
              {active !== null ? <rect x={MARGIN.left + band * active} y={MARGIN.top} width={band} height={plotHeight} className="fill-slate-100" /> : null}
              {kind !== "line"
                ? days.map((day, d) => {
                    let base = 0;
                    return (
                      <g key={day} data-day={day}>
                        {series.map((s, i) => {
                          const v = values[i]?.[d] ?? 0;
                          if (v <= 0) return null;
                          const y0 = kind === "stacked" ? base : 0;
                          base = kind === "stacked" ? base + v : base;
                          return <rect key={s.key} x={x(d) - barWidth / 2} width={barWidth} y={y(y0 + v)} height={Math.max(0, y(y0) - y(y0 + v))} fill={s.color} rx={1} />;
                        })}
                      </g>
                    );
                  })
                : series.map((s, i) => <LinePath key={s.key} color={s.color} points={days.map((_, d) => (values[i]?.[d] === null || values[i]?.[d] === undefined ? null : ([x(d), y(values[i]![d]!)] as const)))} isDense={n > 45} />)}
              {days.map((day, d) =>
                d % every === (n - 1) % every ? (
                  <text key={day} x={x(d)} y={HEIGHT - 6} textAnchor="middle" className="fill-slate-500 text-[11px]">
                    {formatDayShort(day)}
                  </text>
                ) : null,
              )}
            </>
          ) : null}
        </svg>
        {active !== null ? (
          <div
            className="pointer-events-none absolute top-0 z-10 w-44 -translate-x-1/2 rounded-md border border-slate-200 bg-white px-2.5 py-2 text-xs shadow-md"
            style={{ left: tooltipLeft }}
            role="tooltip"
            id={`${id}-tooltip`}
            data-testid={`${testId}-tooltip`}
          >
            <p className="font-medium text-slate-900">{formatDayLong(days[active]!)}</p>
            {tooltipLines(active).map((line) => (
              <p key={line} className="text-slate-600 tabular-nums">
                {line}
              </p>
            ))}
          </div>
        ) : null}
        <p className="sr-only" aria-live="polite">
          {active !== null && isKeyboard ? `${formatDayLong(days[active]!)}. ${tooltipLines(active).join(". ")}.` : ""}
        </p>
      </div>
      <details className="text-sm">
        <summary className="w-fit rounded text-xs font-medium text-slate-600 hover:text-slate-900">Show the numbers as a table</summary>
        <div className="mt-2 max-h-72 overflow-y-auto">
          <Table label={`${title}, by day`}>
            <THead>
              <tr>
                <TH>Day</TH>
                {series.map((s) => (
                  <TH key={s.key} className="text-right">
                    {s.label}
                  </TH>
                ))}
                {kind === "stacked" && series.length > 1 ? <TH className="text-right">Total</TH> : null}
              </tr>
            </THead>
            <TBody>
              {days.map((day, d) => (
                <tr key={day}>
                  <TD className="py-1.5 whitespace-nowrap">{formatDayLong(day)}</TD>
                  {series.map((s, i) => (
                    <TD key={s.key} className="py-1.5 text-right tabular-nums">
                      {values[i]?.[d] === null || values[i]?.[d] === undefined ? "—" : formatValue(values[i]![d]!)}
                    </TD>
                  ))}
                  {kind === "stacked" && series.length > 1 ? <TD className="py-1.5 text-right font-medium tabular-nums">{formatValue(totals[d]!)}</TD> : null}
                </tr>
              ))}
            </TBody>
          </Table>
        </div>
      </details>
    </figure>
  );
}

/** A line broken where a day has no value, with a dot on each day that has one. */
function LinePath({ points, color, isDense }: { points: (readonly [number, number] | null)[]; color: string; isDense: boolean }) {
  let d = "";
  let isDrawing = false;
  for (const p of points) {
    if (!p) {
      isDrawing = false;
      continue;
    }
    d += `${isDrawing ? "L" : "M"}${p[0].toFixed(1)},${p[1].toFixed(1)}`;
    isDrawing = true;
  }
  return (
    <g>
      <path d={d} fill="none" stroke={color} strokeWidth={2} strokeLinejoin="round" strokeLinecap="round" />
      {points.map((p, i) => (p ? <circle key={i} cx={p[0]} cy={p[1]} r={isDense ? 2 : 3} fill="white" stroke={color} strokeWidth={2} className={cn(isDense && "opacity-90")} /> : null))}
    </g>
  );
}
