import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createUsersWorkflow } from "@medusajs/medusa/core-flows"

/** Creates the admin login the demo prints, the same way `medusa user` does. */
export async function seedAdminUser(
  container: MedusaContainer,
  { email, password }: { email: string; password: string }
) {
  const existing = await container.resolve(Modules.USER).listUsers({ email })
  if (existing.length) {
    return existing[0]
  }

  const { result: users } = await createUsersWorkflow(container).run({
    input: { users: [{ email, first_name: "Demo", last_name: "Admin" }] },
  })
  const auth = container.resolve(Modules.AUTH)
  const { authIdentity, error } = await auth.register("emailpass", {
    body: { email, password },
  })
  if (error || !authIdentity) {
    throw new Error(`Could not register the demo admin login: ${error}`)
  }
  await auth.updateAuthIdentities({
    id: authIdentity.id,
    app_metadata: { user_id: users[0].id },
  })
  return users[0]
}
