import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { updateStoresWorkflow } from "@medusajs/medusa/core-flows"

// Written last, so a seed that crashed halfway is not mistaken for a finished one.
const MARKER = "finapi_demo_seeded_at"

export async function findSeededAt(container: MedusaContainer) {
  const [store] = await container.resolve(Modules.STORE).listStores()
  const seededAt = store?.metadata?.[MARKER]
  return typeof seededAt === "string" ? seededAt : undefined
}

export async function markSeeded(container: MedusaContainer) {
  const [store] = await container.resolve(Modules.STORE).listStores()
  await updateStoresWorkflow(container).run({
    input: {
      selector: { id: store.id },
      update: { metadata: { ...store.metadata, [MARKER]: new Date().toISOString() } },
    },
  })
}
