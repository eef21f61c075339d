import { FinapiUserCredentials } from "../client-config"
import { User, UserCreateParams, UserSchema } from "../schemas/user"
import { CallContext } from "./call-context"

/** Creates a finAPI user with the client token; 422 ENTITY_EXISTS surfaces as a `conflict` error. */
export function createUser(ctx: CallContext, params: UserCreateParams): Promise<User> {
  ctx.redactor.remember(params.password)
  return ctx.tokens.withClientToken(async (token) => {
    const user = await ctx.transport.call({
      operation: "createUser",
      api: "access",
      method: "POST",
      path: "/api/v2/users",
      json: params,
      token,
      schema: UserSchema,
    })
    // finAPI generates a password when none was given and returns it in clear once.
    ctx.redactor.remember(user.password)
    return user
  })
}

/** Reads the user behind the credentials (password comes back masked). */
export function getUser(ctx: CallContext, user: FinapiUserCredentials): Promise<User> {
  return ctx.tokens.withUserToken(user, (token) =>
    ctx.transport.call({ operation: "getUser", api: "access", method: "GET", path: "/api/v2/users", token, schema: UserSchema })
  )
}

/** Deletes the user and, at finAPI, all its connections, accounts and transactions. */
export async function deleteUser(ctx: CallContext, user: FinapiUserCredentials): Promise<void> {
  await ctx.tokens.withUserToken(user, (token) =>
    ctx.transport.call({ operation: "deleteUser", api: "access", method: "DELETE", path: "/api/v2/users", token })
  )
  ctx.tokens.forgetUser(user.userId)
}
