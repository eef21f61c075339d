import { Input, Label, Select, Switch } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { useImportableAccounts } from "../../hooks/incoming-payments"
import { formatIban } from "../../lib/format"
import { DayInput } from "../day-input"

/** Filters beyond status and text: account, booking dates, amount range, and whether fully processed payments show. */
export type PaymentFilterValues = {
  showProcessed: boolean
  account_id?: string
  booking_date_from?: string
  booking_date_to?: string
  amount_min?: string
  amount_max?: string
}

const ALL = "all"

/** The query the transaction list sends for these values (fully processed payments are hidden unless asked for). */
export function paymentFilterQuery(values: PaymentFilterValues) {
  const { showProcessed, amount_min, amount_max, ...rest } = values
  return {
    ...rest,
    amount_min: decimalOrNothing(amount_min),
    amount_max: decimalOrNothing(amount_max),
    processed: showProcessed ? undefined : ("false" as const),
  }
}

// half-typed amounts ("12,") are left out rather than sent
function decimalOrNothing(text?: string): string | undefined {
  const value = text?.replace(",", ".").trim()
  return value && /^\d+(\.\d{1,2})?$/.test(value) ? value : undefined
}

export const PaymentFilters = ({ value, onChange }: { value: PaymentFilterValues; onChange: (next: PaymentFilterValues) => void }) => {
  const { t } = useTranslation()
  const accounts = useImportableAccounts()
  const set = (patch: Partial<PaymentFilterValues>) => onChange({ ...value, ...patch })
  return (
    <div className="flex flex-wrap items-end gap-4 px-6 py-3">
      <div className="flex items-center gap-x-2">
        <Switch id="finapi-show-processed" checked={value.showProcessed} onCheckedChange={(checked) => set({ showProcessed: checked })} />
        <Label htmlFor="finapi-show-processed" size="small">{t("finapi.assignment.showProcessed")}</Label>
      </div>
      <Select size="small" value={value.account_id ?? ALL} onValueChange={(id) => set({ account_id: id === ALL ? undefined : id })}>
        <Select.Trigger style={{ width: 224 }}>
          <Select.Value />
        </Select.Trigger>
        <Select.Content>
          <Select.Item value={ALL}>{t("finapi.assignment.allAccounts")}</Select.Item>
          {(accounts.data?.accounts ?? []).map((account) => (
            <Select.Item key={account.id} value={account.id}>{`${account.name ?? account.id} · ${formatIban(account.iban)}`}</Select.Item>
          ))}
        </Select.Content>
      </Select>
      <div className="flex items-center gap-x-1">
        <DayInput size="small" label={t("finapi.assignment.dateFrom")} value={value.booking_date_from} onChange={(day) => set({ booking_date_from: day })} />
        <DayInput size="small" label={t("finapi.assignment.dateTo")} value={value.booking_date_to} onChange={(day) => set({ booking_date_to: day })} />
      </div>
      <div className="flex items-center gap-x-1">
        <Input size="small" style={{ width: 128 }} aria-label={t("finapi.assignment.amountMin")} placeholder={t("finapi.assignment.amountMin")} value={value.amount_min ?? ""} onChange={(e) => set({ amount_min: e.target.value || undefined })} />
        <Input size="small" style={{ width: 128 }} aria-label={t("finapi.assignment.amountMax")} placeholder={t("finapi.assignment.amountMax")} value={value.amount_max ?? ""} onChange={(e) => set({ amount_max: e.target.value || undefined })} />
      </div>
    </div>
  )
}
