import { useTranslation } from "react-i18next"
import { useBankInterface } from "../hooks/online-banking"

/** A breadcrumb label from the plugin's texts (route `handle.breadcrumb` renders it in the dashboard's tree). */
export const Crumb = ({ text }: { text: string }) => {
  const { t } = useTranslation()
  return <>{t(text)}</>
}

/** The interface's name as the last breadcrumb of its page. */
export const InterfaceCrumb = ({ id }: { id: string }) => {
  const { data } = useBankInterface(id)
  return <>{data?.interface.name ?? "…"}</>
}
