import { Button, FocusModal, Heading, Label, Select, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { SyncRun, useImportableAccounts, useImportTransactions, useSyncRuns } from "../../hooks/incoming-payments"
import { formatIban } from "../../lib/format"
import { syncRunProblems } from "../../lib/import-messages"
import { formWidth } from "../../lib/styles"
import { DayInput } from "../day-input"

const ALL_ACCOUNTS = "all"

/** "Get data": pick an account (or all) and an optional booking-date time frame; shows progress, then the result. */
export const GetDataModal = () => {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const [accountId, setAccountId] = useState(ALL_ACCOUNTS)
  const [from, setFrom] = useState("")
  const [to, setTo] = useState("")
  const accounts = useImportableAccounts()
  // a disconnected connection's accounts have nothing to import
  const importable = (accounts.data?.accounts ?? []).filter((a) => a.import_enabled && a.connection && a.connection.status !== "disconnected")
  const importing = useImportTransactions()
  const runs = useSyncRuns(importing.isPending)
  const running = importing.isPending ? runs.data?.sync_runs.find((r) => r.status === "running" && r.trigger === "operator") : undefined

  const submit = () =>
    importing.mutate(
      { account_id: accountId === ALL_ACCOUNTS ? undefined : accountId, booking_date_from: from || undefined, booking_date_to: to || undefined },
      {
        onSuccess: ({ sync_run, held_count }) => {
          reportResult(sync_run, held_count, t)
          setOpen(false)
        },
        onError: (error) => toast.error(error.message),
      }
    )

  return (
    <FocusModal open={open} onOpenChange={(next) => !importing.isPending && setOpen(next)}>
      <FocusModal.Trigger asChild>
        <Button size="small" variant="secondary">{t("finapi.incomingPaymentsPage.getData")}</Button>
      </FocusModal.Trigger>
      <FocusModal.Content aria-describedby={undefined}>
        <FocusModal.Header>
          <Button size="small" onClick={submit} isLoading={importing.isPending} disabled={!!from && !!to && from > to}>
            {t("finapi.incomingPaymentsPage.startImport")}
          </Button>
        </FocusModal.Header>
        <FocusModal.Body className="flex flex-col items-center py-16">
          <div className="flex flex-col gap-y-6" style={formWidth}>
            <div>
              <FocusModal.Title asChild>
                <Heading>{t("finapi.incomingPaymentsPage.getData")}</Heading>
              </FocusModal.Title>
              <Text className="text-ui-fg-subtle">{t("finapi.incomingPaymentsPage.getDataHint")}</Text>
            </div>
            <div className="flex flex-col gap-y-2">
              <Label>{t("finapi.incomingPaymentsPage.account")}</Label>
              <Select value={accountId} onValueChange={setAccountId}>
                <Select.Trigger>
                  <Select.Value />
                </Select.Trigger>
                <Select.Content>
                  <Select.Item value={ALL_ACCOUNTS}>{t("finapi.incomingPaymentsPage.allAccounts")}</Select.Item>
                  {importable.map((account) => (
                    <Select.Item key={account.id} value={account.id}>
                      {`${account.name ?? account.connection?.label ?? account.id} · ${formatIban(account.iban)}`}
                    </Select.Item>
                  ))}
                </Select.Content>
              </Select>
            </div>
            <div className="grid grid-cols-2 gap-x-4">
              <div className="flex flex-col gap-y-2">
                <Label id="finapi-import-from">{t("finapi.incomingPaymentsPage.bookedFrom")}</Label>
                <DayInput modal labelledBy="finapi-import-from" value={from} onChange={(day) => setFrom(day ?? "")} />
              </div>
              <div className="flex flex-col gap-y-2">
                <Label id="finapi-import-to">{t("finapi.incomingPaymentsPage.bookedTo")}</Label>
                <DayInput modal labelledBy="finapi-import-to" value={to} onChange={(day) => setTo(day ?? "")} />
              </div>
            </div>
            <Text size="small" className="text-ui-fg-subtle">{t("finapi.incomingPaymentsPage.timeFrameHint")}</Text>
            {importing.isPending && (
              <Text size="small" aria-live="polite">
                {running
                  ? t("finapi.incomingPaymentsPage.progress", { fetched: running.fetched_count, imported: running.imported_count })
                  : t("finapi.incomingPaymentsPage.updatingBank")}
              </Text>
            )}
          </div>
        </FocusModal.Body>
      </FocusModal.Content>
    </FocusModal>
  )
}

function reportResult(run: SyncRun, held: number, t: (key: string, options?: Record<string, unknown>) => string) {
  const summary = t("finapi.incomingPaymentsPage.result", { imported: run.imported_count, known: run.duplicate_count })
  const notes = [
    held ? t("finapi.incomingPaymentsPage.resultHeld", { count: held }) : null,
    ...syncRunProblems(run, t),
  ].filter(Boolean)
  if (run.status === "failed") {
    toast.error(summary, { description: notes.join(" ") })
  } else if (run.status === "partially_failed" || notes.length) {
    toast.warning(summary, { description: notes.join(" ") })
  } else {
    toast.success(summary)
  }
}
