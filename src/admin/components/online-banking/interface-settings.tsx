import { Button, Container, Heading, Input, Label, Text, Textarea, toast, usePrompt } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { useNavigate } from "react-router-dom"
import { useOnlineBankingAction } from "../../hooks/online-banking"
import type { BankInterface } from "../../lib/online-banking-types"
import { InterfaceStatusBadge } from "./status-badges"

/** Settings tab: name and description, "Connect to finAPI", delete. */
export const InterfaceSettings = ({ bankInterface }: { bankInterface: BankInterface }) => {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const prompt = usePrompt()
  const [name, setName] = useState(bankInterface.name)
  const [description, setDescription] = useState(bankInterface.description ?? "")
  const [password, setPassword] = useState("")
  const save = useOnlineBankingAction()
  const connect = useOnlineBankingAction()
  const remove = useOnlineBankingAction("DELETE")
  const path = `/interfaces/${bankInterface.id}`
  const firstConnect = !bankInterface.finapi_user_id

  const onError = (error: Error) => toast.error(error.message)
  const onConnect = () =>
    connect.mutate(
      { path: `${path}/connect`, body: password ? { password } : {} },
      { onSuccess: () => (setPassword(""), toast.success(t("finapi.connectedToast"))), onError }
    )
  const onDelete = async () => {
    if (await prompt({ title: t("finapi.deleteInterface"), description: t("finapi.deleteInterfaceConfirm"), confirmText: t("finapi.delete"), cancelText: t("finapi.cancel") })) {
      remove.mutate({ path }, { onSuccess: () => navigate("/settings/online-banking"), onError })
    }
  }

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <div className="flex items-center justify-between px-6 py-4">
          <Heading level="h2">{t("finapi.finapiAccess")}</Heading>
          <InterfaceStatusBadge status={bankInterface.status} />
        </div>
        <div className="flex flex-col gap-y-4 px-6 py-4">
          {bankInterface.last_error && (
            <Text className="text-ui-fg-error" size="small" data-testid="finapi-interface-error">{bankInterface.last_error}</Text>
          )}
          {bankInterface.finapi_user_id && (
            <Text size="small" className="text-ui-fg-subtle">{t("finapi.finapiUser", { id: bankInterface.finapi_user_id })}</Text>
          )}
          <div className="flex max-w-md flex-col gap-y-2">
            <Label htmlFor="finapi-password">{firstConnect ? t("finapi.passwordNew") : t("finapi.passwordReconnect")}</Label>
            <Input id="finapi-password" type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />
            <Text size="xsmall" className="text-ui-fg-subtle">{firstConnect ? t("finapi.passwordNewHint") : t("finapi.passwordReconnectHint")}</Text>
          </div>
          <div>
            <Button size="small" onClick={onConnect} isLoading={connect.isPending}>{t("finapi.connect")}</Button>
          </div>
        </div>
      </Container>
      <Container className="divide-y p-0">
        <div className="px-6 py-4"><Heading level="h2">{t("finapi.general")}</Heading></div>
        <div className="flex flex-col gap-y-4 px-6 py-4" style={{ maxWidth: 512 }}>
          <div className="flex flex-col gap-y-2">
            <Label htmlFor="finapi-edit-name">{t("finapi.name")}</Label>
            <Input id="finapi-edit-name" value={name} onChange={(e) => setName(e.target.value)} />
          </div>
          <div className="flex flex-col gap-y-2">
            <Label htmlFor="finapi-edit-description">{t("finapi.description")}</Label>
            <Textarea id="finapi-edit-description" value={description} onChange={(e) => setDescription(e.target.value)} />
          </div>
          <div className="flex gap-x-2">
            <Button size="small" variant="secondary" isLoading={save.isPending}
              onClick={() => save.mutate({ path, body: { name, description: description || null } }, { onSuccess: () => toast.success(t("finapi.saved")), onError })}>
              {t("finapi.save")}
            </Button>
            <Button size="small" variant="danger" onClick={onDelete} isLoading={remove.isPending}>{t("finapi.delete")}</Button>
          </div>
        </div>
      </Container>
    </div>
  )
}
