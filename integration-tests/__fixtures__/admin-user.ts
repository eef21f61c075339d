import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, generateJwtToken, Modules } from "@medusajs/framework/utils"

/** Creates an admin user and returns request headers carrying a valid bearer token for it. */
export async function createAdminUser(container: MedusaContainer, email = "admin@shop.test") {
  const user = await container.resolve(Modules.USER).createUsers({ email, first_name: "Ada", last_name: "Admin" })
  const authIdentity = await container.resolve(Modules.AUTH).createAuthIdentities({
    provider_identities: [{ provider: "emailpass", entity_id: email }],
    app_metadata: { user_id: user.id },
  })
  const config = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
  const token = generateJwtToken(
    { actor_id: user.id, actor_type: "user", auth_identity_id: authIdentity.id, app_metadata: { user_id: user.id } },
    { secret: config.projectConfig.http.jwtSecret!, expiresIn: "1d" }
  )
  return { user, token, headers: { authorization: `Bearer ${token}` } }
}
