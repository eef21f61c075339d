import { Button, Input, Label, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { useOnlineBankingAction } from "../../hooks/online-banking"
import { openableUrl } from "../../lib/external-url"
import type { BankConnection } from "../../lib/online-banking-types"

/** "Link new bank": the operator names the connection and gets finAPI's web form in a new tab. */
export const LinkBankForm = ({ interfaceId, disabled }: { interfaceId: string; disabled: boolean }) => {
  const { t } = useTranslation()
  const [label, setLabel] = useState("")
  const start = useOnlineBankingAction<{ bank_connection: BankConnection }>()
  const submit = () =>
    start.mutate(
      { path: `/interfaces/${interfaceId}/web-forms`, body: { label } },
      {
        onSuccess: ({ bank_connection }) => {
          setLabel("")
          const url = openableUrl(bank_connection.web_form_url)
          if (url) {
            window.open(url, "_blank", "noopener")
            toast.info(t("finapi.webFormOpened"))
          }
        },
        onError: (error) => toast.error(error.message),
      }
    )
  return (
    <div className="flex flex-col gap-y-1">
      <Label size="small" htmlFor="finapi-connection-name">{t("finapi.connectionName")}</Label>
      <div className="flex items-center gap-x-2">
        <Input id="finapi-connection-name" size="small" style={{ width: 288 }} placeholder={t("finapi.connectionNamePlaceholder")} value={label} onChange={(e) => setLabel(e.target.value)} />
        <Button size="small" onClick={submit} disabled={disabled || !label.trim()} isLoading={start.isPending}>
          {t("finapi.linkNewBank")}
        </Button>
      </div>
      {!disabled && !label.trim() && <Text size="xsmall" className="text-ui-fg-subtle">{t("finapi.linkNewBankHint")}</Text>}
    </div>
  )
}
