import { Container, Heading, StatusBadge, Table, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { SyncRun, useSyncRuns } from "../../hooks/incoming-payments"
import { formatDate, formatDateTime } from "../../lib/format"

const STATUS_COLORS = { running: "blue", succeeded: "green", partially_failed: "orange", failed: "red", skipped: "grey" } as const

/** The import history: trigger, time frame, counts, skips and errors, duration. */
export const SyncRunsTable = () => {
  const { t, i18n } = useTranslation()
  const { data } = useSyncRuns(false)
  const runs = data?.sync_runs ?? []
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">{t("finapi.incomingPaymentsPage.history")}</Heading>
        <Text size="small" className="text-ui-fg-subtle">{t("finapi.incomingPaymentsPage.historyHint")}</Text>
      </div>
      {!runs.length ? (
        <div className="px-6 py-4">
          <Text size="small" className="text-ui-fg-subtle">{t("finapi.incomingPaymentsPage.noRuns")}</Text>
        </div>
      ) : (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>{t("finapi.incomingPaymentsPage.started")}</Table.HeaderCell>
              <Table.HeaderCell>{t("finapi.incomingPaymentsPage.trigger")}</Table.HeaderCell>
              <Table.HeaderCell>{t("finapi.status")}</Table.HeaderCell>
              <Table.HeaderCell>{t("finapi.incomingPaymentsPage.timeFrame")}</Table.HeaderCell>
              <Table.HeaderCell className="text-right">{t("finapi.incomingPaymentsPage.counts")}</Table.HeaderCell>
              <Table.HeaderCell className="text-right">{t("finapi.incomingPaymentsPage.duration")}</Table.HeaderCell>
              <Table.HeaderCell>{t("finapi.message")}</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {runs.map((run) => (
              <Table.Row key={run.id}>
                <Table.Cell>{formatDateTime(run.started_at, i18n.language)}</Table.Cell>
                <Table.Cell>{t(`finapi.incomingPaymentsPage.triggers.${run.trigger}`)}</Table.Cell>
                <Table.Cell>
                  <StatusBadge color={STATUS_COLORS[run.status]}>{t(`finapi.incomingPaymentsPage.runStatus.${run.status}`)}</StatusBadge>
                </Table.Cell>
                <Table.Cell>{timeFrame(run, i18n.language, t("finapi.incomingPaymentsPage.incremental"))}</Table.Cell>
                <Table.Cell className="text-right">
                  {t("finapi.incomingPaymentsPage.countsValue", {
                    fetched: run.fetched_count,
                    imported: run.imported_count,
                    known: run.duplicate_count,
                    filtered: run.filtered_count,
                  })}
                </Table.Cell>
                <Table.Cell className="text-right">{run.duration_ms === null ? "–" : `${(run.duration_ms / 1000).toFixed(1)} s`}</Table.Cell>
                <Table.Cell>
                  <Text size="small" className="text-ui-fg-subtle">{notes(run) || "–"}</Text>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </Container>
  )
}

function timeFrame(run: SyncRun, locale: string, incremental: string): string {
  if (!run.window_from && !run.window_to) {
    return incremental
  }
  return `${formatDate(run.window_from, locale)} – ${formatDate(run.window_to, locale)}`
}

function notes(run: SyncRun): string {
  return [...(run.errors ?? []).map((e) => e.message), ...(run.skipped ?? []).map((s) => s.message)].join(" ")
}
