import type { MedusaContainer } from "@medusajs/framework/types"
import type { AxiosInstance } from "axios"
import type { SandboxHandle } from "../../sandbox/server"
import { createAdminUser } from "./admin-user"
import { linkTestBankThroughAdmin } from "./linked-test-bank"
import { createGermanRegion, createUnpaidOrder } from "./order"

const BASE = "/admin/bank-reconciliation"

type OrderItem = { title: string; quantity: number; unit_price: number }

/**
 * The shop the matching suites work in: before each test an admin and the German region. Gives the
 * plugin's admin routes called with the admin's headers (an error answers with its response instead
 * of throwing), unpaid orders in that region, and the Test Bank linked through the admin. Call it in
 * medusaIntegrationTestRunner's testSuite.
 */
export function useAdminShop(api: AxiosInstance, getContainer: () => MedusaContainer, sandbox: { readonly current: SandboxHandle }) {
  const shop = {
    headers: {} as Record<string, string>,
    regionId: "",
    get: (path: string) => api.get(`${BASE}${path}`, { headers: shop.headers }).catch((e) => e.response),
    post: (path: string, body: unknown = {}) => api.post(`${BASE}${path}`, body, { headers: shop.headers }).catch((e) => e.response),
    del: (path: string) => api.delete(`${BASE}${path}`, { headers: shop.headers }).catch((e) => e.response),
    /** An order of `customer` in the shop's region that owes its total. */
    unpaidOrder: (customer: { id: string; email: string }, items: OrderItem[], metadata?: Record<string, unknown>) =>
      createUnpaidOrder(getContainer(), { region_id: shop.regionId, customer_id: customer.id, email: customer.email, items, metadata }),
    /** The finAPI Test Bank linked as an operator links it (see linkTestBankThroughAdmin). */
    linkTestBank: (password = "Operator-Chosen-Pw-4711") => linkTestBankThroughAdmin(api, shop.headers, sandbox.current, password),
  }
  beforeEach(async () => {
    shop.headers = (await createAdminUser(getContainer())).headers
    shop.regionId = (await createGermanRegion(getContainer())).id
  })
  return shop
}
