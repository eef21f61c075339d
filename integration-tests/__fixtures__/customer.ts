import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, generateJwtToken, Modules } from "@medusajs/framework/utils"
import { createApiKeysWorkflow } from "@medusajs/medusa/core-flows"

type CustomerInput = { email?: string; first_name?: string; last_name?: string; company_name?: string | null }

/** Creates a customer with a bearer token and a publishable key: headers for /store routes. */
export async function createStoreCustomer(container: MedusaContainer, input: CustomerInput = {}) {
  const email = input.email ?? "erika@example.com"
  const customer = await container.resolve(Modules.CUSTOMER).createCustomers({
    email,
    first_name: input.first_name ?? "Erika",
    last_name: input.last_name ?? "Mustermann",
    company_name: input.company_name ?? null,
    has_account: true,
  })
  const authIdentity = await container.resolve(Modules.AUTH).createAuthIdentities({
    provider_identities: [{ provider: "emailpass", entity_id: email }],
    app_metadata: { customer_id: customer.id },
  })
  const { result } = await createApiKeysWorkflow(container).run({
    input: { api_keys: [{ title: "Storefront", type: "publishable", created_by: "" }] },
  })
  const publishableKey = result[0].token
  const config = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
  const token = generateJwtToken(
    {
      actor_id: customer.id,
      actor_type: "customer",
      auth_identity_id: authIdentity.id,
      app_metadata: { customer_id: customer.id },
    },
    { secret: config.projectConfig.http.jwtSecret!, expiresIn: "1d" }
  )
  return {
    customer,
    token,
    publishableKey,
    headers: { authorization: `Bearer ${token}`, "x-publishable-api-key": publishableKey },
  }
}
