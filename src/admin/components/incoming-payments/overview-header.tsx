import { Container, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { useNarrowerThan } from "../../hooks/narrow"
import { useOverview, type Overview } from "../../hooks/overview"
import { formatDate, formatDateTime, formatMoney } from "../../lib/format"
import { clampLines, oneLine } from "../../lib/styles"

// below this width (a 1 024 px window) the six figures go into two rows of three
const TWO_ROWS_BELOW = 900
// two rows: no left border at the start of a row, a top border above the second
const TWO_ROWS_CSS = `[data-testid="finapi-overview"][data-rows="2"] > :nth-child(3n+1) { border-left-width: 0; }
[data-testid="finapi-overview"][data-rows="2"] > :nth-child(n+4) { border-top-width: 1px; }`

// one line per currency (a second currency on the same line was cut off)
const money = (rows: { currency_code: string; amount: string }[], locale: string) =>
  rows.length ? rows.map((r) => formatMoney(r.amount, r.currency_code.toUpperCase(), locale)) : [formatMoney(0, "EUR", locale)]

/**
 * The operator's day at a glance, above the list: money waiting for matching, the share matched
 * automatically in the last 30 days, what waits for booking, the next consent expiry, the last
 * import, and a 14-day chart of incoming vs matched payments.
 */
export const OverviewHeader = () => {
  const { t, i18n } = useTranslation()
  const { data } = useOverview()
  const [ref, narrow] = useNarrowerThan(TWO_ROWS_BELOW)
  if (!data) {
    return null
  }
  const share = data.auto_share_30d.total ? Math.round((data.auto_share_30d.auto / data.auto_share_30d.total) * 100) : null
  const nextConsent = data.consents.find((c) => c.consent_expires_at)
  return (
    // inline grid and fills: the host admin build only generates the Tailwind classes the dashboard itself uses
    <Container
      ref={ref}
      className="divide-x p-0"
      style={{ display: "grid", gridTemplateColumns: narrow ? "repeat(3, minmax(0, 1fr))" : "repeat(5, minmax(0, 1fr)) minmax(0, 1.3fr)" }}
      data-rows={narrow ? 2 : 1}
      data-testid="finapi-overview"
    >
      <Figure label={t("finapi.overview.open")} value={money(data.open, i18n.language)} note={t("finapi.overview.payments", { count: data.open.reduce((n, r) => n + r.count, 0) })} />
      <Figure
        label={t("finapi.overview.autoShare")}
        value={[share === null ? "–" : `${share} %`]}
        note={t("finapi.overview.autoShareNote", { auto: data.auto_share_30d.auto, total: data.auto_share_30d.total })}
      />
      <Figure
        label={t("finapi.overview.toBook")}
        value={money(data.to_book, i18n.language)}
        note={<Link className="text-ui-fg-interactive" to="/incoming-payments/booking">{t("finapi.overview.lines", { count: data.to_book.reduce((n, r) => n + r.count, 0) })}</Link>}
      />
      <Figure
        label={t("finapi.overview.nextConsent")}
        value={[nextConsent ? formatDate(nextConsent.consent_expires_at, i18n.language) : "–"]}
        note={nextConsent ? `${nextConsent.label}${data.consents.length > 1 ? ` · ${t("finapi.overview.moreConnections", { count: data.consents.length - 1 })}` : ""}` : t("finapi.overview.noConnection")}
      />
      <Figure
        label={t("finapi.overview.lastImport")}
        // the date as the figure, the time with the result below (date and time in one were cut off)
        value={[data.last_run ? formatDate(data.last_run.started_at, i18n.language) : "–"]}
        title={data.last_run ? formatDateTime(data.last_run.started_at, i18n.language) : undefined}
        note={
          data.last_run
            ? `${new Date(data.last_run.started_at).toLocaleTimeString(i18n.language, { timeStyle: "short" })} · ${t(`finapi.incomingPaymentsPage.runStatus.${data.last_run.status}`)} · ${t("finapi.incomingPaymentsPage.result", { imported: data.last_run.imported_count, known: data.last_run.duplicate_count })}`
            : t("finapi.incomingPaymentsPage.noRuns")
        }
      />
      <div className="flex flex-col gap-y-1 px-4 py-3">
        <Text size="xsmall" className="text-ui-fg-subtle" style={clampLines(2)}>{t("finapi.overview.chart")}</Text>
        <DayChart days={data.days} />
      </div>
      {/* last: the figures' nth-child rules count from the first */}
      <style>{TWO_ROWS_CSS}</style>
    </Container>
  )
}

/** Label and note wrap to two lines rather than being cut; each value (e.g. one per currency) on its own line. */
const Figure = ({ label, value, note, title }: { label: string; value: string[]; note: React.ReactNode; title?: string }) => (
  <div className="flex min-w-0 flex-col gap-y-0.5 px-4 py-3">
    <Text size="xsmall" className="text-ui-fg-subtle" style={clampLines(2)} title={label}>{label}</Text>
    {value.map((v) => (
      <Text key={v} size="large" weight="plus" style={oneLine} title={title ?? v}>{v}</Text>
    ))}
    <Text size="xsmall" className="text-ui-fg-muted" style={clampLines(2)}>{note}</Text>
  </div>
)

/** Bars per booking day: incoming (grey) with the matched part (green) in front; the counts on hover. */
const DayChart = ({ days }: { days: Overview["days"] }) => {
  const { t, i18n } = useTranslation()
  const max = Math.max(1, ...days.map((d) => d.incoming))
  const width = 14
  const height = 48
  return (
    <svg viewBox={`0 0 ${days.length * width} ${height}`} className="h-12 w-full" preserveAspectRatio="none" role="img" aria-label={t("finapi.overview.chart")} data-testid="finapi-overview-chart">
      {days.map((d, i) => {
        const incoming = (d.incoming / max) * (height - 2)
        const matched = (d.matched / max) * (height - 2)
        return (
          <g key={d.day}>
            <title>{t("finapi.overview.dayTitle", { day: formatDate(d.day, i18n.language), incoming: d.incoming, matched: d.matched })}</title>
            <rect x={i * width + 2} y={height - incoming} width={width - 4} height={incoming} style={{ fill: "var(--border-strong)" }} />
            <rect x={i * width + 2} y={height - matched} width={width - 4} height={matched} style={{ fill: "var(--tag-green-icon)" }} />
          </g>
        )
      })}
    </svg>
  )
}
