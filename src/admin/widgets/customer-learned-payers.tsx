import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { Button, Container, Heading, Text, toast } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { useForgetLearnedPayer, useLearnedPayers, type LearnedPayer } from "../hooks/learned-payers"
import { formatDate, formatIban } from "../lib/format"

/**
 * On the customer: the payer IBANs and payer names the plugin learned from the operator's
 * assignments (and IBANs from booked payments), each removable. Self-contained: it needs only the
 * customer id.
 */
const CustomerLearnedPayersWidget = ({ data: customer }: DetailWidgetProps<AdminCustomer>) => {
  const { t } = useTranslation()
  const { data } = useLearnedPayers(customer.id)
  const rows = data?.learned_payers ?? []
  const groups: { kind: LearnedPayer["kind"]; title: string }[] = [
    { kind: "iban", title: t("finapi.learnedPayers.ibans") },
    { kind: "name", title: t("finapi.learnedPayers.names") },
  ]
  return (
    <Container className="divide-y p-0" data-testid="finapi-learned-payers">
      <div className="flex flex-col gap-y-1 px-6 py-4">
        <Heading level="h2">{t("finapi.learnedPayers.title")}</Heading>
        <Text size="small" className="text-ui-fg-subtle">{t("finapi.learnedPayers.hint")}</Text>
      </div>
      {groups.map(({ kind, title }) => (
        <div key={kind} className="flex flex-col gap-y-2 px-6 py-4">
          <Text size="small" weight="plus">{title}</Text>
          {rows.filter((row) => row.kind === kind).length === 0 ? (
            <Text size="small" className="text-ui-fg-muted">{t("finapi.learnedPayers.none")}</Text>
          ) : (
            rows.filter((row) => row.kind === kind).map((row) => <LearnedRow key={`${row.kind}:${row.value}`} customerId={customer.id} row={row} />)
          )}
        </div>
      ))}
    </Container>
  )
}

const LearnedRow = ({ customerId, row }: { customerId: string; row: LearnedPayer }) => {
  const { t, i18n } = useTranslation()
  const forget = useForgetLearnedPayer(customerId)
  const remove = () =>
    forget.mutateAsync({ kind: row.kind, value: row.value })
      .then(() => toast.success(t("finapi.learnedPayers.removed")))
      .catch((error: Error) => toast.error(error.message))
  const origin = t(`finapi.learnedPayers.from.${row.learned_from}`)
  return (
    <div className="flex items-center justify-between gap-x-4" data-testid="finapi-learned-payer">
      <div className="flex min-w-0 flex-col">
        <Text size="small" className={row.kind === "iban" ? "truncate font-mono" : "truncate"}>{row.kind === "iban" ? formatIban(row.value) : row.value}</Text>
        <Text size="xsmall" className="text-ui-fg-subtle">{row.created_at ? `${origin} · ${formatDate(row.created_at, i18n.language)}` : origin}</Text>
      </div>
      <Button size="small" variant="secondary" isLoading={forget.isPending} onClick={remove} aria-label={`${t("finapi.learnedPayers.remove")} ${row.value}`}>
        {t("finapi.learnedPayers.remove")}
      </Button>
    </div>
  )
}

export const config = defineWidgetConfig({ zone: "customer.details.after" })

export default CustomerLearnedPayersWidget
