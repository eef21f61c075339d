import { Button, Container, Heading, Select, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { RefundCandidatesTable } from "../../../components/refunds/refund-candidates-table"
import { RefundExportsList } from "../../../components/refunds/refund-exports-list"
import { useImportableAccounts } from "../../../hooks/incoming-payments"
import { refundFileUrl, useExportRefunds, useRefundCandidates } from "../../../hooks/refunds"
import { formatIban, formatMoney } from "../../../lib/format"
import { Crumb } from "../../../components/breadcrumb"

/**
 * Refunds: money that belongs to no open order (overpayments, duplicates, payments for cancelled
 * orders or for no order). The operator selects payments and exports one SEPA file to upload in
 * online banking; the plugin itself never sends money.
 */
const RefundsPage = () => {
  const { t, i18n } = useTranslation()
  const { data, isLoading } = useRefundCandidates()
  const { data: accounts } = useImportableAccounts()
  const exportRefunds = useExportRefunds()
  const [selected, setSelected] = useState<Set<string>>(new Set())
  const [accountId, setAccountId] = useState<string>("")
  const rows = data?.candidates ?? []
  const account = accountId || accounts?.accounts.find((a) => a.iban)?.id || ""
  const total = rows.filter((r) => selected.has(r.id)).reduce((sum, r) => sum + Math.round(Number(r.surplus) * 100), 0) / 100

  const toggle = (ids: string[], on: boolean) =>
    setSelected((current) => {
      const next = new Set(current)
      ids.forEach((id) => (on ? next.add(id) : next.delete(id)))
      return next
    })

  const start = () =>
    exportRefunds.mutate(
      { transaction_ids: [...selected], bank_account_id: account },
      {
        onSuccess: ({ refund_export: file }) => {
          setSelected(new Set())
          toast.success(t("finapi.refunds.exported", { count: file.count }), {
            action: { label: t("finapi.refunds.download"), altText: file.file_name, onClick: () => void window.open(refundFileUrl(file.id)) },
          })
        },
        onError: (error) => toast.error(error.message),
      }
    )

  return (
    <div className="flex flex-col gap-y-3">
      {/* in a narrow window the account and the export button wrap below the hint, each on one line */}
      <Container className="flex flex-wrap items-center justify-between gap-4 px-6 py-4">
        <div style={{ flex: "1 1 320px" }}>
          <Heading>{t("finapi.refunds.title")}</Heading>
          <Text className="text-ui-fg-subtle" size="small">{t("finapi.refunds.hint")}</Text>
        </div>
        <div className="flex flex-wrap items-center gap-2 whitespace-nowrap">
          <Select size="small" value={account} onValueChange={setAccountId}>
            <Select.Trigger style={{ width: 344 }} aria-label={t("finapi.refunds.fromAccount")}><Select.Value placeholder={t("finapi.refunds.fromAccount")} /></Select.Trigger>
            <Select.Content>
              {(accounts?.accounts ?? []).filter((a) => a.iban).map((a) => (
                <Select.Item key={a.id} value={a.id}>{`${a.name ?? a.connection?.label ?? ""} · ${formatIban(a.iban)}`}</Select.Item>
              ))}
            </Select.Content>
          </Select>
          <Button size="small" disabled={!selected.size || !account} isLoading={exportRefunds.isPending} onClick={start} data-testid="finapi-refunds-export">
            {selected.size ? t("finapi.refunds.export", { count: selected.size, total: formatMoney(total, "EUR", i18n.language) }) : t("finapi.refunds.exportNone")}
          </Button>
        </div>
      </Container>
      <Container className="p-0">
        {isLoading ? null : rows.length === 0 ? (
          <Text size="small" className="px-6 py-4 text-ui-fg-subtle">{t("finapi.refunds.none")}</Text>
        ) : (
          <RefundCandidatesTable rows={rows} selected={selected} onToggle={toggle} />
        )}
      </Container>
      <RefundExportsList />
    </div>
  )
}

export default RefundsPage

export const handle = { breadcrumb: () => <Crumb text="finapi.refunds.title" /> }
