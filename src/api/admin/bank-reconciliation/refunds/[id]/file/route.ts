import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/** The stored pain.001 file, as it was exported, to download (again). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [file],
  } = await query.graph({ entity: "refund_export", fields: ["id", "file_name", "xml"], filters: { id: req.params.id } }, { throwIfKeyNotFound: true })
  res.setHeader("Content-Type", "application/xml; charset=utf-8")
  res.setHeader("Content-Disposition", `attachment; filename="${file.file_name}"`)
  res.send(file.xml)
}
