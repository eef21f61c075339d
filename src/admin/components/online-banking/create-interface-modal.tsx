import { Button, FocusModal, Heading, Input, Label, Text, Textarea, toast } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { useNavigate } from "react-router-dom"
import { useOnlineBankingAction } from "../../hooks/online-banking"
import type { BankInterface } from "../../lib/online-banking-types"
import { formWidth } from "../../lib/styles"

/** "Create" in a FocusModal: name and description; the interface opens afterwards. */
export const CreateInterfaceModal = () => {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const [open, setOpen] = useState(false)
  const [name, setName] = useState("")
  const [description, setDescription] = useState("")
  const create = useOnlineBankingAction<{ interface: BankInterface }>()

  const submit = () =>
    create.mutate(
      { path: "/interfaces", body: { name, description: description || null } },
      {
        onSuccess: ({ interface: created }) => {
          toast.success(t("finapi.created", { name: created.name }))
          setOpen(false)
          navigate(`/settings/online-banking/${created.id}`)
        },
        onError: (error) => toast.error(error.message),
      }
    )

  return (
    <FocusModal open={open} onOpenChange={setOpen}>
      <FocusModal.Trigger asChild>
        <Button size="small" variant="secondary">{t("finapi.create")}</Button>
      </FocusModal.Trigger>
      <FocusModal.Content aria-describedby={undefined}>
        <FocusModal.Header>
          <Button size="small" onClick={submit} isLoading={create.isPending} disabled={!name.trim()}>
            {t("finapi.save")}
          </Button>
        </FocusModal.Header>
        <FocusModal.Body className="flex flex-col items-center py-16">
          <div className="flex flex-col gap-y-6" style={formWidth}>
            <div>
              <FocusModal.Title asChild>
                <Heading>{t("finapi.createInterface")}</Heading>
              </FocusModal.Title>
              <Text className="text-ui-fg-subtle">{t("finapi.createInterfaceHint")}</Text>
            </div>
            <div className="flex flex-col gap-y-2">
              <Label htmlFor="finapi-interface-name">{t("finapi.name")}</Label>
              <Input id="finapi-interface-name" value={name} onChange={(e) => setName(e.target.value)} />
            </div>
            <div className="flex flex-col gap-y-2">
              <Label htmlFor="finapi-interface-description">{t("finapi.description")}</Label>
              <Textarea id="finapi-interface-description" value={description} onChange={(e) => setDescription(e.target.value)} />
            </div>
          </div>
        </FocusModal.Body>
      </FocusModal.Content>
    </FocusModal>
  )
}
