import { Switch, Table, Text, toast } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { useOnlineBankingAction } from "../../hooks/online-banking"
import { formatDateTime, formatIban, formatMoney } from "../../lib/format"
import type { BankAccount } from "../../lib/online-banking-types"

/** The accounts of one connection, with the operator's import switch. */
export const BankAccountsTable = ({ accounts, disabled }: { accounts: BankAccount[]; disabled: boolean }) => {
  const { t, i18n } = useTranslation()
  const update = useOnlineBankingAction()
  if (!accounts.length) {
    return <Text size="small" className="text-ui-fg-subtle px-6 py-3">{t("finapi.noAccounts")}</Text>
  }
  return (
    <Table>
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell>IBAN</Table.HeaderCell>
          <Table.HeaderCell>{t("finapi.accountName")}</Table.HeaderCell>
          <Table.HeaderCell>{t("finapi.holder")}</Table.HeaderCell>
          <Table.HeaderCell>{t("finapi.balance")}</Table.HeaderCell>
          <Table.HeaderCell>{t("finapi.importEnabled")}</Table.HeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {accounts.map((account) => (
          <Table.Row key={account.id}>
            <Table.Cell><span className="font-mono">{formatIban(account.iban)}</span></Table.Cell>
            <Table.Cell>{account.name ?? "–"} {account.currency_code ? `(${account.currency_code})` : ""}</Table.Cell>
            <Table.Cell>{account.holder ?? "–"}</Table.Cell>
            <Table.Cell>
              {formatMoney(account.balance, account.currency_code, i18n.language)}
              <Text size="xsmall" className="text-ui-fg-subtle">{formatDateTime(account.balance_at, i18n.language)}</Text>
            </Table.Cell>
            <Table.Cell>
              <Switch
                checked={account.import_enabled}
                disabled={disabled || update.isPending}
                aria-label={t("finapi.importEnabled")}
                onCheckedChange={(checked) =>
                  update.mutate({ path: `/accounts/${account.id}`, body: { import_enabled: checked } }, { onError: (e) => toast.error(e.message) })
                }
              />
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  )
}
