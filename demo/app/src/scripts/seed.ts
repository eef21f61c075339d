import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { seedAdminUser } from "../seed/seed-admin-user"
import { seedCatalogue } from "../seed/seed-catalogue"
import { seedCustomers } from "../seed/seed-customers"
import { findSeededAt, markSeeded } from "../seed/seed-marker"
import { seedOrders } from "../seed/seed-orders"
import { seedPrepaymentOrders } from "../seed/seed-prepayment-orders"
import { offerBankTransfer, seedStore } from "../seed/seed-store"

/**
 * Seeds the German demo store once: `npx medusa exec ./src/scripts/seed.ts`
 * (demo/start.js runs it on every start; after the first run it only says so).
 */
export default async function seedDemoStore({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const email = process.env.DEMO_ADMIN_EMAIL
  const password = process.env.DEMO_ADMIN_PASSWORD
  if (!email || !password) {
    throw new Error("DEMO_ADMIN_EMAIL and DEMO_ADMIN_PASSWORD must be set (demo/start.js sets them).")
  }

  const seededAt = await findSeededAt(container)
  if (seededAt) {
    const offered = await offerBankTransfer(container)
    logger.info(
      `Demo data already seeded at ${seededAt}; ` +
        (offered ? "bank transfer is now offered on the demo region." : "nothing to do.")
    )
    return
  }

  const started = Date.now()
  await seedAdminUser(container, { email, password })
  const { region, salesChannel, publishableKey } = await seedStore(container)
  const variantIdBySku = await seedCatalogue(container, { salesChannelId: salesChannel.id })
  const customerIdByKey = await seedCustomers(container)
  const orders = await seedOrders(container, {
    regionId: region.id,
    salesChannelId: salesChannel.id,
    customerIdByKey,
    variantIdBySku,
  })
  const prepayment = await seedPrepaymentOrders(container, {
    regionId: region.id,
    salesChannelId: salesChannel.id,
    customerIdByKey,
    variantIdBySku,
  })
  await markSeeded(container)

  logger.info(
    `Demo data seeded in ${((Date.now() - started) / 1000).toFixed(1)} s: ` +
      `${customerIdByKey.size} customers, ${variantIdBySku.size} variants, ` +
      `${orders.length} unpaid orders (#${orders[0].display_id}–#${orders[orders.length - 1].display_id}), ` +
      `${prepayment.placed.length} bank-transfer orders (#${prepayment.placed.map((o) => o.display_id).join(", #")}) ` +
      `with ${prepayment.reminded} reminders sent and #${prepayment.cancelled.join(", #")} cancelled by the prepayment job, ` +
      `publishable key ${publishableKey.token}`
  )
}
