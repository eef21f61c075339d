import { Button, Container, Heading, Text, toast } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { useBankConnections, useOnlineBankingAction } from "../../hooks/online-banking"
import type { BankInterface } from "../../lib/online-banking-types"
import { BankConnectionCard } from "./bank-connection-card"
import { LinkBankForm } from "./link-bank-form"

/** Bank connections tab: link a bank, refresh the list from finAPI, and each connection. */
export const BankConnections = ({ bankInterface }: { bankInterface: BankInterface }) => {
  const { t } = useTranslation()
  const connected = bankInterface.status === "connected"
  const { data, isLoading } = useBankConnections(bankInterface.id, false)
  const refresh = useOnlineBankingAction()
  const connections = data?.bank_connections ?? []
  return (
    <div className="flex flex-col gap-y-3">
      <Container className="flex flex-wrap items-center justify-between gap-4 px-6 py-4">
        <div>
          <Heading level="h2">{t("finapi.bankConnections")}</Heading>
          {!connected && <Text size="small" className="text-ui-fg-subtle">{t("finapi.connectFirst")}</Text>}
        </div>
        <div className="flex items-center gap-x-2">
          <LinkBankForm interfaceId={bankInterface.id} disabled={!connected} />
          <Button size="small" variant="secondary" disabled={!connected} isLoading={refresh.isPending}
            onClick={() => refresh.mutate({ path: `/interfaces/${bankInterface.id}/bank-connections/refresh` }, { onSuccess: () => toast.success(t("finapi.refreshed")), onError: (e) => toast.error(e.message) })}>
            {t("finapi.refreshList")}
          </Button>
        </div>
      </Container>
      {/* "no bank linked" only once the list has loaded, not while it loads */}
      {(isLoading || !connections.length) && (
        <Container className="px-6 py-6"><Text className="text-ui-fg-subtle">{t(isLoading ? "finapi.loading" : "finapi.noConnections")}</Text></Container>
      )}
      {connections.map((connection) => (
        <BankConnectionCard key={connection.id} connection={connection} />
      ))}
    </div>
  )
}
