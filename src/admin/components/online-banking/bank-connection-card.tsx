import { Button, Container, Heading, Text, toast, usePrompt } from "@medusajs/ui"
import { useEffect } from "react"
import { useTranslation } from "react-i18next"
import { useOnlineBankingAction } from "../../hooks/online-banking"
import { formatDate } from "../../lib/format"
import type { BankConnection } from "../../lib/online-banking-types"
import { BankAccountsTable } from "./bank-accounts-table"
import { openableUrl } from "../../lib/external-url"
import { ConnectionStatusBadge } from "./status-badges"
import type { BankConnectionRenewal } from "../../../types/http"

const OPEN_FORM = ["NOT_YET_OPENED", "IN_PROGRESS"]

/** One bank connection: bank, status, PIN saved, consent, accounts, and Renew / Disconnect. */
export const BankConnectionCard = ({ connection }: { connection: BankConnection }) => {
  const { t, i18n } = useTranslation()
  const prompt = usePrompt()
  const follow = useOnlineBankingAction()
  const renew = useOnlineBankingAction<BankConnectionRenewal>()
  const disconnect = useOnlineBankingAction("DELETE")
  const remove = useOnlineBankingAction()
  const path = `/bank-connections/${connection.id}`
  const formOpen = !!connection.web_form_status && OPEN_FORM.includes(connection.web_form_status)

  // while the operator is in finAPI's form, ask the backend to follow it (the callback may not reach us)
  useEffect(() => {
    if (!formOpen) {
      return
    }
    const timer = setInterval(() => follow.mutate({ path: `${path}/refresh` }), 3000)
    return () => clearInterval(timer)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [formOpen, path])

  const onRenew = () =>
    renew.mutate({ path: `${path}/renew` }, {
      onSuccess: ({ renewal }) => {
        const url = openableUrl(renewal.web_form_url)
        if (url) {
          window.open(url, "_blank", "noopener")
          toast.info(t("finapi.webFormOpened"))
        } else if (renewal.outcome === "updated") {
          toast.success(t("finapi.renewed"))
        } else {
          toast.error(renewal.message ?? t("finapi.error"))
        }
      },
      onError: (e) => toast.error(e.message),
    })
  const onDisconnect = async () => {
    if (await prompt({ title: t("finapi.disconnect"), description: t("finapi.disconnectConfirm"), confirmText: t("finapi.disconnect"), cancelText: t("finapi.cancel") })) {
      disconnect.mutate({ path }, { onError: (e) => toast.error(e.message) })
    }
  }
  const onRemove = async () => {
    if (await prompt({ title: t("finapi.removeConnection"), description: t("finapi.removeConnectionConfirm"), confirmText: t("finapi.removeConnection"), cancelText: t("finapi.cancel") })) {
      remove.mutate({ path: `${path}/remove` }, { onSuccess: () => toast.success(t("finapi.connectionRemoved")), onError: (e) => toast.error(e.message) })
    }
  }
  const removable = ["disconnected", "failed", "pending"].includes(connection.status) && !formOpen
  const linked = connection.status !== "pending" && connection.status !== "failed" && connection.status !== "disconnected"

  return (
    <Container className="divide-y p-0" data-testid="finapi-bank-connection">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h2">{connection.label}</Heading>
          <Text size="small" className="text-ui-fg-subtle">{connection.bank_name ?? t("finapi.bankNotYetKnown")}</Text>
        </div>
        <div className="flex items-center gap-x-2">
          <ConnectionStatusBadge status={connection.status} />
          {linked && <Button size="small" variant="secondary" onClick={onRenew} isLoading={renew.isPending}>{t("finapi.renew")}</Button>}
          {connection.status !== "disconnected" && !removable && (
            <Button size="small" variant="secondary" onClick={onDisconnect} isLoading={disconnect.isPending}>{t("finapi.disconnect")}</Button>
          )}
          {removable && (
            <Button size="small" variant="secondary" onClick={onRemove} isLoading={remove.isPending}>{t("finapi.removeConnection")}</Button>
          )}
        </div>
      </div>
      <div className="grid grid-cols-3 gap-4 px-6 py-4">
        {connection.status === "disconnected" ? (
          <div style={{ gridColumn: "span 2 / span 2" }}><Text size="xsmall" className="text-ui-fg-subtle">{t("finapi.disconnectedOn")}</Text><Text size="small">{formatDate(connection.disconnected_at, i18n.language)}</Text></div>
        ) : (
          <>
            <div><Text size="xsmall" className="text-ui-fg-subtle">{t("finapi.pinSaved")}</Text><Text size="small">{connection.secrets_stored ? t("finapi.yes") : t("finapi.no")}</Text></div>
            <div><Text size="xsmall" className="text-ui-fg-subtle">{t("finapi.consentExpires")}</Text><Text size="small">{formatDate(connection.consent_expires_at, i18n.language)}</Text></div>
          </>
        )}
        <div><Text size="xsmall" className="text-ui-fg-subtle">{t("finapi.webForm")}</Text><Text size="small">{connection.web_form_status ? t(`finapi.webFormStatus.${connection.web_form_status}`) : "–"}</Text></div>
      </div>
      {(connection.last_error || formOpen) && (
        <div className="px-6 py-3">
          {connection.last_error && <Text size="small" className="text-ui-fg-error">{connection.last_error}</Text>}
          {formOpen && openableUrl(connection.web_form_url) && (
            <a className="text-ui-fg-interactive text-sm" href={openableUrl(connection.web_form_url)!} target="_blank" rel="noopener noreferrer">{t("finapi.openWebForm")}</a>
          )}
        </div>
      )}
      <BankAccountsTable accounts={connection.accounts} disabled={connection.status === "disconnected"} />
    </Container>
  )
}
